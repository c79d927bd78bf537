import type { Cache } from './Cache.js';

/**
 * A view of `inner` whose keys all start with `prefix:`. Written once for every implementation, so
 * namespacing cannot differ between Redis and memory. Closing a view does nothing: a feature
 * handed a view must not be able to close the store every other feature shares.
 */
export function createPrefixedCache(inner: Cache, prefix: string): Cache {
  if (prefix === '') throw new RangeError('Cache prefix must not be empty');
  const keyOf = (key: string): string => `${prefix}:${key}`;

  const view: Cache = {
    get: (key) => inner.get(keyOf(key)),
    getMany: (keys) => inner.getMany(keys.map(keyOf)),
    set: (key, value, ttlSeconds) => inner.set(keyOf(key), value, ttlSeconds),
    setMany: (entries) => inner.setMany(entries.map((entry) => ({ ...entry, key: keyOf(entry.key) }))),
    delete: (key) => inner.delete(keyOf(key)),
    withPrefix: (child) => createPrefixedCache(view, child),
    stats: () => inner.stats(),
    close: async () => {},
  };
  return view;
}
