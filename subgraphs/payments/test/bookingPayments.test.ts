import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signQuote, verifyQuote, type Quote } from '#packages/quotes/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import { principalHeaders, serviceSecretHeaders } from '#test/support/serviceSecret.js';
import { shippingOptionRepresentation, type OptionSpec } from './shippingOptionRepresentation.js';
import { TEST_QUOTE_SECRET, startPayments, type GraphQLResult, type TestPayments } from './startPayments.js';

const LANDED_COST = `query ($representations: [_Any!]!, $currency: CurrencyCode!) {
  _entities(representations: $representations) { ... on ShippingOption { landedCost(currency: $currency) { quoteId total { amount currency } payableAtCheckout { amount currency } paymentProvider { id methods } } } }
}`;
const PAYMENT_FIELDS = 'id status provider amount { amount currency } escrow';
const AUTHORIZE = `mutation ($input: AuthorizePaymentInput!) { authorizePayment(input: $input) { ${PAYMENT_FIELDS} } }`;
const CAPTURE = `mutation ($input: PaymentActionInput!) { capturePayment(input: $input) { ${PAYMENT_FIELDS} } }`;
const VOID = `mutation ($input: PaymentActionInput!) { voidPayment(input: $input) { ${PAYMENT_FIELDS} } }`;
const RELEASE = `mutation ($input: PaymentActionInput!) { releaseEscrow(input: $input) { ${PAYMENT_FIELDS} } }`;
const REFUND = `mutation ($input: RefundPaymentInput!) { refundPayment(input: $input) { ${PAYMENT_FIELDS} } }`;
const PAYMENTS = `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Payment { ${PAYMENT_FIELDS} } } }`;

interface Payment {
  id: string;
  status: string;
  provider: string;
  amount: { amount: string; currency: string };
  escrow: boolean;
}
interface Quoted {
  quoteId: string;
  total: { amount: string; currency: string };
  payableAtCheckout: { amount: string; currency: string };
  paymentProvider: { id: string; methods: string[] };
}

/** Tea from China to a buyer in Germany, paid in euros. */
const TEA_TO_GERMANY: OptionSpec = {
  id: 'booking-de',
  from: 'CN',
  to: 'DE',
  goods: ['302.50', 'CNY'],
  shipping: ['12.80', 'USD'],
  duties: '0.00',
  taxes: '8.83',
  importCurrency: 'EUR',
};
const SERVICE = serviceSecretHeaders();
const key = Buffer.from(TEST_QUOTE_SECRET, 'utf8');
let payments: TestPayments;
let quoted: Quoted;
let keys = 0;
const idempotencyKey = (name: string) => `${name}-${++keys}`;
const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

function mutate<T>(query: string, input: Record<string, unknown>, headers: Record<string, string> = SERVICE): Promise<GraphQLResult<T>> {
  return payments.query<T>(query, { input }, headers);
}
const authorize = (input: Record<string, unknown>) => mutate<{ authorizePayment: Payment }>(AUTHORIZE, input);
const method = () => quoted.paymentProvider.methods[0]!;
/** The principal the gateway signs for an API key with this id. */
const keyHolder = (keyId: string): CallerPrincipal => ({ keyId, tier: 'developer', scopes: ['orders:write'], marketplaceId: undefined });
const readPayments = (ids: readonly string[], headers: Record<string, string>) =>
  payments.query<{ _entities: Array<Payment | null> }>(
    PAYMENTS,
    { representations: ids.map((id) => ({ __typename: 'Payment', id })) },
    headers,
  );

beforeAll(async () => {
  payments = await startPayments();
  const result = await payments.query<{ _entities: Array<{ landedCost: Quoted }> }>(LANDED_COST, {
    representations: [shippingOptionRepresentation(TEA_TO_GERMANY)],
    currency: 'EUR',
  });
  quoted = result.data!._entities[0]!.landedCost;
});
afterAll(() => payments.stop());

