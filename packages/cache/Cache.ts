import type { Outage } from './createOutageLog.js';
/**
 * The one cache contract of the platform. Values are strings: callers serialize, so a cache never
 * guesses at types and Redis and memory behave the same. A cache never fails its caller because
 * the cache is unwell: an unreachable store reads as a miss and writes as a no-op.
 */

export interface CacheEntry {
  key: string;
  value: string;
  /** Whole seconds, at least 1 (Redis `SET … EX` has no finer or shorter expiry). */
  ttlSeconds: number;
}

/** Counters since the cache was created, shared by every prefixed view of it. */
export interface CacheStats {
  /** Keys read that were found. */
  hits: number;
  /** Keys read that were not found, including those served as a miss because the store failed. */
  misses: number;
  /** Operations that failed and were served as a miss or a no-op. */
  errors: number;
}

export interface Cache {
  /** The value, or undefined when absent, expired or the store is unavailable. */
  get(key: string): Promise<string | undefined>;
  /** One value (or undefined) per key, in key order, in a single round trip. */
  getMany(keys: readonly string[]): Promise<Array<string | undefined>>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Writes every entry in one round trip; a later entry for the same key wins. */
  setMany(entries: readonly CacheEntry[]): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * A view whose keys are namespaced `prefix:` (one prefix per feature, e.g. `catalog:offer`), so two
   * features never read each other's keys. It shares this cache's store, counters and connection.
   */
  withPrefix(prefix: string): Cache;
  stats(): CacheStats;
  /** For a store that can go away (Redis): the outage under way, while reads miss and writes are skipped. */
  outage?(): Outage | undefined;
  /**
   * Releases the store. Afterwards reads miss and writes do nothing, so requests still draining at
   * shutdown do not fail. On a view it does nothing: the view does not own the connection.
   */
  close(): Promise<void>;
}

/** Rejects a TTL that Redis would refuse, so a bad TTL fails the same way on every implementation. */
export function assertTtlSeconds(ttlSeconds: number): void {
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds < 1) {
    throw new RangeError(`Cache TTL must be a whole number of seconds, at least 1 (got ${ttlSeconds})`);
  }
}
