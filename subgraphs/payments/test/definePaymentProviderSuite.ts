import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '#packages/errors/index.js';
import { fromMinor, parseMoney, type CurrencyCode, type Money } from '#packages/money/index.js';
import type { SandboxUpstream } from '#packages/sandbox/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import { priceFee, type FeeSchedule } from '#packages/sandbox/index.js';
import type { FeeQuote, FeeQuoteRequest, PaymentProvider } from '../src/adapters/ports.js';
import { ProviderRefusal, type ProviderRefusalReason } from '../src/adapters/ProviderRefusal.js';

export interface ProviderSuiteOptions {
  sandbox: SandboxUpstream;
  /** The fee schedule the sandbox publishes: the suite checks the adapter reads the vendor's prices exactly. */
  schedule: FeeSchedule;
  create(baseUrl: string, options?: { timeoutMs?: number; badCredentials?: boolean }): PaymentProvider;
  /** A payment the provider takes: its currency, a buyer country it serves, and a typical amount. */
  accepted: { currency: CurrencyCode; buyerCountry: string; amount: string };
  /** A currency with the same decimals that it does not take, and a country it does not serve. */
  unsupported: { currency: CurrencyCode; buyerCountry: string };
  /** The vendor's endpoint names (as counted in /__sandbox/stats). */
  endpoints: { feeQuotes: string; authorize: string; capture: string };
}

/**
 * What every payment provider adapter must do, against its real sandbox over HTTP: a batch of
 * fee quotes is one call with one answer per request, in order; a payment it will not take is a
 * refusal, not an error; fees are the vendor's own figures; authorizations honour their
 * idempotency key; capture, void and escrow release move the authorization as the vendor says, once
 * per key; an authorization reads back by id; failures map to `UpstreamError`s.
 */
