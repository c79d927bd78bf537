/**
 * Who calls the API, in the platform's words: developers of cross-border apps, marketplaces that
 * sell through it, analysts who query trade flows. A tier sets a key's rate limit and its cost
 * budget; scopes say what it may read or change.
 */
export const TIERS = ['developer', 'marketplace', 'analyst'] as const;
export type Tier = (typeof TIERS)[number];

export function isTier(value: string): value is Tier {
  return (TIERS as readonly string[]).includes(value);
}

/** A scope is `resource:action`, lower case, so a typo in a key file fails at start-up. */
export const SCOPE_PATTERN = /^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/;
