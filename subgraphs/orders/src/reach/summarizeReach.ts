import type { ReachRow } from '../store/OrderStore.js';

export interface ReachTotalsModel {
  readonly shown: number;
  readonly quoted: number;
  readonly booked: number;
}

export interface MarketplaceReachModel {
  readonly from: string;
  readonly to: string;
  readonly total: ReachTotalsModel;
  readonly countries: ReadonlyArray<ReachTotalsModel & { readonly country: string | null }>;
}

/** The store's rows as `MarketplaceReach`: one entry per country, most shown first (then most booked, then by code). */
export function summarizeReach(rows: readonly ReachRow[], period: { fromDay: string; toDay: string }): MarketplaceReachModel {
  const byCountry = new Map<string, { shown: number; quoted: number; booked: number }>();
  for (const row of rows) {
    const counts = byCountry.get(row.country) ?? { shown: 0, quoted: 0, booked: 0 };
    if (row.kind === 'SHOWN') counts.shown += row.count;
    else if (row.kind === 'QUOTED') counts.quoted += row.count;
    else counts.booked += row.count;
    byCountry.set(row.country, counts);
  }
  const countries = [...byCountry]
    .map(([country, counts]) => ({ country: country === '' ? null : country, ...counts }))
    .sort((a, b) => b.shown - a.shown || b.booked - a.booked || (a.country ?? '~').localeCompare(b.country ?? '~'));
  const total = countries.reduce(
    (sum, entry) => ({ shown: sum.shown + entry.shown, quoted: sum.quoted + entry.quoted, booked: sum.booked + entry.booked }),
    { shown: 0, quoted: 0, booked: 0 },
  );
  return { from: period.fromDay, to: period.toDay, total, countries };
}
