import type { CurrencyCode } from '../money/index.js';

/** Who published a set of rates and where we read them, so every converted amount can cite it. */
export interface RateSource {
  /** The publisher as it names itself in the file, e.g. "European Central Bank". */
  readonly name: string;
  /** The document the rates were read from. */
  readonly url: string;
}

/**
 * One day's euro reference rates, as published: units of each currency per 1 EUR.
 * Rates stay the decimal strings the publisher wrote ("1.1600", "180.50"): a float would already
 * have changed them, and conversions are done exactly from these digits.
 */
export interface ReferenceRates {
  /** The publication (business) day, `YYYY-MM-DD`; for a customs series, the first day of its period. */
  readonly date: string;
  readonly source: RateSource;
  /** Units of the currency per 1 `base`. The base itself is not listed: its rate is 1 by definition. */
  readonly rates: Readonly<Partial<Record<CurrencyCode, string>>>;
  /** The currency the rates are quoted against. Default EUR (the ECB's reference rates). */
  readonly base?: CurrencyCode;
  /** Which series: `REFERENCE` (default), or a customs administration's own (`EU_CUSTOMS_MONTHLY`, `US_CBP`, `JP_CUSTOMS_WEEKLY`). */
  readonly series?: string;
  /** The last day a customs series' rates apply (inclusive); absent for the daily reference rates. */
  readonly validTo?: string;
}
