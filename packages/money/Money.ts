import { exponentOf, isCurrencyCode, type CurrencyCode } from './currencies.js';

/**
 * An amount in integer minor units of its currency (cents, yen, fils). Never a float:
 * floats cannot hold 0.10 exactly, and a quote must add up to the minor unit.
 */
export interface Money {
  readonly minor: bigint;
  readonly currency: CurrencyCode;
}

/** Money as the API shows it: a decimal string with exactly the currency's exponent. */
export interface MoneyOutput {
  readonly amount: string;
  readonly currency: CurrencyCode;
}

export class MoneyError extends Error {
  override name = 'MoneyError';
}

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * The longest amount text read, in characters: 10^30 of any currency is more than anyone pays, and
 * reading a number costs time quadratic in its digits (a 1 MB amount held a gateway for 1.4 s).
 */
export const MAX_AMOUNT_LENGTH = 40;

export function currencyCode(value: string): CurrencyCode {
  if (!isCurrencyCode(value)) throw new MoneyError(`"${value}" is not an ISO 4217 currency code`);
  return value;
}

/**
 * Parses a decimal string ("12.30", "1200"). More fraction digits than the currency has are
 * refused unless they are zeros ("12.300" EUR is fine, "12.305" EUR is not): silently
 * rounding someone else's price would change it. So is text over `MAX_AMOUNT_LENGTH` characters.
 */
export function parseMoney(amount: string, currency: string): Money {
  const code = currencyCode(currency);
  const text = amount.trim();
  if (text.length > MAX_AMOUNT_LENGTH) {
    throw new MoneyError(`"${text.slice(0, 12)}…" (${text.length} characters) is longer than an amount can be (${MAX_AMOUNT_LENGTH})`);
  }
  const match = DECIMAL.exec(text);
  if (!match) throw new MoneyError(`"${amount}" is not a decimal amount`);
  const [, sign, whole = '0', fraction = ''] = match;
  const exponent = exponentOf(code);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new MoneyError(`"${amount}" has more decimals than ${code} allows (${exponent})`);
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  return { minor: sign ? -minor : minor, currency: code };
}

export function fromMinor(minor: bigint | number, currency: CurrencyCode): Money {
  if (typeof minor === 'number' && !Number.isSafeInteger(minor)) {
    throw new MoneyError(`${minor} is not a whole number of minor units`);
  }
  return { minor: BigInt(minor), currency };
}

export function toDecimalString(money: Money): string {
  const exponent = exponentOf(money.currency);
  const negative = money.minor < 0n;
  const digits = (negative ? -money.minor : money.minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return (negative ? '-' : '') + whole + (exponent > 0 ? '.' + fraction : '');
}

export function toMoneyOutput(money: Money): MoneyOutput {
  return { amount: toDecimalString(money), currency: money.currency };
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { minor: a.minor + b.minor, currency: a.currency };
}

export function compareMoney(a: Money, b: Money): number {
  assertSameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new MoneyError(`Cannot combine ${a.currency} with ${b.currency}`);
}
