import { MalformedEventError, type EventMoney } from '#packages/events/index.js';
import { decimalToRatio, roundRatio, type Ratio } from '#packages/fx/exactRatio.js';
import { exponentOf, MoneyError, parseMoney, toDecimalString, type CurrencyCode } from '#packages/money/index.js';

/** USD and EUR amounts of one order, as decimal strings to the cent. */
export type UsdEur = readonly [usd: string, eur: string];

/** A euro reference rate read once, exactly as a ratio, and as plain numbers when both parts are safe integers. */
interface Rate {
  readonly exact: Ratio;
  readonly numerator: number;
  readonly denominator: number;
}

const EUR_RATE: Rate = { exact: { numerator: 1n, denominator: 1n }, numerator: 1, denominator: 1 };
/** Rate texts read once: a day's rates are the same text for every order of the day. */
const rates = new Map<string, Rate>();
const rateOf = (text: string): Rate => {
  let rate = rates.get(text);
  if (!rate) {
    if (rates.size > 10_000) rates.clear();
    const exact = decimalToRatio(text);
    rates.set(text, (rate = { exact, numerator: Number(exact.numerator), denominator: Number(exact.denominator) }));
  }
  return rate;
};

/**
 * An amount as `parseMoney` reads it, in the form it always accepts: digits, at most the
 * currency's decimals, no sign or spaces, short enough to be a safe integer of minor units.
 * Anything else takes `parseMoney` itself, with its errors.
 */
const PLAIN_AMOUNT = /^(\d{1,12})(?:\.(\d{1,3}))?$/;
const exponents = new Map<string, number>();

/** An amount in minor units as a safe integer, or undefined when only the exact path can read it. */
function plainMinor(amount: string, currency: string): number | undefined {
  const exponent = exponents.get(currency);
  if (exponent === undefined) return undefined;
  const match = PLAIN_AMOUNT.exec(amount);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return undefined;
  return Number(match[1]) * 10 ** exponent + (fraction.length === 0 ? 0 : Number(fraction) * 10 ** (exponent - fraction.length));
}

/**
 * `numerator / denominator` rounded half-even, for non-negative integers small enough that every
 * step below is exact (numerator ≤ 2^52, denominator ≤ 2^51); undefined otherwise. A product over
 * 2^53 cannot come back as a number under it, so an inexact product is always refused here.
 */
function divideHalfEven(numerator: number, denominator: number): number | undefined {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator)) return undefined;
  if (numerator < 0 || numerator > 2 ** 52 || denominator <= 0 || denominator > 2 ** 51) return undefined;
  let quotient = Math.floor(numerator / denominator);
  let remainder = numerator - quotient * denominator;
  // The float division may be one off near a whole number: the remainder, exact, says which way.
  if (remainder < 0) {
    quotient -= 1;
    remainder += denominator;
  } else if (remainder >= denominator) {
    quotient += 1;
    remainder -= denominator;
  }
  const twice = 2 * remainder;
  if (twice > denominator || (twice === denominator && quotient % 2 === 1)) quotient += 1;
  return quotient;
}

/** Cents as the decimal text `toDecimalString` gives for a two-decimal currency. */
function centsText(cents: number): string {
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/**
 * Converts an order's amounts into USD and EUR with its euro reference rates, exactly as
 * `packages/fx` `convert` does (through EUR, rounded once, half-even), without the display rate
 * it also builds: ingestion converts ten amounts per order, a million orders at a time. Amounts
 * and rates that fit in safe integers (all real ones) are converted in integer arithmetic on
 * numbers, with the exact remainder deciding the rounding; the rest on bigints.
 *
 * @throws MalformedEventError for an amount or currency that does not read, or has no rate.
 */
export function usdEurConverter(eventId: string, perEuro: Readonly<Record<string, string>>): (money: EventMoney) => UsdEur {
  const rateFor = (currency: string): Rate => {
    if (currency === 'EUR') return EUR_RATE;
    const text = perEuro[currency];
    if (text === undefined) throw new MalformedEventError(eventId, `no euro reference rate for ${currency}`);
    return rateOf(text);
  };
  const usd = rateFor('USD');
  return (money) => {
    const from = rateFor(money.currency);
    const minor = plainMinor(money.amount, money.currency);
    if (minor !== undefined) {
      const scale = 10 ** (exponents.get(money.currency) ?? 0);
      // EUR cents = minor / 10^e(from) / perEuro(from) × 100; USD cents = that × perEuro(USD).
      const eur = divideHalfEven(minor * from.denominator * 100, scale * from.numerator);
      const dollars = divideHalfEven(minor * from.denominator * usd.numerator * 100, scale * from.numerator * usd.denominator);
      if (eur !== undefined && dollars !== undefined) return [centsText(dollars), centsText(eur)];
    }
    return exactly(eventId, money, from.exact, usd.exact);
  };
}

function exactly(eventId: string, money: EventMoney, from: Ratio, usd: Ratio): UsdEur {
  let minor: bigint;
  try {
    minor = parseMoney(money.amount, money.currency).minor;
  } catch (error) {
    if (error instanceof MoneyError) throw new MalformedEventError(eventId, `${money.amount} ${money.currency}: ${error.message}`);
    throw error;
  }
  const exponent = exponentOf(money.currency as CurrencyCode);
  // The currency reads: later amounts in it may take the fast path.
  exponents.set(money.currency, exponent);
  const scale = 10n ** BigInt(exponent);
  const eur = roundRatio({ numerator: minor * from.denominator * 100n, denominator: scale * from.numerator }, 'half-even');
  const dollars = roundRatio(
    { numerator: minor * from.denominator * usd.numerator * 100n, denominator: scale * from.numerator * usd.denominator },
    'half-even',
  );
  return [toDecimalString({ minor: dollars, currency: 'USD' }), toDecimalString({ minor: eur, currency: 'EUR' })];
}
