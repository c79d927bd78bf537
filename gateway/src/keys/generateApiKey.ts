import { randomBytes } from 'node:crypto';
import { formatApiKeyLine, hashApiKey, type ApiKeyRecord } from './ApiKeyRecord.js';
import type { Tier } from './tiers.js';

export interface GeneratedApiKey {
  /** The key, to give to its holder once; it is never stored. */
  readonly key: string;
  readonly record: ApiKeyRecord;
  /** The line to add to API_KEYS_FILE (or API_KEYS). */
  readonly line: string;
}

/** A new key: `tg_` and 192 random bits, base64url; its id defaults to `key_` and 48 random bits. */
export function generateApiKey(init: { tier: Tier; scopes: readonly string[]; id?: string; marketplaceId?: string }): GeneratedApiKey {
  const key = `tg_${randomBytes(24).toString('base64url')}`;
  const record: ApiKeyRecord = {
    id: init.id ?? `key_${randomBytes(6).toString('hex')}`,
    tier: init.tier,
    scopes: new Set(init.scopes),
    sha256: hashApiKey(key),
    revoked: false,
    marketplaceId: init.marketplaceId,
  };
  return { key, record, line: formatApiKeyLine(record) };
}
