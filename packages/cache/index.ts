export { assertTtlSeconds, type Cache, type CacheEntry, type CacheStats } from './Cache.js';
export { createCache, type CacheOptions } from './createCache.js';
export { createMemoryCache, type MemoryCacheOptions } from './createMemoryCache.js';
export { createRedisCache, type RedisCacheOptions } from './createRedisCache.js';
export { createPrefixedCache } from './createPrefixedCache.js';
export { assertWindowArguments, type SlidingWindow, type SlidingWindowDecision, type SlidingWindowStats } from './SlidingWindow.js';
export { createMemorySlidingWindow, type MemorySlidingWindowOptions } from './createMemorySlidingWindow.js';
export { createRedisSlidingWindow, type RedisSlidingWindowOptions } from './createRedisSlidingWindow.js';
export { createOutageLog, type Outage, type OutageLog, type OutageMessages } from './createOutageLog.js';
