import { parseMoney } from '#packages/money/index.js';
import { signQuote, type Quote } from '#packages/quotes/index.js';

/** The quote key tests sign with (and give the service as QUOTE_SIGNING_SECRET). */
export const TEST_QUOTE_SECRET = 'orders-test-quote-signing-secret-0123456789';
export const TEST_QUOTE_KEY = Buffer.from(TEST_QUOTE_SECRET, 'utf8');

/** A shipping option id as logistics writes it. */
export function shippingOptionIdOf(offerId: string, to: string, quantity: number): string {
  return Buffer.from(
    JSON.stringify(['ShippingOption', offerId, 'express-global', 'express-global:express', to, quantity]),
    'utf8',
  ).toString('base64url');
}

export interface TestQuoteOptions {
  offerId?: string;
  originCountry?: string;
  destinationCountry?: string;
  quantity?: number;
  issuedAt?: number;
  ttlMs?: number;
  /** The method the quote was made for (default: none, the cheapest over all). */
  paymentMethod?: string | null;
}

/** A signed quote for 2 × 151.25 CNY from CN to DE, total 60.58 EUR, as payments would make it. */
export function testQuoteToken(options: TestQuoteOptions = {}): string {
  const eur = (amount: string) => parseMoney(amount, 'EUR');
  const issuedAt = options.issuedAt ?? Date.now();
  const destination = options.destinationCountry ?? 'DE';
  const quote: Quote = {
    version: 3,
    shippingOptionId: shippingOptionIdOf(options.offerId ?? 'offer-tea-1', destination, options.quantity ?? 2),
    originCountry: options.originCountry ?? 'CN',
    destinationCountry: destination,
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
    paymentMethod: options.paymentMethod ?? null,
    paymentFee: {
      provider: 'cardnet',
      schedule: 'CARDNET-2026-01',
      percentBp: 290,
      crossBorderBp: 150,
      fxSpreadBp: 200,
      fixed: eur('0.25'),
      base: eur('56.57'),
      fee: eur('4.01'),
      // Booking fixture: the fee is the buyer's so the total keeps its figures (the surcharge rule is payments').
      paidBy: 'BUYER',
      methods: ['CARD'],
    },
    fees: eur('4.01'),
    total: eur('60.58'),
    payableAtCheckout: eur('60.58'),
    payableOnDelivery: eur('0.00'),
    rates: { date: '2026-11-26', source: 'Test rates', perEuro: { CNY: '8.2400', USD: '1.1600' } },
    promise: { transitDays: { min: 6, max: 12 }, deMinimisApplied: false },
    issuedAt: new Date(issuedAt).toISOString(),
    expiresAt: new Date(issuedAt + (options.ttlMs ?? 30 * 60_000)).toISOString(),
  };
  return signQuote(quote, TEST_QUOTE_KEY);
}

/** A placeOrder input for a test quote, to a buyer in `country`. */
export function placeOrderInput(quoteId: string, idempotencyKey: string, country = 'DE') {
  return {
    quoteId,
    idempotencyKey,
    buyer: {
      name: 'Lena Fischer',
      email: 'lena@example.com',
      address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country },
    },
    payment: { method: 'CARD' as const },
  };
}
