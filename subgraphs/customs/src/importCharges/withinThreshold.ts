import type { AppliedRate } from '#packages/fx/index.js';
import { compareMoney, currencyCode, parseMoney, toDecimalString, type Money } from '#packages/money/index.js';
import type { OriginFilter } from '../../rules/types.js';
import { basisName, type Valuation, type ValueBasis } from './valueConsignment.js';

/** A threshold test, with the words to show it in a formula. */
export interface ThresholdTest {
  readonly within: boolean;
  /** e.g. "intrinsic value 100.00 GBP ≤ 135.00 GBP", followed by the FX rate if one was needed. */
  readonly text: string;
  /** The rates the comparison converted at. */
  readonly applied: readonly AppliedRate[];
}

/** Parses a rules-file amount (`{ amount: "150.00", currency: "EUR" }`) into money. */
export function ruleMoney(amount: { amount: string; currency: string }): Money {
  return parseMoney(amount.amount, currencyCode(amount.currency));
}

/**
 * Compares the consignment's value on `basis` with `limit` in the limit's own currency (the
 * regulator's), converting the consignment's original amounts into it: a threshold in EUR is met
 * or not in EUR, whatever currency the goods were priced in.
 */
export function withinThreshold(
  valuation: Valuation,
  basis: ValueBasis,
  limit: Money,
  comparison: 'lte' | 'lt',
  options: { perUnit?: boolean } = {},
): ThresholdTest {
  const { money, fxNote, applied } = options.perUnit ? valuation.measureUnit(limit.currency) : valuation.measure(basis, limit.currency);
  const order = compareMoney(money, limit);
  const within = comparison === 'lte' ? order <= 0 : order < 0;
  const sign = within ? (comparison === 'lte' ? '≤' : '<') : comparison === 'lte' ? '>' : '≥';
  const text = `${options.perUnit ? 'dearest unit' : basisName(basis)} ${toDecimalString(money)} ${money.currency} ${sign} ${toDecimalString(limit)} ${limit.currency}${fxNote}`;
  return { within, text, applied };
}

/** Whether a rule restricted to some origins covers goods from `origin`. */
export function originMatches(filter: OriginFilter | undefined, origin: string): boolean {
  if (filter === undefined) return true;
  if (filter.include !== undefined && !filter.include.includes(origin)) return false;
  return !(filter.exclude ?? []).includes(origin);
}

/** Whether an HS code falls under any of the prefixes (digits only). */
export function matchesPrefix(hsCode: string, prefixes: readonly string[] | undefined): boolean {
  return (prefixes ?? []).some((prefix) => hsCode.startsWith(prefix));
}
