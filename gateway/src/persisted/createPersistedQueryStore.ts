import type { Cache } from '#packages/cache/index.js';
import type { PersistedOperationManifest } from './PersistedOperationManifest.js';

/** Apollo Server's `KeyValueCache<string>`, structurally: what `persistedQueries.cache` takes. */
export interface PersistedQueryStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

export type PersistedQueryMode = 'apq' | 'allowlist';

/**
 * Where Apollo Server looks up and registers persisted query hashes. The manifest's operations are
 * always known (a typed client can send a hash first, with no registration round trip). In `apq`
 * mode anything else is registered in the shared store, so every replica knows a hash any one of
 * them learned; in `allowlist` mode nothing is registered: only the manifest exists.
 */
export function createPersistedQueryStore(options: {
  manifest: PersistedOperationManifest;
  mode: PersistedQueryMode;
  store: Cache;
  ttlSeconds: number;
}): PersistedQueryStore {
  const registered = new Map(options.manifest.operations.map((operation) => [operation.id, operation.body]));
  // Apollo Server prefixes keys with `apq:`; our store is already namespaced per feature.
  const hashOf = (key: string): string => key.replace(/^apq:/, '');
  return {
    async get(key) {
      const hash = hashOf(key);
      return registered.get(hash) ?? (options.mode === 'apq' ? await options.store.get(hash) : undefined);
    },
    async set(key, value, setOptions) {
      const hash = hashOf(key);
      if (options.mode !== 'apq' || registered.has(hash)) return;
      const ttl = setOptions?.ttl;
      await options.store.set(hash, value, typeof ttl === 'number' && ttl >= 1 ? Math.floor(ttl) : options.ttlSeconds);
    },
    async delete(key) {
      if (options.mode === 'apq') await options.store.delete(hashOf(key));
    },
  };
}
