/**
 * Exact arithmetic on minor units: a charge is `amount × rate` with the rate in basis points, so
 * every intermediate value is a ratio of bigints, rounded once when it becomes a line.
 */

/** `numerator / denominator` with a positive denominator. */
export interface Exact {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const BP = 10_000n;

/** `minor × bp / 10000`, exactly. */
export function timesBp(minor: bigint, bp: number): Exact {
  return { numerator: minor * BigInt(bp), denominator: BP };
}

/** `minor × bp1 × bp2 / 10000²`, exactly (CN: 13 % × 70 %). */
export function timesBpBp(minor: bigint, bp1: number, bp2: number): Exact {
  return { numerator: minor * BigInt(bp1) * BigInt(bp2), denominator: BP * BP };
}

/** `minor × bp / (10000 − bp)`: a tax computed "por dentro" (BR ICMS), i.e. on a base that includes itself. */
export function grossedUp(minor: bigint, bp: number): Exact {
  if (bp >= 10_000) throw new RangeError('a gross-up rate must be below 100 %');
  return { numerator: minor * BigInt(bp), denominator: BP - BigInt(bp) };
}

/** `a × b`, exactly. */
export function times(a: Exact, b: Exact): Exact {
  return { numerator: a.numerator * b.numerator, denominator: a.denominator * b.denominator };
}

/** `a + b`, exactly. */
export function plus(a: Exact, b: Exact): Exact {
  return { numerator: a.numerator * b.denominator + b.numerator * a.denominator, denominator: a.denominator * b.denominator };
}

/** `a − b`, never below zero (a minimum less the VAT within a dear pack is no minimum). */
export function minus(a: Exact, b: Exact): Exact {
  const numerator = a.numerator * b.denominator - b.numerator * a.denominator;
  return { numerator: numerator > 0n ? numerator : 0n, denominator: a.denominator * b.denominator };
}

/** 1 when a > b, −1 when a < b, 0 when equal. */
export function compare(a: Exact, b: Exact): number {
  const difference = a.numerator * b.denominator - b.numerator * a.denominator;
  return difference > 0n ? 1 : difference < 0n ? -1 : 0;
}

/**
 * Rounds to a whole minor unit, ties away from zero. Customs administrations round assessed amounts
 * commercially (half-up), not to even: a duty of 0.005 EUR is 0.01 EUR.
 */
export function roundHalfUp({ numerator, denominator }: Exact): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  if (2n * (magnitude % denominator) >= denominator) quotient += 1n;
  return negative ? -quotient : quotient;
}

/** Splits `total` over `weights` in proportion, in whole units, the rounding remainder going to the last share. */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (weights.length === 0) return [];
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  const shares = weights.map((w) => (total * w) / sum);
  const given = shares.reduce((a, b) => a + b, 0n);
  shares[shares.length - 1] = (shares[shares.length - 1] ?? 0n) + (total - given);
  return shares;
}

/** 1900 → "19%", 320 → "3.2%", 3350 → "33.5%": how people write rates. */
export function formatBp(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction === '' ? '' : '.' + fraction}%`;
}
