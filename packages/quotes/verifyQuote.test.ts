import { describe, expect, it } from 'vitest';
import { parseMoney } from '../money/index.js';
import { QuoteError, signQuote, verifyQuote, type Quote } from './index.js';

const key = Buffer.from('a-test-key-of-at-least-32-characters!!', 'utf8');
const eur = (amount: string) => parseMoney(amount, 'EUR');
const issuedAt = Date.parse('2026-11-26T15:30:00Z');

// A DE consumer paying by card: the fee is the seller's (PSD2 art. 62(4)), so it is out of the total.
const quote: Quote = {
  version: 3,
  shippingOptionId: 'U2hpcHBpbmdPcHRpb246cG9zdC1pbnRsOjE',
  originCountry: 'CN',
  destinationCountry: 'DE',
  destinationRegion: null,
  currency: 'EUR',
  original: {
    item: parseMoney('302.50', 'CNY'),
    shipping: parseMoney('12.80', 'USD'),
    duties: eur('0.00'),
    taxes: eur('8.83'),
    importFees: eur('0.00'),
  },
  converted: { item: eur('36.71'), shipping: eur('11.03'), duties: eur('0.00'), taxes: eur('8.83'), importFees: eur('0.00') },
  charges: [
    {
      kind: 'TAX',
      collectedAt: 'CHECKOUT',
      remitter: 'MARKETPLACE',
      paidBy: 'BUYER',
      original: eur('8.83'),
      converted: eur('8.83'),
    },
  ],
  paymentMethod: 'CARD',
  paymentFee: {
    provider: 'cardnet',
    schedule: 'CARDNET-2026-01',
    percentBp: 290,
    crossBorderBp: 150,
    fxSpreadBp: 200,
    fixed: eur('0.25'),
    base: eur('56.57'),
    fee: eur('4.01'),
    paidBy: 'SELLER',
    methods: ['CARD'],
  },
  fees: eur('0.00'),
  total: eur('56.57'),
  payableAtCheckout: eur('56.57'),
  payableOnDelivery: eur('0.00'),
  rates: { date: '2026-11-26', source: 'Test rates', perEuro: { CNY: '8.2400', USD: '1.1600' } },
  issuedAt: new Date(issuedAt).toISOString(),
  expiresAt: new Date(issuedAt + 30 * 60_000).toISOString(),
};

const refusal = (token: string, now = issuedAt) => {
  try {
    verifyQuote(token, key, now);
  } catch (error) {
    return error instanceof QuoteError ? error.code : error;
  }
  return 'accepted';
};

