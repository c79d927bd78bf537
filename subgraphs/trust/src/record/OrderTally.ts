import {
  HALF_LIFE_MS,
  NO_COUNTS,
  NO_SUMS,
  countsOf,
  sumsOf,
  type PlatformCounts,
  type PlatformRecord,
  type WeightedSums,
} from '../score/PlatformRecord.js';
import type { OrderOutcome } from '../score/SellerEvidence.js';

/**
 * A seller's platform orders summed up as each event is recorded, so that reading a seller's
 * standing costs the same however long its history is. Decay is a factor of time alone
 * (`2^(−(now − t)/h) = 2^(−(now − anchor)/h) · 2^((t − anchor)/h)`), so each order's weight is kept
 * relative to a fixed `anchor` and the sums are brought to `now` with one multiplication when read.
 * The anchor is the seller's first recorded confirmation: weights grow by one power of two every
 * half-life after it, which a double holds for centuries.
 */
export interface OrderTally {
  readonly anchor: number;
  readonly counts: PlatformCounts;
  /** Each order weighted by `2^((confirmedAt − anchor)/half-life)`. */
  readonly sums: WeightedSums;
  /** The latest confirmation among the seller's orders: the sums hold for any instant not before it. */
  readonly latestConfirmedAt: number;
  readonly latestLostAt: number | null;
  /** When the seller's record last changed (the event's time). */
  readonly lastEventAt: number;
}

/** A seller's first order's tally: empty, anchored at its confirmation. */
export function emptyTally(anchor: number): OrderTally {
  return { anchor, counts: NO_COUNTS, sums: NO_SUMS, latestConfirmedAt: anchor, latestLostAt: null, lastEventAt: anchor };
}

/**
 * The tally after one order changed from `before` (undefined: a new order) to `after`. Only the
 * fields the change moves are touched, so a sum the change leaves alone keeps its exact value.
 * `latestLostAt` and `lastEventAt` are left to the caller: moving one back needs the other orders.
 */
export function withOrderChanged(tally: OrderTally, before: OrderOutcome | undefined, after: OrderOutcome): OrderTally {
  const weight = 2 ** ((after.confirmedAt - tally.anchor) / HALF_LIFE_MS);
  return {
    ...tally,
    counts: moved<keyof PlatformCounts>(tally.counts, before && countsOf(before), countsOf(after)),
    sums: moved<keyof WeightedSums>(tally.sums, before && sumsOf(before, weight), sumsOf(after, weight)),
    latestConfirmedAt: Math.max(tally.latestConfirmedAt, after.confirmedAt),
  };
}

/**
 * The record at `now`, from the tally alone; undefined when `now` is before an order's
 * confirmation (another clock ahead of this one), where the order must weigh 1, not more: read the
 * orders then.
 */
export function recordAt(tally: OrderTally, now: number): PlatformRecord | undefined {
  if (now < tally.latestConfirmedAt) return undefined;
  const toNow = 2 ** (-(now - tally.anchor) / HALF_LIFE_MS);
  const weighted = Object.fromEntries(Object.entries(tally.sums).map(([key, sum]) => [key, sum * toNow])) as unknown as WeightedSums;
  return { counts: tally.counts, weighted, latestLostAt: tally.latestLostAt ?? undefined };
}

function moved<K extends string>(
  total: Readonly<Record<K, number>>,
  before: Readonly<Record<K, number>> | undefined,
  after: Readonly<Record<K, number>>,
): Record<K, number> {
  const next: Record<K, number> = { ...total };
  for (const key of Object.keys(after) as K[]) {
    const change = after[key] - (before ? before[key] : 0);
    if (change !== 0) next[key] += change;
  }
  return next;
}
