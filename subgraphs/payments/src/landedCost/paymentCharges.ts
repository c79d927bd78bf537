import { fromMinor, type Money } from '#packages/money/index.js';
import type { QuoteCharge } from '#packages/quotes/index.js';
import type { PaymentProviderInfo } from '../adapters/ports.js';
import { CARD_FX_TAXES, inForceOn, SURCHARGE_BANS, type CardFxTax, type SurchargeBan } from './paymentLaw.js';

/** What the law says about paying this way, from this buyer, on this day. */
export interface PaymentTerms {
  /** The ban that keeps the payment fee the seller's, if the buyer is a consumer where surcharges are forbidden. */
  readonly surchargeBan: SurchargeBan | undefined;
  /** The tax the buyer's card issuer adds for a payment abroad (BR IOF), for providers taking that method. */
  cardFxTax(provider: PaymentProviderInfo): CardFxTax | undefined;
}

/**
 * The payment law a quote follows: no surcharge on EU, EEA and UK consumers (the provider's fee is
 * the seller's); BR IOF on a card payment to a merchant abroad. The platform's buyers are consumers.
 */
export function paymentTerms(buyerCountry: string, merchantCountry: string, method: string | null, day: string): PaymentTerms {
  return {
    surchargeBan: inForceOn(SURCHARGE_BANS, day, (ban) => ban.countries.includes(buyerCountry)),
    cardFxTax: (provider) =>
      merchantCountry === buyerCountry
        ? undefined
        : inForceOn(
            CARD_FX_TAXES,
            day,
            (tax) =>
              tax.buyerCountry === buyerCountry && provider.methods.includes(tax.method) && (method === null || method === tax.method),
          ),
  };
}

/** The card issuer's tax on `charged` (what goes on the card), rounded half-up to the minor unit, as a quote charge. */
export function cardFxTaxCharge(tax: CardFxTax, charged: Money): QuoteCharge {
  const minor = (charged.minor * BigInt(tax.rateBp) + 5_000n) / 10_000n;
  const amount = fromMinor(minor, charged.currency);
  return {
    kind: 'TAX',
    collectedAt: 'CHECKOUT',
    remitter: null,
    paidBy: 'BUYER',
    original: amount,
    converted: amount,
    rule: tax.id,
  };
}
