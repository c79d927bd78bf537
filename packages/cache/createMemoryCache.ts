import { assertTtlSeconds, type Cache, type CacheEntry, type CacheStats } from './Cache.js';
import { createPrefixedCache } from './createPrefixedCache.js';

export interface MemoryCacheOptions {
  /** Most entries kept; beyond it the least recently used is evicted. Default: 10_000. */
  maxEntries?: number;
  /** Clock in milliseconds, for tests. Default: `Date.now`. */
  now?: () => number;
}

interface Stored {
  value: string;
  expiresAt: number;
}

/**
 * An in-process LRU cache with per-entry TTL, for development, tests and single-instance runs.
 * A Map iterates in insertion order, so re-inserting an entry on every read keeps the least
 * recently used one first, which is the one to evict.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const { maxEntries = 10_000, now = Date.now } = options;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`Memory cache maxEntries must be a positive integer (got ${maxEntries})`);
  }
  const entries = new Map<string, Stored>();
  const counters: CacheStats = { hits: 0, misses: 0, errors: 0 };
  let closed = false;

  const read = (key: string): string | undefined => {
    const stored = entries.get(key);
    if (stored === undefined || closed) {
      counters.misses++;
      return undefined;
    }
    entries.delete(key);
    if (stored.expiresAt <= now()) {
      counters.misses++;
      return undefined;
    }
    entries.set(key, stored);
    counters.hits++;
    return stored.value;
  };

  const write = ({ key, value, ttlSeconds }: CacheEntry): void => {
    if (closed) return;
    entries.delete(key);
    entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  };

  const cache: Cache = {
    async get(key) {
      return read(key);
    },
    async getMany(keys) {
      return keys.map(read);
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      write({ key, value, ttlSeconds });
    },
    async setMany(batch) {
      // Validate the whole batch first, so a bad TTL writes nothing rather than half of it.
      for (const entry of batch) assertTtlSeconds(entry.ttlSeconds);
      for (const entry of batch) write(entry);
    },
    async delete(key) {
      entries.delete(key);
    },
    withPrefix: (prefix) => createPrefixedCache(cache, prefix),
    stats: () => ({ ...counters }),
    async close() {
      closed = true;
      entries.clear();
    },
  };
  return cache;
}