describe('quote tokens', () => {
  it('give back exactly the quote that was signed, amounts to the minor unit', () => {
    const token = signQuote(quote, key);
    expect(token).toMatch(/^q2\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyQuote(token, key, issuedAt + 60_000)).toEqual(quote);
  });

  it('hold the parts only, in minor units, and are well under a kilobyte', () => {
    const token = signQuote(quote, key);
    const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload).toMatchObject({ v: 3, c: 'EUR', g: [30250, 'CNY'], gc: 3671, s: [1280, 'USD'], sc: 1103 });
    // The sums are the parts' sums, never written twice.
    expect(Object.keys(payload)).not.toContain('total');
    expect(token.length).toBeLessThan(600);
  });

  it("carry a payment-law charge's rule, the region and the method asked, and rebuild every sum from the parts", () => {
    const brl = (amount: string) => parseMoney(amount, 'BRL');
    const iof = {
      kind: 'TAX',
      collectedAt: 'CHECKOUT',
      remitter: null,
      paidBy: 'BUYER',
      original: brl('8.00'),
      converted: brl('8.00'),
    } as const;
    const brazil: Quote = {
      ...quote,
      destinationCountry: 'BR',
      destinationRegion: 'BR-SP',
      currency: 'BRL',
      original: { ...quote.original, duties: brl('120.40'), taxes: brl('96.30'), importFees: brl('0.00') },
      converted: { item: brl('220.00'), shipping: brl('66.00'), duties: brl('120.40'), taxes: brl('104.30'), importFees: brl('0.00') },
      charges: [
        { kind: 'DUTY', collectedAt: 'DELIVERY', remitter: 'CARRIER', paidBy: 'BUYER', original: brl('120.40'), converted: brl('120.40') },
        { kind: 'TAX', collectedAt: 'DELIVERY', remitter: 'CARRIER', paidBy: 'BUYER', original: brl('96.30'), converted: brl('96.30') },
        { ...iof, rule: 'BR-IOF-card-abroad' },
      ],
      paymentMethod: 'CARD',
      paymentFee: { ...quote.paymentFee, fixed: brl('1.50'), base: brl('286.00'), fee: brl('14.30'), paidBy: 'BUYER' },
      fees: brl('14.30'),
      total: brl('525.00'),
      payableAtCheckout: brl('308.30'),
      payableOnDelivery: brl('216.70'),
    };
    expect(verifyQuote(signQuote(brazil, key), key, issuedAt)).toEqual(brazil);
  });

  it("carry the quote's promise (transit days, de minimis) when it has one, and read tokens without one", () => {
    const promised: Quote = { ...quote, promise: { transitDays: { min: 6, max: 12 }, deMinimisApplied: true } };
    expect(verifyQuote(signQuote(promised, key), key, issuedAt).promise).toEqual({
      transitDays: { min: 6, max: 12 },
      deMinimisApplied: true,
    });
    expect(verifyQuote(signQuote(quote, key), key, issuedAt).promise).toBeUndefined();
  });

  it("carry customs' declaration (value, basis, product identifiers required) when it has one, and read tokens without one", () => {
    const declared: Quote = {
      ...quote,
      declaration: { customsValue: parseMoney('41.37', 'EUR'), valuationBasis: 'CIF', productIdentifiersRequired: true },
    };
    expect(verifyQuote(signQuote(declared, key), key, issuedAt).declaration).toEqual(declared.declaration);
    expect(verifyQuote(signQuote(quote, key), key, issuedAt).declaration).toBeUndefined();
  });

  it('are the same text for the same quote, whatever order its fields were written in', () => {
    const reordered = Object.fromEntries(Object.entries(quote).reverse()) as unknown as Quote;
    expect(signQuote(reordered, key)).toBe(signQuote(quote, key));
  });

  it('refuse every single-character edit, in the payload or the signature', () => {
    const token = signQuote(quote, key);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      // The neighbour in the alphabet differs only in the lowest bit: the edit base64 padding bits would hide.
      const index = alphabet.indexOf(token[i]!);
      const edited = token.slice(0, i) + alphabet[index ^ 1] + token.slice(i + 1);
      expect(refusal(edited), `edit at ${i}`).toBe('QUOTE_INVALID');
    }
  });

  it('refuse a payload re-signed with another key, a changed amount, and junk', () => {
    const other = signQuote(quote, Buffer.from('another-key-of-at-least-32-characters!', 'utf8'));
    expect(refusal(other)).toBe('QUOTE_INVALID');
    const [prefix, , mac] = signQuote(quote, key).split('.');
    const cheaper = Buffer.from(
      Buffer.from(signQuote(quote, key).split('.')[1]!, 'base64url').toString('utf8').replace('"gc":3671', '"gc":671'),
    ).toString('base64url');
    expect(cheaper).not.toBe(signQuote(quote, key).split('.')[1]);
    expect(refusal(`${prefix}.${cheaper}.${mac}`)).toBe('QUOTE_INVALID');
    for (const junk of ['', 'q2', 'q2..', 'q3.e30.abc', 'x'.repeat(10_000)]) expect(refusal(junk)).toBe('QUOTE_INVALID');
  });

  it('expire at expiresAt, and say so apart from tampering', () => {
    const token = signQuote(quote, key);
    expect(refusal(token, Date.parse(quote.expiresAt) - 1)).toBe('accepted');
    expect(refusal(token, Date.parse(quote.expiresAt))).toBe('QUOTE_EXPIRED');
  });

  it('refuse a well-signed payload that is not a quote of this version (another version of the code)', async () => {
    const { createHmac } = await import('node:crypto');
    const signed = (prefix: string, json: string) => {
      const payload = Buffer.from(json, 'utf8').toString('base64url');
      return `${prefix}.${payload}.${createHmac('sha256', key).update(`${prefix}.${payload}`).digest('base64url')}`;
    };
    expect(refusal(signed('q2', '{"v":2}'))).toBe('QUOTE_INVALID');
    // A version 2 token, signed with the same key in the former format: quote again.
    expect(refusal(signed('q1', '{"currency":"EUR","v":2}'))).toBe('QUOTE_INVALID');
  });
});
