import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, type Logger } from '../log/index.js';
import type { Cache } from './Cache.js';
import { createRedisCache } from './createRedisCache.js';
import { defineCacheSuite } from './defineCacheSuite.js';
import { deleteKeysWithPrefix, freePort, redisUnavailableReason, startRedisServer, type RedisServer } from './redisTestServer.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Messages name the host only: REDIS_URL may carry a password.
const redisHost = new URL(redisUrl).host;
const unavailable = await redisUnavailableReason(redisUrl);
const mustRun = process.env.CI === 'true';
// Parallel runs share one Redis: every key of this run lives under its own prefix.
const runPrefix = `tradegraph-test:cache:${randomUUID()}`;

/** A logger whose lines the test can read. */
function recordingLogger(): { logger: Logger; lines: Array<{ level: string; msg: string }> } {
  const lines: Array<{ level: string; msg: string }> = [];
  return { logger: createLogger('cache-test', { level: 'debug', write: (line) => lines.push(JSON.parse(line)) }), lines };
}

async function timed<T>(call: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await call();
  return { result, ms: performance.now() - started };
}

if (unavailable !== undefined) {
  const why = `Redis at ${redisHost} is not reachable (${unavailable})`;
  if (mustRun) {
    it('reaches Redis (required in CI)', () => expect.fail(`${why}. CI must provide Redis; set REDIS_URL or start it on 127.0.0.1:6379.`));
  } else {
    console.warn(`[cache] Redis tests SKIPPED: ${why}. Start redis-server or set REDIS_URL to run them.`);
  }
}

describe.skipIf(unavailable !== undefined)('createRedisCache against a real Redis', () => {
  let cacheNumber = 0;
  afterAll(() => deleteKeysWithPrefix(redisUrl, runPrefix));

  defineCacheSuite('createRedisCache', () =>
    createRedisCache({ url: redisUrl, logger: recordingLogger().logger, keyPrefix: `${runPrefix}:${++cacheNumber}` }),
  );

  it('writes every key under its keyPrefix, so caches with different prefixes never meet', async () => {
    const { logger } = recordingLogger();
    const staging = await createRedisCache({ url: redisUrl, logger, keyPrefix: `${runPrefix}:staging` });
    const production = await createRedisCache({ url: redisUrl, logger, keyPrefix: `${runPrefix}:production` });
    try {
      await staging.withPrefix('catalog:offer').set('42', 'staged', 60);
      expect(await production.withPrefix('catalog:offer').get('42')).toBeUndefined();
      const unprefixed = await createRedisCache({ url: redisUrl, logger });
      expect(await unprefixed.get(`${runPrefix}:staging:catalog:offer:42`)).toBe('staged');
      await unprefixed.close();
    } finally {
      await Promise.all([staging.close(), production.close()]);
    }
  });
});

describe('createRedisCache when Redis is unreachable', () => {
  it('serves misses and no-ops quickly, logs the outage once and counts every failure', async () => {
    const { logger, lines } = recordingLogger();
    const { result: cache, ms: startMs } = await timed(() => createRedisCache({ url: 'redis://127.0.0.1:1', logger }));
    try {
      expect(startMs).toBeLessThan(1_500);
      for (let i = 0; i < 20; i++) {
        const read = await timed(() => cache.get(`offer:${i}`));
        expect(read.result).toBeUndefined();
        expect(read.ms).toBeLessThan(500);
        const write = await timed(() => cache.set(`offer:${i}`, 'v', 60));
        expect(write.ms).toBeLessThan(500);
      }
      expect(await cache.getMany(['a', 'b'])).toEqual([undefined, undefined]);
      await expect(cache.setMany([{ key: 'a', value: 'v', ttlSeconds: 60 }])).resolves.toBeUndefined();
      await expect(cache.delete('a')).resolves.toBeUndefined();

      expect(cache.stats()).toEqual({ hits: 0, misses: 22, errors: 43 });
      expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
      expect(lines.some((line) => line.level === 'error')).toBe(false);
    } finally {
      await cache.close();
    }
  });

  it('refuses a URL that is not a Redis URL, without echoing its credentials', async () => {
    const { logger } = recordingLogger();
    await expect(createRedisCache({ url: 'http://user:s3cret@127.0.0.1:6379', logger })).rejects.toThrow(/redis:\/\//);
    await expect(createRedisCache({ url: 'http://user:s3cret@127.0.0.1:6379', logger })).rejects.not.toThrow(/s3cret/);
  });
});

const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedisServer) console.warn('[cache] Redis recovery test SKIPPED: no redis-server binary on PATH to stage an outage with.');

describe.skipIf(!hasRedisServer)('createRedisCache through an outage of its own redis-server', () => {
  let server: RedisServer | undefined;
  let cache: Cache | undefined;
  afterAll(async () => {
    await cache?.close();
    await server?.stop();
  });

  it('degrades while the server is down and recovers by itself when it is back', async () => {
    const port = await freePort();
    const url = `redis://127.0.0.1:${port}`;
    const { logger, lines } = recordingLogger();
    server = await startRedisServer(port);
    cache = await createRedisCache({ url, logger, maxReconnectDelayMs: 100 });
    await cache.set('seller:1', 'Brinquedos Sul', 60);
    expect(await cache.get('seller:1')).toBe('Brinquedos Sul');

    await server.stop();
    for (let i = 0; i < 10; i++) {
      const read = await timed(() => cache!.get('seller:1'));
      expect(read.result).toBeUndefined();
      expect(read.ms).toBeLessThan(500);
      await cache.set('seller:2', 'x', 60);
    }
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
    expect(cache.stats().errors).toBeGreaterThanOrEqual(20);

    server = await startRedisServer(port);
    const deadline = Date.now() + 5_000;
    let value: string | undefined;
    while (value === undefined && Date.now() < deadline) {
      await cache.set('seller:3', 'Feira', 60);
      value = await cache.get('seller:3');
      if (value === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(value).toBe('Feira');
    expect(lines.filter((line) => line.msg === 'cache recovered')).toHaveLength(1);
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(1);
  });
});
