/** A keyed write's first answer (fresh, or replayed); or a conflict when the key comes back with another request. */
export type Remembered<T> = { readonly kind: 'fresh' | 'replay'; readonly value: T } | { readonly kind: 'conflict' };

export interface IdempotencyKeys {
  /** Runs `write` once per key: a repeat with the same `fingerprint` replays its value, another fingerprint is a conflict. */
  once<T>(key: string, fingerprint: string, write: () => T): Remembered<T>;
}

/**
 * The idempotency keys of a sandbox's writes, as vendors keep them: the first answer is kept with
 * a fingerprint of the request, for the server's lifetime. Every sandbox ledger (stock, parcels,
 * payments) keeps its keys here.
 */
export function createIdempotencyKeys(): IdempotencyKeys {
  const keys = new Map<string, { fingerprint: string; value: unknown }>();
  return {
    once<T>(key: string, fingerprint: string, write: () => T): Remembered<T> {
      const seen = keys.get(key);
      if (seen) return seen.fingerprint === fingerprint ? { kind: 'replay', value: seen.value as T } : { kind: 'conflict' };
      const value = write();
      keys.set(key, { fingerprint, value });
      return { kind: 'fresh', value };
    },
  };
}
