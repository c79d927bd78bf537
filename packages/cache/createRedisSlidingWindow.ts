import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from '../log/index.js';
import { createMemorySlidingWindow } from './createMemorySlidingWindow.js';
import { createOutageLog } from './createOutageLog.js';
import { assertWindowArguments, type SlidingWindow, type SlidingWindowStats } from './SlidingWindow.js';

export interface RedisSlidingWindowOptions {
  /** `redis://` or `rediss://` URL, credentials included. */
  url: string;
  /** Where outages and recoveries are reported, once each. */
  logger: Logger;
  /** Namespace for every key, e.g. one per environment sharing a Redis. Default: none. */
  keyPrefix?: string;
  /** Longest a hit may wait for Redis before it is decided in process. Default: 250 ms. */
  commandTimeoutMs?: number;
  /** Longest wait for a connection, at start-up and on each reconnect. Default: 1000 ms. */
  connectTimeoutMs?: number;
  /** Cap of the exponential backoff between reconnect attempts. Default: 2000 ms. */
  maxReconnectDelayMs?: number;
}

/**
 * One atomic step of a sliding-window log in a sorted set (score = time in ms). The time is Redis's
 * own (`TIME`), so replicas whose clocks disagree still share one window. Returns
 * `{allowed 0|1, counted, ms until the oldest counted event expires}`.
 */
const SLIDING_WINDOW_LUA = `
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local counted = redis.call('ZCARD', KEYS[1])
local allowed = 0
if counted < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  counted = counted + 1
  allowed = 1
end
local reset = 0
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if oldest[2] then
  reset = tonumber(oldest[2]) + window - now
  redis.call('PEXPIRE', KEYS[1], window)
end
return { allowed, counted, reset }
`;

interface SlidingWindowCommand {
  slidingWindowHit(key: string, windowMs: number, limit: number, member: string): Promise<[number, number, number]>;
}

/**
 * A sliding window in Redis, shared by every replica. When Redis fails (down, slow, restarting) a
 * hit is decided by an in-process window instead: limits then hold per replica rather than not at
 * all, the outage is logged once, and ioredis reconnects in the background.
 */
export async function createRedisSlidingWindow(options: RedisSlidingWindowOptions): Promise<SlidingWindow> {
  const { commandTimeoutMs = 250, connectTimeoutMs = 1000, maxReconnectDelayMs = 2000 } = options;
  const address = redisAddress(options.url);
  const outages = createOutageLog(options.logger.child({ component: 'rate-limit-store', redis: address }), undefined, {
    down: 'rate-limit store unavailable: limits are counted per replica until it recovers',
    up: 'rate-limit store recovered',
  });
  const counters: SlidingWindowStats = { errors: 0 };
  const fallback = createMemorySlidingWindow();
  const keyOf = (key: string): string => (options.keyPrefix === undefined ? key : `${options.keyPrefix}:${key}`);
  let closed = false;

  // The same connection policy as createRedisCache: never queue, never replay, fail fast.
  const client = new Redis(options.url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, maxReconnectDelayMs),
  });
  client.defineCommand('slidingWindowHit', { numberOfKeys: 1, lua: SLIDING_WINDOW_LUA });
  const scripted = client as Redis & SlidingWindowCommand;
  client.on('error', (error: Error) => outages.failed(error, 'connect'));
  client.on('ready', () => outages.succeeded());
  await firstConnection(client, connectTimeoutMs);

  return {
    async hit(key, limit, windowMs) {
      assertWindowArguments(limit, windowMs);
      if (closed) return fallback.hit(key, limit, windowMs);
      try {
        const [allowed, counted, resetMs] = await scripted.slidingWindowHit(keyOf(key), windowMs, limit, randomUUID());
        outages.succeeded();
        return { allowed: allowed === 1, limit, remaining: Math.max(0, limit - counted), resetMs: Math.max(0, resetMs) };
      } catch (error) {
        counters.errors++;
        outages.failed(error, 'hit');
        return fallback.hit(key, limit, windowMs);
      }
    },
    stats: () => ({ ...counters }),
    outage: () => outages.current(),
    async close() {
      if (closed) return;
      closed = true;
      if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
      else client.disconnect();
    },
  };
}

/** `host:port` of a Redis URL; throws on anything that is not one, without echoing credentials. */
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
