import { isTier, TIERS, type Tier } from '#packages/principal/index.js';

export { isTier, SCOPE_PATTERN, TIERS, type Tier } from '#packages/principal/index.js';

/** The tier of a request that carries no key: the lowest. */
export const ANONYMOUS_TIER: Tier = 'developer';

/** The scope a key needs to run a mutation (booking orders is the API's only write). */
export const ORDERS_WRITE_SCOPE = 'orders:write';

/** The scope of analyst keys: trade flows, and asking for their exports. */
export const INSIGHTS_READ_SCOPE = 'insights:read';

/**
 * Mutations that are not writes to orders, and the scope they need instead: an export job only
 * reads trade flows (a marketplace key, bound to its marketplace, may ask for its own too).
 */
export const MUTATION_SCOPES: Readonly<Record<string, string>> = { requestTradeFlowExport: INSIGHTS_READ_SCOPE };

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