describe('payment mutations (internal)', () => {
  it('are refused without the service secret, authorizing nothing', async () => {
    const sandbox = payments.sandboxes.get(quoted.paymentProvider.id)!;
    await sandbox.resetStats();
    for (const headers of [{}, { 'x-service-secret': 'guess' }] as Array<Record<string, string>>) {
      const result = await mutate(
        AUTHORIZE,
        { quoteId: quoted.quoteId, method: method(), escrow: false, idempotencyKey: idempotencyKey('a') },
        headers,
      );
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
    }
    expect((await sandbox.stats()).total).toBe(0);
  });

  it("authorizes what the quote says is paid at checkout with the quote's provider, once per key", async () => {
    const input = { quoteId: quoted.quoteId, method: method(), escrow: false, idempotencyKey: idempotencyKey('authorize') };
    const first = await authorize(input);
    const again = await authorize(input);
    expect(first.errors).toBeUndefined();
    const payment = first.data!.authorizePayment;
    expect(payment).toMatchObject({
      status: 'AUTHORIZED',
      provider: quoted.paymentProvider.id,
      amount: quoted.payableAtCheckout,
      escrow: false,
    });
    expect(again.data!.authorizePayment).toEqual(payment);
    expect(Buffer.from(payment.id, 'base64url').toString('utf8')).toMatch(new RegExp(`^Payment:${quoted.paymentProvider.id}:.+`));
    const reused = await authorize({ ...input, escrow: true });
    expect(codeOf(reused)).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a quote token edited by hand as QUOTE_INVALID, and an expired one as QUOTE_EXPIRED', async () => {
    const [prefix, payload, mac] = quoted.quoteId.split('.') as [string, string, string];
    const decoded = Buffer.from(payload, 'base64url').toString('utf8');
    // The goods, in minor units of the buyer's currency: every sum (total, payable at checkout) is built from them.
    const cheaper = Buffer.from(decoded.replace(/"gc":\d+/, '"gc":1'), 'utf8').toString('base64url');
    expect(cheaper).not.toBe(payload);
    const edited = await authorize({
      quoteId: `${prefix}.${cheaper}.${mac}`,
      method: method(),
      escrow: false,
      idempotencyKey: idempotencyKey('edited'),
    });
    expect(edited.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTE_INVALID', argumentName: 'input.quoteId' });

    const issued = payments.clock.now;
    payments.clock.now += 31 * 60_000;
    try {
      const late = await authorize({ quoteId: quoted.quoteId, method: method(), escrow: false, idempotencyKey: idempotencyKey('late') });
      expect(codeOf(late)).toBe('QUOTE_EXPIRED');
    } finally {
      payments.clock.now = issued;
    }
  });

  it('voiding twice is harmless; a voided payment cannot be captured', async () => {
    const payment = (await authorize({ quoteId: quoted.quoteId, method: method(), escrow: false, idempotencyKey: idempotencyKey('v') }))
      .data!.authorizePayment;
    const voidInput = { paymentId: payment.id, idempotencyKey: idempotencyKey('void') };
    for (const input of [voidInput, voidInput, { ...voidInput, idempotencyKey: idempotencyKey('void') }]) {
      const voided = await mutate<{ voidPayment: Payment }>(VOID, input);
      expect(voided.errors).toBeUndefined();
      expect(voided.data!.voidPayment).toMatchObject({ id: payment.id, status: 'VOIDED' });
    }
    const capture = await mutate(CAPTURE, { paymentId: payment.id, idempotencyKey: idempotencyKey('capture') });
    expect(capture.errors?.[0]?.extensions).toMatchObject({ code: 'STATE_CONFLICT', provider: quoted.paymentProvider.id });
  });

  it('captures into escrow and releases to the seller; the Payment entity reads the status from the provider', async () => {
    const payment = (
      await authorize({ quoteId: quoted.quoteId, method: method(), escrow: true, idempotencyKey: idempotencyKey('e'), owner: 'key-a' })
    ).data!.authorizePayment;
    expect(payment).toMatchObject({ status: 'AUTHORIZED', escrow: true });
    const captured = await mutate<{ capturePayment: Payment }>(CAPTURE, {
      paymentId: payment.id,
      idempotencyKey: idempotencyKey('capture'),
    });
    expect(captured.data!.capturePayment.status).toBe('IN_ESCROW');
    const released = await mutate<{ releaseEscrow: Payment }>(RELEASE, {
      paymentId: payment.id,
      idempotencyKey: idempotencyKey('release'),
    });
    expect(released.data!.releaseEscrow).toMatchObject({ status: 'RELEASED', escrow: true, amount: quoted.payableAtCheckout });

    const read = await readPayments(
      [payment.id, Buffer.from(`Payment:${quoted.paymentProvider.id}:no-such-payment`).toString('base64url')],
      principalHeaders(keyHolder('key-a')),
    );
    expect(read.errors).toBeUndefined();
    expect(read.data!._entities).toEqual([{ ...released.data!.releaseEscrow }, null]);
  });

  it('refunds an escrowed payment to the buyer at the provider; the escrow can no longer be released', async () => {
    const payment = (await authorize({ quoteId: quoted.quoteId, method: method(), escrow: true, idempotencyKey: idempotencyKey('r') }))
      .data!.authorizePayment;
    await mutate(CAPTURE, { paymentId: payment.id, idempotencyKey: idempotencyKey('capture') });
    const refundInput = { paymentId: payment.id, idempotencyKey: idempotencyKey('refund') };
    for (const input of [refundInput, refundInput]) {
      const refunded = await mutate<{ refundPayment: Payment }>(REFUND, input);
      expect(refunded.errors).toBeUndefined();
      expect(refunded.data!.refundPayment).toMatchObject({ id: payment.id, status: 'REFUNDED', escrow: true });
    }
    const read = await readPayments([payment.id], SERVICE);
    expect(read.data!._entities[0]?.status).toBe('REFUNDED');
    expect(codeOf(await mutate(RELEASE, { paymentId: payment.id, idempotencyKey: idempotencyKey('release') }))).toBe('STATE_CONFLICT');
  });

  it('shows a payment through `_entities` only to the key its order was placed with: another key, a keyless caller and a forged id get null', async () => {
    const provider = payments.sandboxes.get(quoted.paymentProvider.id)!;
    const payment = (
      await authorize({ quoteId: quoted.quoteId, method: method(), escrow: false, idempotencyKey: idempotencyKey('o'), owner: 'key-a' })
    ).data!.authorizePayment;
    const [body, tag] = payment.id.split('.');
    expect(tag).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const asOwner = await readPayments([payment.id], principalHeaders(keyHolder('key-a')));
    expect(asOwner.data!._entities).toEqual([payment]);
    expect((await readPayments([payment.id], SERVICE)).data!._entities).toEqual([payment]);

    await provider.resetStats();
    // The provider's own id, untagged (what the id used to be), another owner's tag, and the id read by others.
    const forged = [body!, `${body}.${'A'.repeat(22)}`, `${body}.${tag}.${tag}`];
    for (const headers of [principalHeaders(keyHolder('key-b')), principalHeaders()]) {
      const read = await readPayments([payment.id, ...forged], headers);
      expect(read.errors).toBeUndefined();
      expect(read.data!._entities).toEqual([null, null, null, null]);
    }
    expect((await readPayments(forged, principalHeaders(keyHolder('key-a')))).data!._entities).toEqual([null, null, null]);
    // Refused before the provider is asked: ids cannot be probed through payments.
    expect((await provider.stats()).total).toBe(0);
  });

  it('releasing a payment that is not in escrow is a STATE_CONFLICT', async () => {
    const payment = (await authorize({ quoteId: quoted.quoteId, method: method(), escrow: false, idempotencyKey: idempotencyKey('n') }))
      .data!.authorizePayment;
    await mutate(CAPTURE, { paymentId: payment.id, idempotencyKey: idempotencyKey('capture') });
    const released = await mutate(RELEASE, { paymentId: payment.id, idempotencyKey: idempotencyKey('release') });
    expect(codeOf(released)).toBe('STATE_CONFLICT');
  });

  it('answers a declined authorization as PAYMENT_DECLINED, with the reason and the payment id', async () => {
    // A genuine quote (signed with the service's key) for a buyer the provider does not serve.
    const quote: Quote = { ...verifyQuote(quoted.quoteId, key, payments.clock.now), destinationCountry: 'KP' };
    const result = await authorize({
      quoteId: signQuote(quote, key),
      method: method(),
      escrow: false,
      idempotencyKey: idempotencyKey('declined'),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'PAYMENT_DECLINED', provider: quoted.paymentProvider.id });
    expect(result.errors![0]!.extensions!.declineReason).toBeTruthy();
    expect(result.errors![0]!.extensions!.paymentId).toEqual(expect.any(String));
  });

  it('refuses a method the quoted provider does not take', async () => {
    const other = ['CARD', 'WALLET', 'PIX', 'FPX'].find((candidate) => !quoted.paymentProvider.methods.includes(candidate))!;
    const result = await authorize({ quoteId: quoted.quoteId, method: other, escrow: false, idempotencyKey: idempotencyKey('m') });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.method' });
  });

  it('refunds a captured payment exactly, in parts up to the capture, once per key', async () => {
    const payment = (await authorize({ quoteId: quoted.quoteId, method: method(), escrow: true, idempotencyKey: idempotencyKey('p') }))
      .data!.authorizePayment;
    const { currency } = payment.amount;
    const refund = (amount: string, key: string, inCurrency: string = currency) =>
      mutate<{ refundPayment: Payment }>(REFUND, {
        paymentId: payment.id,
        amount,
        currency: inCurrency,
        reason: 'return ret_test',
        idempotencyKey: key,
      });
    expect(codeOf(await refund('1.00', idempotencyKey('early')))).toBe('STATE_CONFLICT');
    await mutate(CAPTURE, { paymentId: payment.id, idempotencyKey: idempotencyKey('capture') });
    const key = idempotencyKey('part');
    const first = await refund('1.01', key);
    expect(first.errors).toBeUndefined();
    expect(first.data!.refundPayment).toMatchObject({ id: payment.id, status: 'IN_ESCROW' });
    expect((await refund('1.01', key)).data!.refundPayment).toEqual(first.data!.refundPayment);
    expect(codeOf(await refund(payment.amount.amount, idempotencyKey('too-much')))).toBe('BAD_USER_INPUT');
    expect((await refund('0.001', idempotencyKey('sub-cent'))).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.amount',
    });
    const otherCurrency = currency === 'EUR' ? 'USD' : 'EUR';
    expect((await refund('1.00', idempotencyKey('other-currency'), otherCurrency)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'input.currency',
    });
    // what is left, whole: the payment is then REFUNDED
    const rest = await mutate<{ refundPayment: Payment }>(REFUND, { paymentId: payment.id, idempotencyKey: idempotencyKey('rest') });
    expect(rest.data!.refundPayment).toMatchObject({ id: payment.id, status: 'REFUNDED' });
  });
});
