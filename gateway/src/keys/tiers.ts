/**
 * Who calls the API, in the platform's words: developers of cross-border apps, marketplaces that
 * sell through it, analysts who query trade flows. A tier sets a key's rate limit and its cost
 * budget; scopes say what it may change.
 */
export const TIERS = ['developer', 'marketplace', 'analyst'] as const;
export type Tier = (typeof TIERS)[number];

/** The tier of a request that carries no key: the lowest. */
export const ANONYMOUS_TIER: Tier = 'developer';

/** The scope a key needs to run any mutation (booking orders is the API's only write). */
export const ORDERS_WRITE_SCOPE = 'orders:write';

/** A scope is `resource:action`, lower case, so a typo in a key file fails at start-up. */
export const SCOPE_PATTERN = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;

export function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}

/** A value per tier; every tier present. */
export type PerTier<T> = Readonly<Record<Tier, T>>;

/** Reads `developer=60,analyst=300` over defaults, refusing unknown tiers. */
export function perTier<T>(overrides: ReadonlyMap<string, T>, defaults: PerTier<T>): PerTier<T> {
  const values: Record<Tier, T> = { ...defaults };
  for (const [name, value] of overrides) {
    if (!isTier(name)) throw new Error(`unknown tier "${name}" (tiers: ${TIERS.join(', ')})`);
    values[name] = value;
  }
  return values;
}
