import { exponentOf, type CurrencyCode, type Money } from '../money/index.js';
import { decimalToRatio, formatSignificant, roundRatio, type Ratio, type RoundingMode } from './exactRatio.js';
import type { RateSource, ReferenceRates } from './ReferenceRates.js';
import { UnsupportedCurrencyError } from './UnsupportedCurrencyError.js';

/** Significant digits of the cross rate shown next to a converted amount. */
const DISPLAY_DIGITS = 6;

/** The rate a conversion used, to show beside the amount: which rate, from whom, of which day. */
export interface AppliedRate {
  readonly from: CurrencyCode;
  readonly to: CurrencyCode;
  /** Units of `to` per 1 `from`, to 6 significant digits. For display only: the conversion used the exact ratio. */
  readonly rate: string;
  /** The publication day of the reference rates, `YYYY-MM-DD`. */
  readonly date: string;
  readonly source: RateSource;
  readonly rounding: RoundingMode;
  /** The series the rate belongs to: `REFERENCE` or a customs administration's own. */
  readonly series: string;
}

export interface Conversion {
  readonly money: Money;
  readonly rate: AppliedRate;
}

/**
 * Converts `money` into `to` with euro reference rates (or any series quoted against one base): a
 * cross rate through the base, `amount / rate(from) × rate(to)`, computed exactly on integers and rounded once, at the end, to
 * the minor unit of `to` (its ISO 4217 exponent: JPY 0, USD 2, KWD 3). Rounding every step
 * instead would let a EUR leg lose a cent the buyer then sees in their own currency.
 *
 * @param rounding how a result exactly halfway between two minor units is settled; default `half-even`.
 * @throws UnsupportedCurrencyError when the rates do not quote `money.currency` or `to`.
 */
export function convert(money: Money, to: CurrencyCode, rates: ReferenceRates, rounding: RoundingMode = 'half-even'): Conversion {
  const from = money.currency;
  const { cross, display } = crossRate(from, to, rates);
  // minor(to) = minor(from) / 10^e(from) × cross × 10^e(to)
  const targetMinor = roundRatio(
    {
      numerator: money.minor * cross.numerator * minorUnitsOf(to),
      denominator: cross.denominator * minorUnitsOf(from),
    },
    rounding,
  );
  return {
    money: { minor: targetMinor, currency: to },
    rate: {
      from,
      to,
      rate: display,
      date: rates.date,
      source: rates.source,
      rounding,
      series: rates.series ?? 'REFERENCE',
    },
  };
}

/**
 * Units of `to` per 1 `from` as `convert` shows it beside an amount (6 significant digits), without
 * converting anything: for wording a conversion already made.
 *
 * @throws UnsupportedCurrencyError when the rates do not quote `from` or `to`.
 */
export function rateShown(from: CurrencyCode, to: CurrencyCode, rates: ReferenceRates): string {
  return crossRate(from, to, rates).display;
}

/** 10^exponent as a bigint, for the three ISO 4217 exponents in use (0, 2, 3) and any other. */
const POWERS_OF_TEN = [1n, 10n, 100n, 1000n];
const minorUnitsOf = (currency: CurrencyCode): bigint => {
  const exponent = exponentOf(currency);
  return POWERS_OF_TEN[exponent] ?? 10n ** BigInt(exponent);
};

/** A pair's exact cross rate and its display, per set of rates (a set never changes once published). */
const crossRates = new WeakMap<ReferenceRates, Map<string, { readonly cross: Ratio; readonly display: string }>>();

/**
 * Units of `to` per 1 `from` through the base, exact, and as shown: worked out once per pair and
 * set of rates, since a page of quotes converts the same few pairs hundreds of times.
 */
function crossRate(from: CurrencyCode, to: CurrencyCode, rates: ReferenceRates): { readonly cross: Ratio; readonly display: string } {
  let pairs = crossRates.get(rates);
  if (pairs === undefined) {
    pairs = new Map();
    crossRates.set(rates, pairs);
  }
  const key = `${from}>${to}`;
  let found = pairs.get(key);
  if (found === undefined) {
    const perBaseFrom = perBase(from, rates);
    const perBaseTo = perBase(to, rates);
    const cross: Ratio = {
      numerator: perBaseTo.numerator * perBaseFrom.denominator,
      denominator: perBaseTo.denominator * perBaseFrom.numerator,
    };
    found = { cross, display: formatSignificant(cross, DISPLAY_DIGITS) };
    pairs.set(key, found);
  }
  return found;
}

/** Units of `currency` per 1 unit of the rates' base (EUR unless said), as an exact ratio; the base is 1 by definition. */
function perBase(currency: CurrencyCode, rates: ReferenceRates): Ratio {
  if (currency === (rates.base ?? 'EUR')) return { numerator: 1n, denominator: 1n };
  const published = rates.rates[currency];
  if (published === undefined) throw new UnsupportedCurrencyError(currency, rates);
  const ratio = decimalToRatio(published);
  // A zero rate would divide by zero; the parser refuses it, but rates can also be built by hand.
  if (ratio.numerator === 0n) throw new RangeError(`the ${currency} reference rate of ${rates.date} is zero`);
  return ratio;
}
