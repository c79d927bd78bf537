import { isTier, TIERS, type Tier } from '#packages/principal/index.js';

export { isTier, SCOPE_PATTERN, TIERS, type Tier } from '#packages/principal/index.js';

/** The tier of a request that carries no key: the lowest. */
export const ANONYMOUS_TIER: Tier = 'developer';

/** The scope of booking keys (the supergraph asks it of `placeOrder`). */
export const ORDERS_WRITE_SCOPE = 'orders:write';

/** The scope of analyst keys: trade flows, and asking for their exports. */
export const INSIGHTS_READ_SCOPE = 'insights:read';

/**
 * The scope a marketplace key holds by being bound to its marketplace (no key line names it):
 * the insights subgraph asks `insights:read` or this one, and shows such a key its own flows only.
 */
export const MARKETPLACE_FLOWS_SCOPE = 'insights:own-marketplace';

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
