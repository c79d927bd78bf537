import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMoney } from '#packages/money/index.js';
import { shippingOptionRepresentation, type OptionSpec } from './shippingOptionRepresentation.js';
import { startPayments, type TestPayments } from './startPayments.js';

const QUOTE = `query ($representations: [_Any!]!, $currency: CurrencyCode!, $method: PaymentMethod) {
  _entities(representations: $representations) { ... on ShippingOption { landedCost(currency: $currency, paymentMethod: $method) {
    total { amount currency } fees { amount currency } payableAtCheckout { amount currency } payableOnDelivery { amount currency }
    paymentMethod paymentProvider { id } lines { kind description amount { amount currency } source collectedAt remitter paidBy }
  } } }
}`;

interface Line {
  kind: string;
  description: string;
  amount: { amount: string; currency: string };
  source: string;
  collectedAt: string;
  remitter: string | null;
  paidBy: string;
}
interface Quoted {
  total: { amount: string; currency: string };
  fees: { amount: string; currency: string };
  payableAtCheckout: { amount: string; currency: string };
  payableOnDelivery: { amount: string; currency: string };
  paymentMethod: string | null;
  paymentProvider: { id: string };
  lines: Line[];
}

let payments: TestPayments;
beforeAll(async () => {
  payments = await startPayments();
});
afterAll(() => payments.stop());

const quote = async (spec: OptionSpec, currency: string, method: string | null) =>
  payments.query<{ _entities: Array<{ landedCost: Quoted }> }>(QUOTE, {
    representations: [shippingOptionRepresentation(spec)],
    currency,
    method,
  });
const minor = (money: { amount: string; currency: string }) => parseMoney(money.amount, money.currency).minor;

const DE_CONSUMER: OptionSpec = {
  id: 'de-card',
  from: 'CN',
  to: 'DE',
  goods: ['100.00', 'EUR'],
  shipping: ['8.00', 'EUR'],
  duties: '3.00',
  taxes: '19.00',
  taxesAt: 'CHECKOUT',
  importCurrency: 'EUR',
};

describe('paying method and payment law at quote time', () => {
  it('shows a DE consumer’s card fee as the seller’s line, out of the total (PSD2 art. 62(4))', async () => {
    const { data, errors } = await quote(DE_CONSUMER, 'EUR', 'CARD');
    expect(errors).toBeUndefined();
    const cost = data!._entities[0]!.landedCost;
    expect(cost.paymentProvider.id).toBe('cardnet');
    expect(cost.paymentMethod).toBe('CARD');
    const fee = cost.lines.find((line) => line.description.startsWith('Payment fee'))!;
    expect(fee.paidBy).toBe('SELLER');
    expect(minor(fee.amount)).toBeGreaterThan(0n);
    expect(fee.source).toContain('EU-PSD2-no-surcharge');
    // 100.00 + 8.00 + 19.00 VAT at checkout; 3.00 duty on delivery; no fee for the buyer.
    expect(cost.total).toEqual({ amount: '130.00', currency: 'EUR' });
    expect(cost.payableAtCheckout).toEqual({ amount: '127.00', currency: 'EUR' });
    expect(cost.payableOnDelivery).toEqual({ amount: '3.00', currency: 'EUR' });
    expect(cost.fees).toEqual({ amount: '0.00', currency: 'EUR' });
  });

  it('quotes the cheapest provider taking the method asked, and the cheapest of all without one', async () => {
    const wallet = (await quote({ ...DE_CONSUMER, id: 'de-wallet' }, 'EUR', 'WALLET')).data!._entities[0]!.landedCost;
    expect(wallet.paymentProvider.id).toBe('globalwallet');
    const any = (await quote({ ...DE_CONSUMER, id: 'de-any' }, 'EUR', null)).data!._entities[0]!.landedCost;
    expect(any.paymentMethod).toBeNull();
    expect(['cardnet', 'globalwallet']).toContain(any.paymentProvider.id);
  });

  it('adds BR IOF 3.5% to a Brazilian’s card payment to a seller abroad, charged at checkout by the card issuer; none by Pix', async () => {
    // Cardnet does not take reais, so the card payment is in dollars; Pix only in reais.
    const brazil: OptionSpec = {
      id: 'br',
      from: 'CN',
      to: 'BR',
      goods: ['200.00', 'USD'],
      shipping: ['20.00', 'USD'],
      duties: '0.00',
      taxes: '0.00',
      importCurrency: 'USD',
    };
    const carded = await quote(brazil, 'USD', 'CARD');
    expect(carded.errors).toBeUndefined();
    const card = carded.data!._entities[0]!.landedCost;
    const iof = card.lines.find((line) => line.description.startsWith('IOF'))!;
    const feeLine = card.lines.find((line) => line.description.startsWith('Payment fee'))!;
    // 3.5% × (220.00 + the card fee the buyer pays), rounded half-up.
    const charged = 22_000n + minor(feeLine.amount);
    expect(minor(iof.amount)).toBe((charged * 350n + 5_000n) / 10_000n);
    expect(iof).toMatchObject({ kind: 'TAX', collectedAt: 'CHECKOUT', remitter: null, paidBy: 'BUYER' });
    expect(iof.source).toContain('BR-IOF-card-abroad');
    const pix = (await quote({ ...brazil, id: 'br-pix' }, 'BRL', 'PIX')).data!._entities[0]!.landedCost;
    expect(card.paymentProvider.id).toBe('cardnet');
    expect(pix.paymentProvider.id).toBe('pix-br');
    expect(pix.lines.some((line) => line.description.startsWith('IOF'))).toBe(false);
  });

  it('refuses a method the buyer’s country cannot use with BAD_USER_INPUT naming paymentMethod', async () => {
    const { errors } = await quote({ ...DE_CONSUMER, id: 'de-pix' }, 'EUR', 'PIX');
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'paymentMethod' });
    const fpx = await quote(
      { ...DE_CONSUMER, id: 'de-fpx', to: 'US', importCurrency: 'USD', goods: ['100.00', 'USD'], shipping: ['8.00', 'USD'] },
      'MYR',
      'FPX',
    );
    expect(fpx.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'paymentMethod' });
    expect(fpx.errors?.[0]?.message).toMatch(/FPX cannot be used by a buyer in US/);
    expect(errors?.[0]?.message).toMatch(/^paymentMethod: PIX cannot be used by a buyer in DE/);
  });
});
