import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { deleteKeysWithPrefix, redisUnavailableReason } from '#packages/cache/redisTestServer.js';

/** The shared Redis the store-dependent tests also run on; REDIS_URL overrides. */
export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const unavailable = await redisUnavailableReason(redisUrl);

export interface StoreBackend {
  readonly name: 'memory' | 'redis';
  /** Gateway environment selecting this store, with a key prefix no other run or test uses. */
  env(): Record<string, string>;
}

/**
 * Declares `define` once per store: in memory, and on the real Redis (127.0.0.1:6379 or REDIS_URL)
 * under a prefix unique to this run, deleted afterwards. Without Redis the Redis half is skipped
 * with a visible warning, and fails when CI=true: CI must test what production runs.
 */
export function describeOnEachStore(title: string, define: (backend: StoreBackend) => void): void {
  describe(`${title} (memory store)`, () => define({ name: 'memory', env: () => ({}) }));

  const runPrefix = `tradegraph-test:gateway:${randomUUID()}`;
  if (unavailable !== undefined) {
    const why = `Redis at ${new URL(redisUrl).host} is not reachable (${unavailable})`;
    if (process.env.CI === 'true') {
      it(`${title} (redis store) reaches Redis (required in CI)`, () => expect.fail(`${why}. CI must provide Redis.`));
    } else {
      console.warn(`[gateway] ${title}: Redis tests SKIPPED: ${why}. Start redis-server or set REDIS_URL to run them.`);
    }
  }
  describe.skipIf(unavailable !== undefined)(`${title} (redis store)`, () => {
    let n = 0;
    afterAll(() => deleteKeysWithPrefix(redisUrl, runPrefix));
    define({ name: 'redis', env: () => ({ REDIS_URL: redisUrl, CACHE_KEY_PREFIX: `${runPrefix}:${++n}` }) });
  });
}
