import { describe, expect, it } from 'vitest';
import { createMemoryCache, memoryCacheEntryBytes } from './createMemoryCache.js';
import { defineCacheSuite } from './defineCacheSuite.js';

defineCacheSuite('createMemoryCache', async () => createMemoryCache());

describe('createMemoryCache', () => {
  it('evicts the least recently used entry once full; a read counts as a use', async () => {
    const cache = createMemoryCache({ maxEntries: 3 });
    await cache.setMany(['a', 'b', 'c'].map((key) => ({ key, value: key, ttlSeconds: 60 })));
    await cache.get('a'); // now b is the least recently used
    await cache.set('d', 'd', 60);
    expect(await cache.getMany(['a', 'b', 'c', 'd'])).toEqual(['a', undefined, 'c', 'd']);
  });

  it('overwriting a key refreshes it and evicts nothing', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.set('a', '1', 60);
    await cache.set('b', '2', 60);
    await cache.set('a', '3', 60); // still two entries; now b is the least recently used
    await cache.set('c', '4', 60);
    expect(await cache.getMany(['a', 'b', 'c'])).toEqual(['3', undefined, '4']);
  });

  it('counts views against the same capacity', async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.withPrefix('offer').set('1', 'o', 60);
    await cache.withPrefix('seller').set('1', 's', 60);
    await cache.withPrefix('rate').set('1', 'r', 60);
    expect(await cache.withPrefix('offer').get('1')).toBeUndefined();
    expect(await cache.withPrefix('rate').get('1')).toBe('r');
  });

  it('expires by its clock, to the millisecond', async () => {
    let now = 0;
    const cache = createMemoryCache({ now: () => now });
    await cache.set('k', 'v', 2);
    now = 1_999;
    expect(await cache.get('k')).toBe('v');
    now = 2_000;
    expect(await cache.get('k')).toBeUndefined();
  });

  it('refuses a capacity that is not a positive integer', () => {
    for (const maxEntries of [0, -5, 1.5]) {
      expect(() => createMemoryCache({ maxEntries })).toThrow(RangeError);
    }
  });

  it('keeps at most maxBytes, evicting the least recently used, and does not keep an entry larger than all of it', async () => {
    const entry = memoryCacheEntryBytes('k1', 'x'.repeat(1_000));
    const cache = createMemoryCache({ maxEntries: 1_000, maxBytes: entry * 3 });
    for (const key of ['k1', 'k2', 'k3']) await cache.set(key, 'x'.repeat(1_000), 60);
    await cache.get('k1');
    await cache.set('k4', 'x'.repeat(1_000), 60);
    expect(await cache.getMany(['k1', 'k2', 'k3', 'k4'])).toEqual(['x'.repeat(1_000), undefined, 'x'.repeat(1_000), 'x'.repeat(1_000)]);
    await cache.set('huge', 'x'.repeat(5_000), 60);
    expect(await cache.get('huge')).toBeUndefined();
    expect(await cache.get('k4')).toBe('x'.repeat(1_000));
  });
});
