import { ConfigError } from '#packages/config/index.js';
import { hashApiKey, type ApiKeyRecord } from './ApiKeyRecord.js';
import { INSIGHTS_READ_SCOPE, ORDERS_WRITE_SCOPE } from './tiers.js';

/** What the development key may do: book, and read trade flows, so every example of the explorer runs. */
export const DEVELOPMENT_KEY_SCOPES: readonly string[] = [ORDERS_WRITE_SCOPE, INSIGHTS_READ_SCOPE];

/** Test-mode keys start so, as Stripe's `sk_test_` do: they book against sandboxes only. */
export const TEST_KEY_PREFIX = 'tg_test_';

/**
 * The stored form of `DEVELOPMENT_API_KEY` (id `development`, developer tier). Production refuses
 * it: a key whose plain text sits in an environment variable and a data folder is for one machine.
 */
export function developmentKeyRecord(key: string, production: boolean): ApiKeyRecord {
  if (production) throw new ConfigError('DEVELOPMENT_API_KEY', 'is refused in production: configure API_KEYS_FILE or API_KEYS');
  if (!key.startsWith(TEST_KEY_PREFIX) || key.length < TEST_KEY_PREFIX.length + 32)
    throw new ConfigError('DEVELOPMENT_API_KEY', `must be a test-mode key: "${TEST_KEY_PREFIX}" and at least 32 more characters`);
  return {
    id: 'development',
    tier: 'developer',
    scopes: new Set(DEVELOPMENT_KEY_SCOPES),
    sha256: hashApiKey(key),
    revoked: false,
    marketplaceId: undefined,
  };
}
