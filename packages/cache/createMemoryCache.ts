import { assertTtlSeconds, type Cache, type CacheEntry, type CacheStats } from './Cache.js';
import { createPrefixedCache } from './createPrefixedCache.js';

export interface MemoryCacheOptions {
  /** Most entries kept; beyond it the least recently used is evicted. Default: 10_000. */
  maxEntries?: number;
  /**
   * Most bytes kept, keys and values counted as JS strings hold them (2 bytes a character) plus
   * a fixed overhead per entry; beyond it the least recently used are evicted, and a single
   * entry larger than it is not kept at all. Default: 64 MiB.
   */
  maxBytes?: number;
  /** Clock in milliseconds, for tests. Default: `Date.now`. */
  now?: () => number;
}

interface Stored {
  value: string;
  expiresAt: number;
  bytes: number;
}

/** What an entry costs beyond its characters: the Map slot, the record, the string headers. */
const ENTRY_OVERHEAD_BYTES = 96;

/** The bytes an entry is counted as. */
export function memoryCacheEntryBytes(key: string, value: string): number {
  return 2 * (key.length + value.length) + ENTRY_OVERHEAD_BYTES;
}

/**
 * An in-process LRU cache with per-entry TTL, for development, tests and single-instance runs,
 * bounded in entries and in bytes (what clients can make it keep must not grow the process).
 * A Map iterates in insertion order, so re-inserting an entry on every read keeps the least
 * recently used one first, which is the one to evict.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): Cache {
  const { maxEntries = 10_000, maxBytes = 64 * 1024 * 1024, now = Date.now } = options;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`Memory cache maxEntries must be a positive integer (got ${maxEntries})`);
  }
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new RangeError(`Memory cache maxBytes must be a positive integer (got ${maxBytes})`);
  }
  const entries = new Map<string, Stored>();
  let bytes = 0;
  const remove = (key: string): void => {
    const stored = entries.get(key);
    if (stored === undefined) return;
    entries.delete(key);
    bytes -= stored.bytes;
  };
  const counters: CacheStats = { hits: 0, misses: 0, errors: 0 };
  let closed = false;

  const read = (key: string): string | undefined => {
    const stored = entries.get(key);
    if (stored === undefined || closed) {
      counters.misses++;
      return undefined;
    }
    if (stored.expiresAt <= now()) {
      remove(key);
      counters.misses++;
      return undefined;
    }
    entries.delete(key);
    entries.set(key, stored);
    counters.hits++;
    return stored.value;
  };

  const write = ({ key, value, ttlSeconds }: CacheEntry): void => {
    if (closed) return;
    remove(key);
    const size = memoryCacheEntryBytes(key, value);
    if (size > maxBytes) return;
    entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000, bytes: size });
    bytes += size;
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      remove(oldest);
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
      remove(key);
    },
    withPrefix: (prefix) => createPrefixedCache(cache, prefix),
    stats: () => ({ ...counters }),
    async close() {
      closed = true;
      entries.clear();
      bytes = 0;
    },
  };
  return cache;
}
