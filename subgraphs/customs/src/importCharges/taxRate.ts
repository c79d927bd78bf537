import type { TaxRule } from '../../rules/types.js';
import type { Exact } from './exactAmount.js';

/** A tax rate as an exact fraction and as people write it: 19 % = 1900/10000, QST 9.975 % = 99750/1000000. */
export interface TaxRate {
  readonly numerator: bigint;
  readonly denominator: bigint;
  readonly text: string;
}

export function taxRate(rule: Pick<TaxRule, 'rateBp' | 'ratePpm'>, overrideBp?: number): TaxRate {
  if (overrideBp === undefined && rule.ratePpm !== undefined) {
    return { numerator: BigInt(rule.ratePpm), denominator: 1_000_000n, text: `${trim(rule.ratePpm / 10_000)}%` };
  }
  const bp = overrideBp ?? rule.rateBp;
  return { numerator: BigInt(bp), denominator: 10_000n, text: `${trim(bp / 100)}%` };
}

/** `base × rate` exactly; grossed up (BR ICMS, CN consumption tax) `base × rate / (1 − rate)`. */
export function applyRate(base: bigint, rate: TaxRate, grossUp: boolean): Exact {
  if (!grossUp) return { numerator: base * rate.numerator, denominator: rate.denominator };
  if (rate.numerator >= rate.denominator) throw new RangeError('a gross-up rate must be below 100 %');
  return { numerator: base * rate.numerator, denominator: rate.denominator - rate.numerator };
}

/** 9.975 → "9.975", 19 → "19" (the division of integers by 100 or 10000 is exact in binary-to-decimal print). */
function trim(percent: number): string {
  return String(Number(percent.toFixed(4)));
}
