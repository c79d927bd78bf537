import type { Tier } from './tiers.js';

/** Who a request is from, once its key (or lack of one) is read. */
export interface Principal {
  /** The key's id; undefined for a request without a key. */
  readonly keyId: string | undefined;
  readonly tier: Tier;
  readonly scopes: ReadonlySet<string>;
  /** The one marketplace a marketplace-tier key acts for (`marketplace=<id>` on its line). */
  readonly marketplaceId: string | undefined;
  /** Whether the key presented is a test-mode key (`tg_test_…`, see `TEST_KEY_PREFIX`); false without a key. */
  readonly testMode: boolean;
  /** The rate-limit counter this request counts against: its key, or its client address when keyless. */
  readonly rateLimitKey: string;
}
