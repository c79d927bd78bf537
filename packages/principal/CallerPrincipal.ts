import type { Tier } from './tiers.js';

/**
 * Who an operation is for, as the gateway established it from the client's API key and passes it
 * to subgraphs in a signed header (`signPrincipal`). Subgraphs decide with it what a caller may see:
 * the orders its key placed, the trade flows of its own marketplace.
 */
export interface CallerPrincipal {
  /** The API key's id; undefined for a request without a key. */
  readonly keyId: string | undefined;
  readonly tier: Tier;
  /** `resource:action` scopes of the key, e.g. `orders:write`, `insights:read`. */
  readonly scopes: readonly string[];
  /** The one marketplace a marketplace-tier key acts for; undefined otherwise. */
  readonly marketplaceId: string | undefined;
  /**
   * Whether the key is a test-mode key (`tg_test_…`): its orders book against sandboxes, and the
   * documented test triggers (`packages/testmode`) force their outcomes. Absent means live.
   */
  readonly testMode?: boolean;
}

export function hasScope(principal: CallerPrincipal | undefined, scope: string): boolean {
  return principal?.scopes.includes(scope) ?? false;
}
