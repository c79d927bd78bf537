import {
  createMemoryCache,
  createMemorySlidingWindow,
  createRedisCache,
  createRedisSlidingWindow,
  limitValueSize,
  type Cache,
  type SlidingWindow,
} from '#packages/cache/index.js';
import type { Logger } from '#packages/log/index.js';

/** What gateway replicas share: a cache (APQ, responses, subgraph fetches) and rate-limit windows. */
export interface SharedStore {
  /** Namespaced `gateway:`; each feature takes its own prefix below it. */
  readonly cache: Cache;
  readonly windows: SlidingWindow;
  /** Whether replicas really share it (Redis), or each has its own (in process). */
  readonly shared: boolean;
  /** Operations the store failed and that were degraded (misses, in-process decisions), since start. */
  errors(): { cache: number; rateLimit: number };
  /**
   * For `/ready`: Redis answering, or `degraded` while it does not (caches miss, rate limits are
   * per replica) with why and since when; `memory` when no Redis is configured.
   */
  health(): StoreHealth;
  close(): Promise<void>;
}

export type StoreHealth =
  | { readonly store: 'memory' | 'redis'; readonly degraded: false }
  | { readonly store: 'redis'; readonly degraded: true; readonly reason: string; readonly since: string };

/**
 * Redis when a URL is configured, so every replica sees one APQ registry, one response cache and
 * one rate limit per key; otherwise an in-process LRU, so a single gateway runs with nothing to
 * install. Either is bounded in bytes: no value over `maxValueBytes` is kept, and the in-process
 * LRU holds at most `maxBytes`. Redis going away never fails a request: the cache misses, the limiter decides per
 * replica, each logs the outage once, and both reconnect by themselves.
 */
export async function createSharedStore(options: {
  redisUrl: string | undefined;
  keyPrefix: string;
  maxEntries: number;
  /** Most bytes the in-process store keeps (no Redis). */
  maxBytes: number;
  /** Largest value kept, in Redis or in process: larger ones are not stored (APQ documents, responses). */
  maxValueBytes: number;
  logger: Logger;
}): Promise<SharedStore> {
  const { logger } = options;
  let root: Cache;
  let windows: SlidingWindow;
  const shared = options.redisUrl !== undefined && options.redisUrl !== '';
  if (shared) {
    [root, windows] = await Promise.all([
      createRedisCache({ url: options.redisUrl!, logger, keyPrefix: options.keyPrefix }),
      createRedisSlidingWindow({ url: options.redisUrl!, logger, keyPrefix: `${options.keyPrefix}:gateway` }),
    ]);
  } else {
    logger.info('gateway store in memory: no REDIS_URL, so APQ entries, cached responses and rate limits are per replica');
    root = createMemoryCache({ maxEntries: options.maxEntries, maxBytes: options.maxBytes });
    windows = createMemorySlidingWindow({ maxKeys: options.maxEntries });
  }
  return {
    cache: limitValueSize(root, options.maxValueBytes).withPrefix('gateway'),
    windows,
    shared,
    errors: () => ({ cache: root.stats().errors, rateLimit: windows.stats().errors }),
    health() {
      if (!shared) return { store: 'memory', degraded: false };
      const outage = root.outage?.() ?? windows.outage?.();
      if (outage === undefined) return { store: 'redis', degraded: false };
      return {
        store: 'redis',
        degraded: true,
        reason: `Redis unreachable (${outage.reason}): cached answers are not used and rate limits are counted per replica`,
        since: new Date(outage.since).toISOString(),
      };
    },
    async close() {
      await Promise.all([root.close(), windows.close()]);
    },
  };
}
