import { convert, type AppliedRate, type ReferenceRates } from '#packages/fx/index.js';
import type { CurrencyCode, Money } from '#packages/money/index.js';
import type { LineRate } from './types.js';

/** Converts money with one series' rates and remembers which rates it used, to cite them. */
export interface Conversion {
  /** `money` in `to`, rounded once half-up; unchanged when already in `to`. */
  to(money: Money, to: CurrencyCode): Money;
  /** The distinct rates used so far. */
  readonly applied: readonly AppliedRate[];
}

/** A conversion that records its rates; one per purpose, so each line cites only the rates behind it. */
export function createConversion(rates: ReferenceRates): Conversion {
  const applied = new Map<string, AppliedRate>();
  return {
    to(money, to) {
      if (money.currency === to) return money;
      // Half-up like every other rounding in customs, so one rule explains every amount.
      const { money: converted, rate } = convert(money, to, rates, 'half-up');
      applied.set(`${rate.from}>${rate.to}`, rate);
      return converted;
    },
    get applied() {
      return [...applied.values()];
    },
  };
}

/** "; FX 1 USD = 0.862069 EUR (EU customs monthly rate of 2026-11-01)", or "" without conversion. */
export function fxNote(applied: readonly AppliedRate[]): string {
  const distinct = [...new Map(applied.map((r) => [`${r.from}>${r.to}`, r])).values()];
  const first = distinct[0];
  if (first === undefined) return '';
  const rates = distinct.map((r) => `1 ${r.from} = ${r.rate} ${r.to}`).join(', ');
  return `; FX ${rates} (${first.source.name}, ${first.series === 'REFERENCE' ? 'reference rate' : 'rate'} of ${first.date})`;
}

/** The rates behind a line, as the API names them. */
export function lineRates(applied: readonly AppliedRate[]): LineRate[] {
  return [...new Map(applied.map((r) => [`${r.from}>${r.to}`, r])).values()].map((r) => ({
    from: r.from,
    to: r.to,
    rate: r.rate,
    series: r.series,
    date: r.date,
  }));
}
