import { Redis } from 'ioredis';
import type { Logger } from '../log/index.js';
import { assertTtlSeconds, type Cache, type CacheStats } from './Cache.js';
import { createOutageLog } from './createOutageLog.js';
import { createPrefixedCache } from './createPrefixedCache.js';

export interface RedisCacheOptions {
  /** `redis://` or `rediss://` URL, credentials included. */
  url: string;
  /** Where outages and recoveries are reported, once each. */
  logger: Logger;
  /** Namespace for every key, e.g. one per environment sharing a Redis. Default: none. */
  keyPrefix?: string;
  /** Longest a command may take before it is served as a miss or no-op. Default: 250 ms. */
  commandTimeoutMs?: number;
  /** Longest wait for a connection, at start-up and on each reconnect. Default: 1000 ms. */
  connectTimeoutMs?: number;
  /** Cap of the exponential backoff between reconnect attempts. Default: 2000 ms. */
  maxReconnectDelayMs?: number;
}

/**
 * A cache in Redis, shared by every instance of a service. Redis being down never fails a caller:
 * commands are not queued while disconnected (they fail at once and read as a miss), in-flight
 * commands give up after `commandTimeoutMs`, and ioredis keeps reconnecting in the background.
 *
 * Resolves once connected, or after `connectTimeoutMs` / the first connection error: a service
 * whose Redis is down at start-up still starts, degraded, rather than failing every request.
 */
export async function createRedisCache(options: RedisCacheOptions): Promise<Cache> {
  const { commandTimeoutMs = 250, connectTimeoutMs = 1000, maxReconnectDelayMs = 2000 } = options;
  const address = redisAddress(options.url);
  // The address only: the URL may carry a password, which must not reach the logs.
  const outages = createOutageLog(options.logger.child({ component: 'cache', redis: address }));
  const counters: CacheStats = { hits: 0, misses: 0, errors: 0 };
  const keyOf = (key: string): string => (options.keyPrefix === undefined ? key : `${options.keyPrefix}:${key}`);
  let closed = false;

  const client = new Redis(options.url, {
    // Queued commands would wait for a connection that may never come: fail them at once.
    enableOfflineQueue: false,
    // A command in flight when the connection drops is failed, not replayed after reconnect.
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, maxReconnectDelayMs),
  });
  // Without a listener ioredis prints every failed reconnect attempt to stderr.
  client.on('error', (error: Error) => outages.failed(error, 'connect'));
  client.on('ready', () => outages.succeeded());
  await firstConnection(client, connectTimeoutMs);

  /** Runs one command; a failure becomes `fallback`, is counted, and marks an outage. */
  const attempt = async <T>(operation: string, run: () => Promise<T>, fallback: T): Promise<T> => {
    if (closed) return fallback;
    try {
      const result = await run();
      outages.succeeded();
      return result;
    } catch (error) {
      counters.errors++;
      outages.failed(error, operation);
      return fallback;
    }
  };

  const count = (values: Array<string | undefined>): Array<string | undefined> => {
    for (const value of values) {
      if (value === undefined) counters.misses++;
      else counters.hits++;
    }
    return values;
  };

  const cache: Cache = {
    async get(key) {
      const value = await attempt('get', async () => (await client.get(keyOf(key))) ?? undefined, undefined);
      return count([value])[0];
    },
    async getMany(keys) {
      // MGET with no keys is a Redis syntax error; nothing to ask for is not a round trip.
      if (keys.length === 0) return [];
      const missing = keys.map(() => undefined);
      const values = await attempt('getMany', async () => (await client.mget(keys.map(keyOf))).map((value) => value ?? undefined), missing);
      return count(values);
    },
    async set(key, value, ttlSeconds) {
      assertTtlSeconds(ttlSeconds);
      await attempt('set', () => client.set(keyOf(key), value, 'EX', ttlSeconds), undefined);
    },
    async setMany(entries) {
      for (const entry of entries) assertTtlSeconds(entry.ttlSeconds);
      if (entries.length === 0) return;
      await attempt(
        'setMany',
        async () => {
          const pipeline = client.pipeline();
          for (const { key, value, ttlSeconds } of entries) pipeline.set(keyOf(key), value, 'EX', ttlSeconds);
          // exec reports each command's failure in its result rather than rejecting.
          const failed = (await pipeline.exec())?.find(([error]) => error !== null);
          if (failed !== undefined) throw failed[0]!;
        },
        undefined,
      );
    },
    async delete(key) {
      await attempt('delete', () => client.del(keyOf(key)), undefined);
    },
    withPrefix: (prefix) => createPrefixedCache(cache, prefix),
    stats: () => ({ ...counters }),
    outage: () => outages.current(),
    async close() {
      if (closed) return;
      closed = true;
      // QUIT lets pending writes finish; if Redis is gone there is nothing to finish.
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
  return cache;
}

/** `host:port` of a Redis URL; throws on anything that is not one, naming the problem. */
function redisAddress(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error('Redis URL is not a URL');
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`Redis URL must start with redis:// or rediss:// (got ${parsed.protocol}//)`);
  }
  return `${parsed.hostname}:${parsed.port || '6379'}`;
}

/** Waits for the first ready connection, the first connection error, or the timeout. */
function firstConnection(client: Redis, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      client.off('ready', done);
      client.off('error', done);
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    client.once('ready', done);
    client.once('error', done);
  });
}
