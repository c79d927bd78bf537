import type { Logger } from '../log/index.js';
import type { Cache } from './Cache.js';
import { createMemoryCache } from './createMemoryCache.js';
import { createRedisCache } from './createRedisCache.js';

export interface CacheOptions {
  /** Redis to share the cache between instances. Default: none, an in-process cache. */
  redisUrl?: string | undefined;
  logger: Logger;
  /** Entries an in-process cache keeps. Default: 10_000. */
  maxEntries?: number;
  /** Namespace for every Redis key, e.g. one per environment sharing a Redis. Default: none. */
  keyPrefix?: string;
}

/**
 * The cache a service runs with: Redis when a URL is configured, so every instance sees the same
 * entries; otherwise in memory, so the stack runs offline with nothing to install.
 */
export async function createCache(options: CacheOptions): Promise<Cache> {
  if (options.redisUrl !== undefined && options.redisUrl !== '') {
    return createRedisCache({ url: options.redisUrl, logger: options.logger, keyPrefix: options.keyPrefix });
  }
  options.logger.info('cache in memory: no Redis URL configured, entries are not shared between instances');
  return createMemoryCache({ maxEntries: options.maxEntries });
}
