import type { Cache, CacheEntry } from './Cache.js';
import { createPrefixedCache } from './createPrefixedCache.js';

/**
 * A cache that does not keep values longer than `maxValueBytes` (UTF-8): writing one is a no-op,
 * reported to `onRefused`, and reading it is a miss, as for any entry that was evicted. Redis has
 * no per-entry limit short of 512 MB, and a client decides what goes into an APQ registry or a
 * response cache, so every store the gateway shares gets one.
 */
export function limitValueSize(inner: Cache, maxValueBytes: number, onRefused?: (bytes: number) => void): Cache {
  if (!Number.isSafeInteger(maxValueBytes) || maxValueBytes < 1) {
    throw new RangeError(`maxValueBytes must be a positive integer (got ${maxValueBytes})`);
  }
  const fits = (value: string): boolean => {
    // a UTF-8 character is at most 3 bytes per UTF-16 unit: most values are decided without measuring
    if (value.length * 3 <= maxValueBytes) return true;
    const bytes = value.length > maxValueBytes ? value.length : Buffer.byteLength(value, 'utf8');
    if (bytes <= maxValueBytes) return true;
    onRefused?.(bytes);
    return false;
  };
  const limited: Cache = {
    get: (key) => inner.get(key),
    getMany: (keys) => inner.getMany(keys),
    async set(key, value, ttlSeconds) {
      if (fits(value)) await inner.set(key, value, ttlSeconds);
    },
    async setMany(entries: readonly CacheEntry[]) {
      const kept = entries.filter((entry) => fits(entry.value));
      if (kept.length > 0) await inner.setMany(kept);
    },
    delete: (key) => inner.delete(key),
    withPrefix: (prefix) => createPrefixedCache(limited, prefix),
    stats: () => inner.stats(),
    close: () => inner.close(),
  };
  return limited;
}
