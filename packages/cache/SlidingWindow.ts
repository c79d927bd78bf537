import type { Outage } from './createOutageLog.js';

/**
 * A sliding-window counter: "at most `limit` events per key in any `windowMs`", for rate limits.
 * It lives beside `Cache` rather than in it because it needs an atomic read-modify-write, which a
 * plain get/set cannot give across replicas. Like a cache it never fails its caller: when its store
 * is unavailable it decides in process (per replica) and counts the failure.
 */

/** What one `hit` decided. */
export interface SlidingWindowDecision {
  /** Whether the event was counted (under the limit) or refused. */
  allowed: boolean;
  limit: number;
  /** Events still allowed in the window after this one; 0 once refused. */
  remaining: number;
  /** Milliseconds until the oldest counted event leaves the window and frees a slot (0 when none is counted). */
  resetMs: number;
}

/** Counters since the window store was created. */
export interface SlidingWindowStats {
  /** Hits decided in process because the shared store failed. */
  errors: number;
}

export interface SlidingWindow {
  /**
   * Counts one event for `key` when fewer than `limit` were counted in the last `windowMs`, and
   * says so. A refused event is not counted, so a client retrying while limited does not push
   * its own reset further away.
   */
  hit(key: string, limit: number, windowMs: number): Promise<SlidingWindowDecision>;
  stats(): SlidingWindowStats;
  /** For a store that can go away (Redis): the outage under way, while hits are decided in process. */
  outage?(): Outage | undefined;
  /** Releases the store. Afterwards every hit is decided in process. */
  close(): Promise<void>;
}

/** Rejects arguments Redis and memory would treat differently, so both fail the same way. */
export function assertWindowArguments(limit: number, windowMs: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`Sliding window limit must be a positive integer (got ${limit})`);
  if (!Number.isSafeInteger(windowMs) || windowMs < 1) {
    throw new RangeError(`Sliding window length must be a positive number of milliseconds (got ${windowMs})`);
  }
}
