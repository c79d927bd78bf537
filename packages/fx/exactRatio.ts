/**
 * Exact rational arithmetic on bigints, for currency conversion: a decimal rate is a ratio of
 * integers, so a conversion is one integer division, rounded once, with no binary-float error.
 */

/** How a result exactly halfway between two minor units is rounded. */
export type RoundingMode =
  /** Ties to the even neighbour (banker's rounding, IEEE 754 default): no upward bias over many conversions. */
  | 'half-even'
  /** Ties away from zero (commercial rounding, Java's `ROUND_HALF_UP`): 0.5 → 1, −0.5 → −1. */
  | 'half-up';

/** `numerator / denominator`, denominator > 0. */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "1.1600" → 11600/10000. Only plain non-negative decimals: no sign, exponent or spaces. */
export function decimalToRatio(text: string): Ratio {
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`"${text}" is not a plain decimal number`);
  const [, whole = '', fraction = ''] = match;
  return { numerator: BigInt(whole + fraction), denominator: 10n ** BigInt(fraction.length) };
}

/** Rounds `numerator / denominator` to an integer, once, by `mode`. Symmetric around zero. */
export function roundRatio({ numerator, denominator }: Ratio, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = 2n * (magnitude % denominator);
  const tie = twiceRemainder === denominator;
  if (twiceRemainder > denominator || (tie && (mode === 'half-up' || quotient % 2n === 1n))) quotient += 1n;
  return negative ? -quotient : quotient;
}

/**
 * A positive ratio written with `digits` significant digits, half-even: 1805/11.62 → "155.336".
 * For showing a rate to people only; nothing is ever computed from this string.
 */
export function formatSignificant(ratio: Ratio, digits: number): string {
  const { numerator, denominator } = ratio;
  if (numerator <= 0n || denominator <= 0n) throw new RangeError('only positive ratios have significant digits here');
  // Find the power of ten that brings the value into [10^(digits-1), 10^digits).
  let shift = digits - (numerator.toString().length - denominator.toString().length);
  const scaled = (power: number): Ratio =>
    power >= 0
      ? { numerator: numerator * 10n ** BigInt(power), denominator }
      : { numerator, denominator: denominator * 10n ** BigInt(-power) };
  const low = 10n ** BigInt(digits - 1);
  const high = 10n ** BigInt(digits);
  while (floorOf(scaled(shift)) >= high) shift--;
  while (floorOf(scaled(shift)) < low) shift++;
  let rounded = roundRatio(scaled(shift), 'half-even');
  if (rounded === high) {
    rounded /= 10n; // 9.999995 → 10.0000: one digit too many after rounding up
    shift--;
  }
  return placePoint(rounded.toString(), shift);
}

const floorOf = ({ numerator, denominator }: Ratio): bigint => numerator / denominator;

/** `digits × 10^-shift` as a decimal string. */
function placePoint(digits: string, shift: number): string {
  if (shift <= 0) return digits + '0'.repeat(-shift);
  const padded = digits.padStart(shift + 1, '0');
  return `${padded.slice(0, padded.length - shift)}.${padded.slice(padded.length - shift)}`;
}
