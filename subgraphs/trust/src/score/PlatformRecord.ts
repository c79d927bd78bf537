import type { OrderOutcome } from './SellerEvidence.js';
import { TRUST_MODEL } from './trustModel.js';

/** How many of a seller's platform orders had each outcome: the evidence the factors' details state. */
export interface PlatformCounts {
  readonly orders: number;
  readonly delivered: number;
  readonly onTime: number;
  readonly cancelledBySeller: number;
  readonly disputesOpened: number;
  readonly disputesLost: number;
  readonly returnedAtFault: number;
  readonly returnedChangedMind: number;
}

/**
 * The same orders weighted by their decay, summed per factor: for each factor the weight of the
 * orders it counts (`orders`, `delivered`, `disputes`) and the weight of those that count for the
 * seller (`onTime`, `notCancelled`, `disputesValue`, `notReturned`). A lost dispute weighs
 * `lostCountsAs` orders in `disputes`; an open one is worth half in `disputesValue`.
 */
export interface WeightedSums {
  readonly orders: number;
  readonly delivered: number;
  readonly onTime: number;
  readonly notCancelled: number;
  readonly disputes: number;
  readonly disputesValue: number;
  readonly notReturned: number;
}

/** A seller's platform orders as the score reads them at one instant. */
export interface PlatformRecord {
  readonly counts: PlatformCounts;
  /** Each order weighted by `2^(−age/half-life)` at that instant. */
  readonly weighted: WeightedSums;
  /** When the latest-confirmed order with a dispute the seller lost was confirmed; undefined without one. */
  readonly latestLostAt: number | undefined;
}

export const HALF_LIFE_MS = TRUST_MODEL.halfLifeDays * 86_400_000;

export const NO_COUNTS: PlatformCounts = {
  orders: 0,
  delivered: 0,
  onTime: 0,
  cancelledBySeller: 0,
  disputesOpened: 0,
  disputesLost: 0,
  returnedAtFault: 0,
  returnedChangedMind: 0,
};

export const NO_SUMS: WeightedSums = {
  orders: 0,
  delivered: 0,
  onTime: 0,
  notCancelled: 0,
  disputes: 0,
  disputesValue: 0,
  notReturned: 0,
};

/** What one order adds to the counts. */
export function countsOf(order: OrderOutcome): PlatformCounts {
  return {
    orders: 1,
    delivered: order.onTime === null ? 0 : 1,
    onTime: order.onTime === true ? 1 : 0,
    cancelledBySeller: order.cancelledBySeller ? 1 : 0,
    disputesOpened: order.dispute === 'NONE' ? 0 : 1,
    disputesLost: order.dispute === 'LOST' ? 1 : 0,
    returnedAtFault: order.returned === 'SELLER_AT_FAULT' ? 1 : 0,
    returnedChangedMind: order.returned === 'CHANGED_MIND' ? 1 : 0,
  };
}

/** What one order of weight `weight` adds to the sums. */
export function sumsOf(order: OrderOutcome, weight: number): WeightedSums {
  const disputeWeight = weight * (order.dispute === 'LOST' ? TRUST_MODEL.factors.disputes.lostCountsAs : 1);
  return {
    orders: weight,
    delivered: order.onTime === null ? 0 : weight,
    onTime: order.onTime === true ? weight : 0,
    notCancelled: order.cancelledBySeller ? 0 : weight,
    disputes: disputeWeight,
    disputesValue: disputeWeight * (order.dispute === 'LOST' ? 0 : order.dispute === 'OPEN' ? 0.5 : 1),
    notReturned: order.returned === 'SELLER_AT_FAULT' ? 0 : weight,
  };
}

/**
 * The record of a seller's orders at `now`, read order by order. An order confirmed after `now`
 * (another clock ahead of this one) weighs 1, as one confirmed at `now`.
 */
export function recordOfOrders(orders: readonly OrderOutcome[], now: number): PlatformRecord {
  const counts: Record<keyof PlatformCounts, number> = { ...NO_COUNTS };
  const weighted: Record<keyof WeightedSums, number> = { ...NO_SUMS };
  let latestLostAt: number | undefined;
  for (const order of orders) {
    addInto(counts, countsOf(order));
    addInto(weighted, sumsOf(order, 2 ** (-Math.max(0, now - order.confirmedAt) / HALF_LIFE_MS)));
    if (order.dispute === 'LOST') latestLostAt = Math.max(latestLostAt ?? order.confirmedAt, order.confirmedAt);
  }
  return { counts, weighted, latestLostAt };
}

/** Adds `part` into `into`, field by field. */
export function addInto<K extends string>(into: Record<K, number>, part: Readonly<Record<K, number>>): void {
  for (const key of Object.keys(part) as K[]) into[key] += part[key];
}
