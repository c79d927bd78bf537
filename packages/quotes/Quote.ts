import type { CurrencyCode, Money } from '../money/index.js';

/**
 * How a payment provider priced the payment, as fixed in a quote: enough to show the fee's formula
 * again, and for booking to check the provider bills what was promised.
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
  /** The amount the percentages were applied to (everything but the payment fee). */
  readonly base: Money;
  readonly fee: Money;
}

/** The euro reference rates a quote converted with: only the currencies it used. */
export interface QuoteRates {
  /** Publication day, `YYYY-MM-DD`. */
  readonly date: string;
  /** The publisher as it names itself, e.g. `European Central Bank`. */
  readonly source: string;
  /** The document the rates were read from. */
  readonly url: string;
  /** Units of each currency per 1 EUR, exactly as published (EUR is 1 and not listed). */
  readonly perEuro: Readonly<Partial<Record<CurrencyCode, string>>>;
}

/**
 * A landed-cost quote: what the buyer pays for one shipping option, every amount in `currency`,
 * fixed until `expiresAt`. Signed into a token (`signQuote`), so booking can honour it without a
 * store of quotes: the token is the quote.
 */
export interface Quote {
  readonly version: 1;
  /** The logistics subgraph's opaque id: one offer, service, destination and quantity. */
  readonly shippingOptionId: string;
  readonly originCountry: string;
  readonly destinationCountry: string;
  readonly currency: CurrencyCode;
  /** The parts as received, before conversion (seller's, carrier's and customs' currencies). */
  readonly original: QuoteParts;
  /** The same parts, each converted once into `currency`. */
  readonly converted: QuoteParts;
  readonly paymentFee: PaymentFeeTerms;
  /** Payment fee + import fees. */
  readonly fees: Money;
  /** item + shipping + duties + taxes + fees, exactly. */
  readonly total: Money;
  readonly rates: QuoteRates;
  /**
   * What the quote promised besides money: the carrier's transit days and whether customs applied
   * a de minimis relief. Absent in tokens signed before it was added; booking reads it into the
   * order's events.
   */
  readonly promise?: QuotePromise;
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

/** The non-monetary terms of a quote, as the subgraphs that own them stated them. */
export interface QuotePromise {
  /** The shipping option's transit days (logistics). */
  readonly transitDays: { readonly min: number; readonly max: number };
  /** Whether a de minimis relief applied to duties or taxes (customs). */
  readonly deMinimisApplied: boolean;
}
