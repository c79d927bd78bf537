import type { Tier } from './tiers.js';

/** Who a request is from, once its key (or lack of one) is read. */
export interface Principal {
  /** The key's id; undefined for a request without a key. */
  readonly keyId: string | undefined;
  readonly tier: Tier;
  readonly scopes: ReadonlySet<string>;
  /** The rate-limit counter this request counts against: its key, or its client address when keyless. */
  readonly rateLimitKey: string;
}
