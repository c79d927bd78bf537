/**
 * What a marketplace's reach is made of: how often its offers were SHOWN (returned in a search
 * page, counted by the catalog), QUOTED (a landed cost computed for one of their shipping options,
 * counted by payments) and BOOKED (an order placed, read from the orders store).
 */
export type ReachKind = 'SHOWN' | 'QUOTED' | 'BOOKED';

/** One counter: a marketplace, a buyer country, a UTC day and a kind. */
export interface ReachCount {
  readonly marketplaceId: string;
  /** The buyer's country (ISO 3166-1 alpha-2), or '' when the request named none (a search without `filter.shipTo`). */
  readonly country: string;
  /** The UTC day, `YYYY-MM-DD`. */
  readonly day: string;
  readonly kind: ReachKind;
  readonly count: number;
}

/** The UTC day of an instant (ms since the epoch), as counters key it. */
export function reachDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
