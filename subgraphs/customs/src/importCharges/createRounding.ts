import { exponentOf, type CurrencyCode } from '#packages/money/index.js';
import type { RoundingRule, RoundingStep } from '../../rules/types.js';
import { roundHalfUp, type Exact } from './exactAmount.js';

/** How the destination's administration rounds, applied to exact amounts in minor units. */
export interface Rounding {
  readonly rule: RoundingRule;
  duty(amount: Exact): bigint;
  tax(amount: Exact): bigint;
  fee(amount: Exact): bigint;
  /** A taxable base as the administration rounds it before applying a rate (JP: down to ¥1,000); unchanged where it does not. */
  base(minor: bigint): bigint;
  /** e.g. "; base rounded down to 1000 JPY, tax down to 100 JPY", or "" for plain rounding to the minor unit. */
  readonly note: string;
}

/**
 * Rounding as the destination's rules say (`rounding` in each destination file): each line's exact
 * amount is rounded once, to the administration's increment, half-up or down. Most round half-up
 * to the minor unit; JP truncates the taxable base to ¥1,000 and the tax to ¥100; IN rounds to the rupee.
 */
export function createRounding(rule: RoundingRule, currency: CurrencyCode): Rounding {
  const unit = 10n ** BigInt(exponentOf(currency));
  const step = (s: RoundingStep) => {
    const increment = incrementInMinor(s.increment, unit);
    return ({ numerator, denominator }: Exact): bigint => {
      const scaled = { numerator, denominator: denominator * increment };
      if (s.mode === 'half-up') return roundHalfUp(scaled) * increment;
      return (numerator >= 0n ? numerator / scaled.denominator : -(-numerator / scaled.denominator)) * increment;
    };
  };
  const base = rule.base ? step(rule.base) : undefined;
  const plain = (s: RoundingStep) => s.mode === 'half-up' && incrementInMinor(s.increment, unit) === 1n;
  const describe = (what: string, s: RoundingStep) => `${what} ${s.mode === 'down' ? 'down' : 'half-up'} to ${s.increment} ${currency}`;
  const parts = [
    ...(rule.base ? [describe('base rounded', rule.base)] : []),
    ...(plain(rule.duty) ? [] : [describe('duty', rule.duty)]),
    ...(plain(rule.tax) ? [] : [describe('tax', rule.tax)]),
  ];
  return {
    rule,
    duty: step(rule.duty),
    tax: step(rule.tax),
    fee: step(rule.fee),
    base: (minor) => (base ? base({ numerator: minor, denominator: 1n }) : minor),
    note: parts.length === 0 ? '' : `; ${parts.join(', ')} (${rule.id})`,
  };
}

/** "1000" JPY → 1000 minor units; "0.01" EUR → 1; an increment finer than the minor unit is one minor unit. */
function incrementInMinor(increment: string, unit: bigint): bigint {
  const [whole = '0', fraction = ''] = increment.split('.');
  const digits = BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  const minor = (digits * unit) / scale;
  return minor < 1n ? 1n : minor;
}
