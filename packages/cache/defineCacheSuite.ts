import { afterEach, describe, expect, it } from 'vitest';
import type { Cache } from './Cache.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The behaviour every `Cache` implementation must share, so that a service behaves the same
 * whether it runs on Redis or in memory. `create` returns a fresh, empty cache each call.
 */
export function defineCacheSuite(name: string, create: () => Promise<Cache>): void {
  describe(`${name} (Cache conformance)`, () => {
    const opened: Cache[] = [];
    const open = async (): Promise<Cache> => {
      const cache = await create();
      opened.push(cache);
      return cache;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((cache) => cache.close()));
    });

    it('returns what was set, undefined for what was not, and overwrites', async () => {
      const cache = await open();
      expect(await cache.get('offer:1')).toBeUndefined();
      await cache.set('offer:1', '{"price":"302.50"}', 60);
      expect(await cache.get('offer:1')).toBe('{"price":"302.50"}');
      await cache.set('offer:1', 'second', 60);
      expect(await cache.get('offer:1')).toBe('second');
    });

    it('keeps an empty string as a value, not a miss', async () => {
      const cache = await open();
      await cache.set('empty', '', 60);
      expect(await cache.get('empty')).toBe('');
      expect(await cache.getMany(['empty'])).toEqual(['']);
    });

    it('never returns an entry after its TTL, from get, getMany or setMany', async () => {
      const cache = await open();
      await cache.set('short', 'a', 1);
      await cache.setMany([
        { key: 'short-batch', value: 'b', ttlSeconds: 1 },
        { key: 'long-batch', value: 'c', ttlSeconds: 60 },
      ]);
      expect(await cache.getMany(['short', 'short-batch', 'long-batch'])).toEqual(['a', 'b', 'c']);
      await sleep(1_100);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.getMany(['short', 'short-batch', 'long-batch'])).toEqual([undefined, undefined, 'c']);
    });

    it('getMany answers in key order with undefined for misses, repeated keys included', async () => {
      const cache = await open();
      await cache.setMany([
        { key: 'b', value: 'B', ttlSeconds: 60 },
        { key: 'd', value: 'D', ttlSeconds: 60 },
      ]);
      expect(await cache.getMany(['a', 'b', 'c', 'd', 'b'])).toEqual([undefined, 'B', undefined, 'D', 'B']);
      expect(await cache.getMany([])).toEqual([]);
    });

    it('setMany writes every entry, the last one winning for a repeated key', async () => {
      const cache = await open();
      await cache.setMany([
        { key: 'x', value: '1', ttlSeconds: 60 },
        { key: 'y', value: '2', ttlSeconds: 60 },
        { key: 'x', value: '3', ttlSeconds: 60 },
      ]);
      expect(await cache.getMany(['x', 'y'])).toEqual(['3', '2']);
      await expect(cache.setMany([])).resolves.toBeUndefined();
    });

    it('delete removes the key and nothing else; deleting a missing key is fine', async () => {
      const cache = await open();
      await cache.setMany([
        { key: 'keep', value: 'k', ttlSeconds: 60 },
        { key: 'drop', value: 'd', ttlSeconds: 60 },
      ]);
      await cache.delete('drop');
      await cache.delete('never-set');
      expect(await cache.getMany(['keep', 'drop'])).toEqual(['k', undefined]);
    });

    it('keeps prefixes apart: two features never see each other’s keys', async () => {
      const cache = await open();
      const offers = cache.withPrefix('catalog:offer');
      const sellers = cache.withPrefix('catalog:seller');
      await offers.set('42', 'offer 42', 60);
      await sellers.set('42', 'seller 42', 60);
      expect(await offers.get('42')).toBe('offer 42');
      expect(await sellers.get('42')).toBe('seller 42');
      expect(await cache.get('42')).toBeUndefined();
      // A view's keys are `prefix:key`, and views nest.
      expect(await cache.get('catalog:offer:42')).toBe('offer 42');
      expect(await cache.withPrefix('catalog').withPrefix('seller').get('42')).toBe('seller 42');
      await sellers.setMany([{ key: '7', value: 'seller 7', ttlSeconds: 60 }]);
      expect(await offers.getMany(['42', '7'])).toEqual(['offer 42', undefined]);
      await offers.delete('42');
      expect(await sellers.get('42')).toBe('seller 42');
      expect(() => cache.withPrefix('')).toThrow(RangeError);
    });

    it('stores unicode keys and values unchanged', async () => {
      const cache = await open();
      const values = ['礼盒装抹茶粉', 'Tradicional Chá Matcha em Pó', '🍵 green tea 🇨🇳→🇧🇷', 'line\r\nbreak\u0000nul', 'Ünïcödé ñ ß'];
      await cache.setMany(values.map((value, index) => ({ key: `名前:${index}`, value, ttlSeconds: 60 })));
      expect(await cache.getMany(values.map((_, index) => `名前:${index}`))).toEqual(values);
      await cache.withPrefix('杭州').set('茶', values[0]!, 60);
      expect(await cache.withPrefix('杭州').get('茶')).toBe(values[0]);
    });

    it('rejects a TTL Redis would refuse, and writes none of a batch that holds one', async () => {
      const cache = await open();
      for (const ttl of [0, -1, 1.5, Number.NaN]) {
        await expect(cache.set('k', 'v', ttl)).rejects.toThrow(RangeError);
      }
      const batch = [
        { key: 'good', value: 'g', ttlSeconds: 60 },
        { key: 'bad', value: 'b', ttlSeconds: 0 },
      ];
      await expect(cache.setMany(batch)).rejects.toThrow(RangeError);
      expect(await cache.getMany(['k', 'good', 'bad'])).toEqual([undefined, undefined, undefined]);
    });

    it('counts hits and misses per key, shared with its views, and no errors when healthy', async () => {
      const cache = await open();
      await cache.set('hit', 'h', 60);
      await cache.get('hit');
      await cache.get('miss');
      await cache.getMany(['hit', 'miss', 'miss-too']);
      await cache.withPrefix('view').get('miss');
      expect(cache.stats()).toEqual({ hits: 2, misses: 4, errors: 0 });
      expect(cache.withPrefix('view').stats()).toEqual(cache.stats());
    });

    it('after close, reads miss and writes do nothing, without throwing', async () => {
      const cache = await open();
      await cache.set('before', 'b', 60);
      await cache.close();
      await expect(cache.set('after', 'a', 60)).resolves.toBeUndefined();
      expect(await cache.get('before')).toBeUndefined();
      expect(await cache.getMany(['before', 'after'])).toEqual([undefined, undefined]);
      await expect(cache.close()).resolves.toBeUndefined();
    });
  });
}
