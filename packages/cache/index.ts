export { assertTtlSeconds, type Cache, type CacheEntry, type CacheStats } from './Cache.js';
export { createCache, type CacheOptions } from './createCache.js';
export { createMemoryCache, type MemoryCacheOptions } from './createMemoryCache.js';
export { createRedisCache, type RedisCacheOptions } from './createRedisCache.js';
export { createPrefixedCache } from './createPrefixedCache.js';
