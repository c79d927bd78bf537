import { describe, expect, it } from 'vitest';
import { parseMoney } from '../money/index.js';
import { QuoteError, signQuote, verifyQuote, type Quote } from './index.js';

const key = Buffer.from('a-test-key-of-at-least-32-characters!!', 'utf8');
const eur = (amount: string) => parseMoney(amount, 'EUR');
const issuedAt = Date.parse('2026-11-26T15:30:00Z');

// A DE consumer paying by card: the fee is the seller's (PSD2 art. 62(4)), so it is out of the total.
const quote: Quote = {
  version: 2,
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
      label: 'VAT',
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
  rates: { date: '2026-11-26', source: 'Test rates', url: 'http://rates.test/daily.xml', perEuro: { CNY: '8.2400', USD: '1.1600' } },
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
    expect(token).toMatch(/^q1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(verifyQuote(token, key, issuedAt + 60_000)).toEqual(quote);
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
      Buffer.from(signQuote(quote, key).split('.')[1]!, 'base64url').toString('utf8').replace('"56.57 EUR"', '"6.57 EUR"'),
    ).toString('base64url');
    expect(refusal(`${prefix}.${cheaper}.${mac}`)).toBe('QUOTE_INVALID');
    for (const junk of ['', 'q1', 'q1..', 'q2.e30.abc', 'x'.repeat(10_000)]) expect(refusal(junk)).toBe('QUOTE_INVALID');
  });

  it('expire at expiresAt, and say so apart from tampering', () => {
    const token = signQuote(quote, key);
    expect(refusal(token, Date.parse(quote.expiresAt) - 1)).toBe('accepted');
    expect(refusal(token, Date.parse(quote.expiresAt))).toBe('QUOTE_EXPIRED');
  });

  it('refuse a well-signed payload that is not a quote (another version of the code)', async () => {
    const { createHmac } = await import('node:crypto');
    const payload = Buffer.from('{"v":2}', 'utf8').toString('base64url');
    const mac = createHmac('sha256', key).update(`q1.${payload}`).digest('base64url');
    expect(refusal(`q1.${payload}.${mac}`)).toBe('QUOTE_INVALID');
  });
});
