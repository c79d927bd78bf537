import { hash } from 'node:crypto';
import { SCOPE_PATTERN, TIERS, isTier, type Tier } from './tiers.js';

/** One API key as the gateway stores it: never the key itself, only its SHA-256. */
export interface ApiKeyRecord {
  /** Names the key in logs and rate-limit counters; not secret. */
  readonly id: string;
  readonly tier: Tier;
  readonly scopes: ReadonlySet<string>;
  /** Hex SHA-256 of the key. A key has 192 random bits, so a fast hash is safe here (no salt or KDF needed). */
  readonly sha256: string;
  /** A revoked key is still recognised, so its caller is told it was revoked rather than unknown. */
  readonly revoked: boolean;
  /** The one marketplace a marketplace-tier key acts for: it sees that marketplace's orders and flows, and no other's. */
  readonly marketplaceId: string | undefined;
}

const ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

/** The SHA-256 under which a key is stored and looked up (one-shot: no Hash object per request, a third of the cost). */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** The stored line of a key: `<id> <tier> <scopes|-> <sha256> [marketplace=<id>] [revoked]`. */
export function formatApiKeyLine(record: ApiKeyRecord): string {
  const scopes = record.scopes.size === 0 ? '-' : [...record.scopes].join(',');
  return [
    record.id,
    record.tier,
    scopes,
    record.sha256,
    ...(record.marketplaceId !== undefined ? [`marketplace=${record.marketplaceId}`] : []),
    ...(record.revoked ? ['revoked'] : []),
  ].join(' ');
}

/**
 * Reads key lines (blank lines and `#` comments skipped), from a file or from `API_KEYS` split on
 * `;`. Throws naming the source and line of the first bad one, so a typo fails at start-up.
 */
export function parseApiKeyLines(text: string, source: string): ApiKeyRecord[] {
  const records: ApiKeyRecord[] = [];
  for (const [index, rawLine] of text.split(/\r?\n|;/).entries()) {
    const line = rawLine.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const where = `${source}, entry ${index + 1}`;
    const [id, tier, scopes, sha256, ...flags] = line.split(/\s+/);
    if (id === undefined || tier === undefined || scopes === undefined || sha256 === undefined) {
      throw new Error(`${where}: expected "<id> <tier> <scopes|-> <sha256> [marketplace=<id>] [revoked]"`);
    }
    if (!ID_PATTERN.test(id)) throw new Error(`${where}: key id "${id}" must be 1-64 letters, digits, ".", "_" or "-"`);
    if (!isTier(tier)) throw new Error(`${where}: tier "${tier}" is not one of ${TIERS.join(', ')}`);
    const scopeList = scopes === '-' ? [] : scopes.split(',');
    const badScope = scopeList.find((scope) => !SCOPE_PATTERN.test(scope));
    if (badScope !== undefined) throw new Error(`${where}: scope "${badScope}" must read resource:action, e.g. orders:write`);
    if (!SHA256_PATTERN.test(sha256)) throw new Error(`${where}: the key's hash must be 64 lower-case hex digits (a SHA-256)`);
    let revoked = false;
    let marketplaceId: string | undefined;
    for (const flag of flags) {
      const bound = /^marketplace=(.*)$/.exec(flag);
      if (flag === 'revoked' && !revoked) revoked = true;
      else if (bound !== null && marketplaceId === undefined && ID_PATTERN.test(bound[1] ?? '')) marketplaceId = bound[1];
      else throw new Error(`${where}: unexpected "${flag}" (only "marketplace=<id>" and "revoked" may follow the hash, once each)`);
    }
    if (marketplaceId !== undefined && tier !== 'marketplace') {
      throw new Error(`${where}: only a marketplace-tier key is bound to a marketplace (this one is ${tier})`);
    }
    records.push({ id, tier, scopes: new Set(scopeList), sha256, revoked, marketplaceId });
  }
  return records;
}
