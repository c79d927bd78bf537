import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log/index.js';
import type { Cache } from './Cache.js';
import { createMemoryCache } from './createMemoryCache.js';
import { createRedisCache } from './createRedisCache.js';
import { limitValueSize } from './limitValueSize.js';
import { deleteKeysWithPrefix, redisUnavailableReason } from './redisTestServer.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisDown = await redisUnavailableReason(redisUrl);
if (redisDown !== undefined && process.env.CI === 'true') it('reaches Redis (required in CI)', () => expect.fail(redisDown));

const stores: Array<[string, boolean, () => Promise<{ cache: Cache; dispose(): Promise<void> }>]> = [
  ['in process', false, async () => ({ cache: createMemoryCache(), dispose: async () => {} })],
  [
    'in Redis',
    redisDown !== undefined,
    async () => {
      const keyPrefix = `tradegraph-test:limit:${randomUUID()}`;
      const cache = await createRedisCache({ url: redisUrl, keyPrefix, logger: createLogger('test', { level: 'silent' }) });
      return {
        cache,
        async dispose() {
          await cache.close();
          await deleteKeysWithPrefix(redisUrl, keyPrefix);
        },
      };
    },
  ],
];

for (const [name, skip, open] of stores) {
  describe.skipIf(skip)(`limitValueSize ${name}`, () => {
    it('does not store a value over the limit (in UTF-8 bytes), reads it as a miss, and stores the rest', async () => {
      const { cache, dispose } = await open();
      try {
        const refused: number[] = [];
        const limited = limitValueSize(cache, 100, (bytes) => refused.push(bytes)).withPrefix('apq');
        await limited.set('small', 'x'.repeat(100), 60);
        await limited.set('large', 'x'.repeat(101), 60);
        await limited.set('wide', 'é'.repeat(51), 60); // 102 bytes in 51 characters
        await limited.setMany([
          { key: 'a', value: 'ok', ttlSeconds: 60 },
          { key: 'b', value: 'y'.repeat(500), ttlSeconds: 60 },
        ]);
        expect(await limited.getMany(['small', 'large', 'wide', 'a', 'b'])).toEqual([
          'x'.repeat(100),
          undefined,
          undefined,
          'ok',
          undefined,
        ]);
        expect(refused).toEqual([101, 102, 500]);
      } finally {
        await dispose();
      }
    });
  });
}
