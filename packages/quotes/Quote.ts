import type { CurrencyCode, Money } from '../money/index.js';

/** When the buyer pays a part, who remits it, and whose money it is: the customs vocabulary. */
export type CollectedAt = 'CHECKOUT' | 'BORDER' | 'DELIVERY';
export type Payer = 'BUYER' | 'SELLER';

/**
 * How a payment provider priced the payment, as fixed in a quote: enough to show the fee's formula
 * again, and for booking to check the provider bills what was promised and takes the method.
 */
export interface PaymentFeeTerms {
  /** The provider's id, e.g. `pix-br`. */
  readonly provider: string;
  /** The provider's name for the fee schedule it applied, e.g. `CARDNET-2026-01`. */
  readonly schedule: string;
  /** Percentage of the amount, in basis points (290 = 2.90 %). */
  readonly percentBp: number;
  /** Surcharge when buyer and seller are in different countries, in basis points. */
  readonly crossBorderBp: number;
  /** Spread when the buyer pays in another currency than the seller settles in, in basis points. */
  readonly fxSpreadBp: number;
  /** Fixed part per payment, in the quote's currency. */
  readonly fixed: Money;
  /** The amount the percentages were applied to: goods, shipping and the customs charges the buyer pays at checkout (`paymentBase`). */
  readonly base: Money;
  readonly fee: Money;
  /**
   * BUYER where a surcharge may be added; SELLER where the law forbids surcharging a consumer (EU/EEA:
   * PSD2 art. 62(4); UK: Consumer Rights (Payment Surcharges) Regulations 2012): the line stays, out of the total.
   */
  readonly paidBy: Payer;
  /** The payment methods the provider takes (CARD, WALLET, PIX, FPX): booking refuses any other. */
  readonly methods: readonly string[];
}

/**
 * One charge of the quote other than goods and shipping, grouped by kind, collection point and
 * payer: customs' duties, taxes and fees, and payment-side taxes (BR IOF). Converted once each, so
 * the total is their exact sum. Its wording is derived from these fields (payments'
 * `describeLandedCost`), so a token carries none.
 */
export interface QuoteCharge {
  readonly kind: 'DUTY' | 'TAX' | 'FEE';
  readonly collectedAt: CollectedAt;
  /** Who remits it to the authority (SELLER, MARKETPLACE, PLATFORM, CARRIER, BUYER), or null when no authority is paid (a card issuer's tax). */
  readonly remitter: string | null;
  readonly paidBy: Payer;
  /** As customs (or the payment rule) assessed it, in its own currency. */
  readonly original: Money;
  readonly converted: Money;
  /** The payment-law rule that levies it (e.g. `BR-IOF-card-abroad`); absent for customs' charges. */
  readonly rule?: string;
}

/** The euro reference rates a quote converted with: only the currencies it used. */
export interface QuoteRates {
  /** Publication day, `YYYY-MM-DD`. */
  readonly date: string;
  /** The publisher as it names itself, e.g. `European Central Bank`. */
  readonly source: string;
  /** Units of each currency per 1 EUR, exactly as published (EUR is 1 and not listed). */
  readonly perEuro: Readonly<Partial<Record<CurrencyCode, string>>>;
}

/**
 * A landed-cost quote: what the buyer pays for one shipping option, every amount in `currency`,
 * fixed until `expiresAt`. Signed into a token (`signQuote`), so booking can honour it without a
 * store of quotes: the token is the quote. The sums (duties, taxes, fees, total, what is payable
 * when, the fee's base) are the sums of its parts (`quoteAmounts`): a token carries the parts only.
 */
export interface Quote {
  readonly version: 3;
  /** The logistics subgraph's opaque id: one offer, service, destination and quantity. */
  readonly shippingOptionId: string;
  readonly originCountry: string;
  readonly destinationCountry: string;
  /** The ISO 3166-2 subdivision whose taxes were quoted (given or assumed), or null. */
  readonly destinationRegion: string | null;
  readonly currency: CurrencyCode;
  /** Goods and shipping, and the buyer-paid sums of duties, taxes and import fees, as received. */
  readonly original: QuoteParts;
  /** The same parts in `currency`: each the exact sum of its converted charges. */
  readonly converted: QuoteParts;
  /** Every charge, the seller's included (out of the total). */
  readonly charges: readonly QuoteCharge[];
  readonly paymentFee: PaymentFeeTerms;
  /** The method the buyer asked to pay by, or null when the quote took the cheapest of all. */
  readonly paymentMethod: string | null;
  /** Buyer-paid fees: import fees, payment-side fees, and the payment fee where the buyer pays it. */
  readonly fees: Money;
  /** What the buyer pays in all: item + shipping + duties + taxes + fees, exactly. */
  readonly total: Money;
  readonly payableAtCheckout: Money;
  readonly payableOnDelivery: Money;
  readonly rates: QuoteRates;
  /**
   * What the quote promised besides money: the carrier's transit days and whether customs applied
   * a de minimis relief. Absent in tokens signed before it was added; booking reads it into the
   * order's events.
   */
  readonly promise?: QuotePromise;
  /**
   * What the customs declaration will carry, as customs assessed it for the quote: booking prints
   * it on the carrier's documents. Absent in tokens signed before it was added, or when customs
   * gave none.
   */
  readonly declaration?: QuoteDeclaration;
  /** ISO 8601 instants. */
  readonly issuedAt: string;
  readonly expiresAt: string;
}

export interface QuoteParts {
  readonly item: Money;
  readonly shipping: Money;
  readonly duties: Money;
  readonly taxes: Money;
  readonly importFees: Money;
}

export const QUOTE_PART_NAMES = ['item', 'shipping', 'duties', 'taxes', 'importFees'] as const satisfies ReadonlyArray<keyof QuoteParts>;

/** The customs value in the destination's rules, and what else its declaration must carry. */
export interface QuoteDeclaration {
  /** In the destination's currency at its customs exchange rate. */
  readonly customsValue: Money;
  readonly valuationBasis: 'CIF' | 'FOB';
  /** Whether the declaration must carry the EU's product identifiers (low-value consignments, from 1 November 2026). */
  readonly productIdentifiersRequired: boolean;
}

/** The non-monetary terms of a quote, as the subgraphs that own them stated them. */
export interface QuotePromise {
  /** The shipping option's transit days (logistics). */
  readonly transitDays: { readonly min: number; readonly max: number };
  /** Whether a de minimis relief applied to duties or taxes (customs). */
  readonly deMinimisApplied: boolean;
}