export function definePaymentProviderSuite(options: ProviderSuiteOptions, adapterSpecific?: (sandbox: () => TestSandbox) => void): void {
  let sandbox: TestSandbox;
  let provider: PaymentProvider;
  const { currency, buyerCountry } = options.accepted;
  const terms = options.schedule.currencies[currency]!;
  const request = (amount: Money, overrides: Partial<FeeQuoteRequest> = {}): FeeQuoteRequest => ({
    amount,
    buyerCountry,
    merchantCountry: 'CN',
    settlementCurrency: 'CNY',
    ...overrides,
  });
  const typical = parseMoney(options.accepted.amount, currency);
  const expectedFee = (req: FeeQuoteRequest) => {
    const price = priceFee(options.schedule, { ...req, amountMinor: req.amount.minor, currency: req.amount.currency });
    if (!price.ok) throw new Error(`the suite's own request is refused: ${price.message}`);
    return fromMinor(price.feeMinor, req.amount.currency);
  };
  const refusal = (quote: FeeQuote | undefined) => (quote && !quote.accepted ? quote.reason : quote);
  const authorization = (reference: string, overrides: { escrow?: boolean } = {}) => ({
    ...request(typical),
    reference,
    escrow: overrides.escrow ?? false,
    idempotencyKey: `key-${reference}`,
  });
  async function refusalOf(promise: Promise<unknown>): Promise<ProviderRefusalReason> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'a ProviderRefusal').toBeInstanceOf(ProviderRefusal);
    return (error as ProviderRefusal).reason;
  }

  describe(`${options.sandbox.id} payment provider (conformance)`, () => {
    beforeAll(async () => {
      sandbox = await startSandbox(options.sandbox);
      provider = options.create(sandbox.url);
    });
    afterAll(async () => {
      await provider.close();
      await sandbox.close();
    });
    afterEach(async () => {
      await sandbox.setFault(null);
    });

    it('describes itself with its sandbox id and its payment methods', () => {
      expect(provider.info.id).toBe(options.sandbox.id);
      expect(provider.info.methods.length).toBeGreaterThan(0);
    });

    it('prices 60 payments in one call, one answer each in order, exactly as the vendor publishes', async () => {
      const requests = Array.from({ length: 60 }, (_, i) =>
        request(fromMinor(typical.minor + BigInt(i * 137), currency), {
          // Half cross-border with a settlement in another currency, half domestic in the same one.
          ...(i % 2 === 0 && { merchantCountry: buyerCountry, settlementCurrency: currency }),
        }),
      );
      await sandbox.resetStats();
      const quotes = await provider.quoteFees(requests);
      expect((await sandbox.stats()).byEndpoint).toEqual({ [options.endpoints.feeQuotes]: 1 });
      expect(quotes).toHaveLength(60);
      quotes.forEach((quote, i) => {
        expect(quote.accepted, `quote ${i}`).toBe(true);
        if (!quote.accepted) return;
        expect(quote.fee).toEqual(expectedFee(requests[i]!));
        expect(quote.breakdown.schedule).toBe(options.schedule.name);
        expect(quote.breakdown.fixed).toEqual(fromMinor(terms.fixedMinor, currency));
        expect(quote.breakdown.crossBorderBp).toBe(i % 2 === 0 ? 0 : options.schedule.crossBorderBp);
        expect(quote.breakdown.fxSpreadBp).toBe(i % 2 === 0 ? 0 : options.schedule.fxSpreadBp);
      });
    });

    it('refuses, without failing the batch, what it does not take: currency, country, below min, above max', async () => {
      const quotes = await provider.quoteFees([
        request(typical),
        request(parseMoney(options.accepted.amount, options.unsupported.currency)),
        request(typical, { buyerCountry: options.unsupported.buyerCountry }),
        request(fromMinor(terms.minMinor - 1, currency)),
        request(fromMinor(terms.minMinor, currency)),
        request(fromMinor(terms.maxMinor, currency)),
        request(fromMinor(terms.maxMinor + 1, currency)),
        request(fromMinor(1000n, 'JPY')),
      ]);
      expect(quotes.map((quote) => (quote.accepted ? 'OK' : quote.reason))).toEqual([
        'OK',
        'CURRENCY_NOT_SUPPORTED',
        'COUNTRY_NOT_SUPPORTED',
        'BELOW_MINIMUM',
        'OK',
        'OK',
        'ABOVE_MAXIMUM',
        currency === 'JPY' || options.schedule.currencies.JPY ? 'OK' : 'CURRENCY_NOT_SUPPORTED',
      ]);
      expect(refusal(quotes[1])).toBe('CURRENCY_NOT_SUPPORTED');
    });

    it('authorizes once per idempotency key, however often the call is repeated', async () => {
      const payment = { ...request(typical), reference: 'order-1', escrow: false, idempotencyKey: 'key-authorize-1' };
      await sandbox.resetStats();
      const first = await provider.authorize(payment);
      const again = await provider.authorize(payment);
      const other = await provider.authorize({ ...payment, idempotencyKey: 'key-authorize-2' });
      expect(first.status).toBe('AUTHORIZED');
      expect(first.amount).toEqual(typical);
      expect(again).toEqual(first);
      expect(other.id).not.toBe(first.id);
      expect((await sandbox.stats()).byEndpoint[options.endpoints.authorize]).toBe(3);

      const reused = await provider.authorize({ ...payment, amount: fromMinor(typical.minor + 1n, currency) }).catch((e: unknown) => e);
      expect(reused).toBeInstanceOf(UpstreamError);
      expect((reused as UpstreamError).failure).toBe('rejected');
      expect((reused as ProviderRefusal).reason).toBe('IDEMPOTENCY_KEY_REUSED');
    });

    it('declines an authorization it would refuse to price, as an answer', async () => {
      const declined = await provider.authorize({
        ...request(typical, { buyerCountry: options.unsupported.buyerCountry }),
        reference: 'order-2',
        escrow: false,
        idempotencyKey: 'key-declined',
      });
      expect(declined.status).toBe('DECLINED');
      expect(declined.declineReason).toBeTruthy();
    });

    it('captures and voids as the vendor allows, each once per key and harmless to repeat', async () => {
      const authorized = await provider.authorize(authorization('order-3'));
      await sandbox.resetStats();
      const captureKey = { authorizationId: authorized.id, idempotencyKey: 'capture-3' };
      const captured = await provider.capture(captureKey);
      expect(captured).toMatchObject({ id: authorized.id, status: 'CAPTURED', captured: typical, escrow: false });
      expect(await provider.capture(captureKey)).toEqual(captured);
      expect(await provider.capture({ ...captureKey, idempotencyKey: 'capture-3-again' })).toEqual(captured);
      expect((await sandbox.stats()).byEndpoint[options.endpoints.capture]).toBe(3);
      expect(await refusalOf(provider.void({ authorizationId: authorized.id, idempotencyKey: 'void-3' }))).toBe('STATE_CONFLICT');
      expect(await refusalOf(provider.releaseEscrow({ authorizationId: authorized.id, idempotencyKey: 'release-3' }))).toBe(
        'STATE_CONFLICT',
      );

      const released = await provider.authorize(authorization('order-4'));
      const voided = await provider.void({ authorizationId: released.id, idempotencyKey: 'void-4' });
      expect(voided.status).toBe('VOIDED');
      expect(await provider.void({ authorizationId: released.id, idempotencyKey: 'void-4' })).toEqual(voided);
      expect(await provider.void({ authorizationId: released.id, idempotencyKey: 'void-4-again' })).toEqual(voided);
      expect(await refusalOf(provider.capture({ authorizationId: 'no-such-authorization', idempotencyKey: 'capture-x' }))).toBe(
        'NOT_FOUND',
      );
    });

    it('refuses a capture key sent again for another authorization', async () => {
      const first = await provider.authorize(authorization('order-5'));
      const second = await provider.authorize(authorization('order-6'));
      await provider.capture({ authorizationId: first.id, idempotencyKey: 'capture-shared' });
      expect(await refusalOf(provider.capture({ authorizationId: second.id, idempotencyKey: 'capture-shared' }))).toBe(
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect((await provider.retrieve(second.id)).status).toBe('AUTHORIZED');
    });

    it('captures an escrow payment into escrow and releases it to the seller, once per key', async () => {
      const authorized = await provider.authorize(authorization('order-7', { escrow: true }));
      expect(authorized).toMatchObject({ status: 'AUTHORIZED', escrow: true });
      const held = await provider.capture({ authorizationId: authorized.id, idempotencyKey: 'capture-7' });
      expect(held).toMatchObject({ status: 'IN_ESCROW', captured: typical, escrow: true });
      const releaseKey = { authorizationId: authorized.id, idempotencyKey: 'release-7' };
      const paidOut = await provider.releaseEscrow(releaseKey);
      expect(paidOut).toMatchObject({ status: 'RELEASED', escrow: true });
      expect(await provider.releaseEscrow(releaseKey)).toEqual(paidOut);
      expect(await provider.releaseEscrow({ ...releaseKey, idempotencyKey: 'release-7-again' })).toEqual(paidOut);
      expect(await refusalOf(provider.void({ authorizationId: authorized.id, idempotencyKey: 'void-7' }))).toBe('STATE_CONFLICT');
    });

    it('refunds held or captured money to the buyer, once per key, and refuses what was never taken', async () => {
      const disputed = await provider.authorize(authorization('order-9', { escrow: true }));
      await provider.capture({ authorizationId: disputed.id, idempotencyKey: 'capture-9' });
      const refundKey = { authorizationId: disputed.id, idempotencyKey: 'refund-9' };
      const refunded = await provider.refund(refundKey);
      expect(refunded).toMatchObject({ id: disputed.id, status: 'REFUNDED', escrow: true });
      expect(await provider.refund(refundKey)).toEqual(refunded);
      expect(await provider.refund({ ...refundKey, idempotencyKey: 'refund-9-again' })).toEqual(refunded);
      expect((await provider.retrieve(disputed.id)).status).toBe('REFUNDED');
      expect(await refusalOf(provider.releaseEscrow({ authorizationId: disputed.id, idempotencyKey: 'release-9' }))).toBe('STATE_CONFLICT');

      const captured = await provider.authorize(authorization('order-10'));
      await provider.capture({ authorizationId: captured.id, idempotencyKey: 'capture-10' });
      expect(await provider.refund({ authorizationId: captured.id, idempotencyKey: 'refund-10' })).toMatchObject({ status: 'REFUNDED' });

      const neverTaken = await provider.authorize(authorization('order-11'));
      expect(await refusalOf(provider.refund({ authorizationId: neverTaken.id, idempotencyKey: 'refund-11' }))).toBe('STATE_CONFLICT');
      const paidOut = await provider.authorize(authorization('order-12', { escrow: true }));
      await provider.capture({ authorizationId: paidOut.id, idempotencyKey: 'capture-12' });
      await provider.releaseEscrow({ authorizationId: paidOut.id, idempotencyKey: 'release-12' });
      expect(await provider.refund({ authorizationId: paidOut.id, idempotencyKey: 'refund-12' })).toMatchObject({ status: 'REFUNDED' });
    });

    it('refunds a part in exact minor units, parts adding up to the capture at most, once per key', async () => {
      const returned = await provider.authorize(authorization('order-13', { escrow: true }));
      const refund = (amount: Money, idempotencyKey: string) =>
        provider.refund({ authorizationId: returned.id, amount, reason: 'return ret_13', idempotencyKey });
      expect(await refusalOf(refund(fromMinor(1n, currency), 'refund-13-early'))).toBe('STATE_CONFLICT');
      await provider.capture({ authorizationId: returned.id, idempotencyKey: 'capture-13' });
      await provider.releaseEscrow({ authorizationId: returned.id, idempotencyKey: 'release-13' });
      const part = fromMinor(typical.minor - 1n, currency);
      const first = await refund(part, 'refund-13-a');
      expect(first).toMatchObject({ id: returned.id, status: 'RELEASED', captured: typical });
      // a repeat of the key is the first answer, not a second refund (which would leave only 1 minor unit)
      expect(await refund(part, 'refund-13-a')).toEqual(first);
      expect(await refusalOf(refund(fromMinor(2n, currency), 'refund-13-b'))).toBe('INVALID_REQUEST');
      expect(await refund(fromMinor(1n, currency), 'refund-13-c')).toMatchObject({ status: 'REFUNDED' });
      expect(await refusalOf(refund(fromMinor(1n, currency), 'refund-13-d'))).toBe('INVALID_REQUEST');
      expect((await provider.retrieve(returned.id)).status).toBe('REFUNDED');
    });

    it('reads an authorization back by id, as it stands now', async () => {
      const authorized = await provider.authorize(authorization('order-8'));
      expect(await provider.retrieve(authorized.id)).toEqual(authorized);
      await provider.void({ authorizationId: authorized.id, idempotencyKey: 'void-8' });
      expect((await provider.retrieve(authorized.id)).status).toBe('VOIDED');
      expect(await refusalOf(provider.retrieve('no-such-authorization'))).toBe('NOT_FOUND');
    });

    it.each([
      ['down', 'unavailable'],
      ['error:503', 'unavailable'],
      ['garbage', 'bad-response'],
    ] as const)('maps the fault %s to an UpstreamError (%s)', async (fault, failure) => {
      await sandbox.setFault(fault);
      const error = await provider.quoteFees([request(typical)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe(failure);
      expect((error as UpstreamError).upstream).toBe(options.sandbox.id);
    });

    it('times out a slow vendor', async () => {
      const impatient = options.create(sandbox.url, { timeoutMs: 150 });
      await sandbox.setFault('slow:1000');
      const error = await impatient.quoteFees([request(typical)]).catch((e: unknown) => e);
      await impatient.close();
      expect((error as UpstreamError).failure).toBe('timeout');
    });

    it('is refused with wrong credentials', async () => {
      const stranger = options.create(sandbox.url, { badCredentials: true });
      const error = await stranger.quoteFees([request(typical)]).catch((e: unknown) => e);
      await stranger.close();
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe('rejected');
    });

    adapterSpecific?.(() => sandbox);
  });
}
