import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode } from '#packages/errors/index.js';
import { gatewayError } from '../gatewayError.js';
import { hashApiKey, type ApiKeyRecord } from './ApiKeyRecord.js';
import { TEST_KEY_PREFIX } from './developmentKeyRecord.js';
import type { Principal } from './Principal.js';
import { ANONYMOUS_TIER } from './tiers.js';

export type Authenticate = (headers: IncomingHttpHeaders, remoteAddress: string | undefined) => Principal;

const CHALLENGE: ReadonlyArray<readonly [string, string]> = [['www-authenticate', 'Bearer realm="tradegraph"']];

/**
 * Reads the key of a request from `x-api-key` or `authorization: Bearer …`. No key: the lowest
 * tier, no scopes, counted per client address. A key that is unknown, revoked or malformed: 401,
 * before anything else runs. Lookup is by the key's hash, so the gateway never holds a key itself.
 */
export function createApiKeyAuthenticator(records: readonly ApiKeyRecord[]): Authenticate {
  // each key's principal, live and test-mode, made once: a request with a key allocates nothing for it
  const byHash = new Map(
    records.map((record) => [record.sha256, { record, live: principalOf(record, false), test: principalOf(record, true) }]),
  );
  return (headers, remoteAddress) => {
    const presented = presentedKey(headers);
    if (presented === undefined) {
      return {
        keyId: undefined,
        tier: ANONYMOUS_TIER,
        scopes: new Set(),
        marketplaceId: undefined,
        testMode: false,
        rateLimitKey: `anonymous:${remoteAddress ?? 'unknown'}`,
      };
    }
    const known = presented === '' ? undefined : byHash.get(hashApiKey(presented));
    if (known === undefined) throw unauthenticated('The API key is not valid');
    if (known.record.revoked) throw unauthenticated(`The API key ${known.record.id} was revoked`);
    // the key's own text says its mode, as Stripe's sk_test_/sk_live_ do: a test key never books live
    return presented.startsWith(TEST_KEY_PREFIX) ? known.test : known.live;
  };
}

function principalOf(record: ApiKeyRecord, testMode: boolean): Principal {
  return Object.freeze({
    keyId: record.id,
    tier: record.tier,
    scopes: record.scopes,
    marketplaceId: record.marketplaceId,
    testMode,
    rateLimitKey: `key:${record.id}`,
  });
}

/** The key sent, '' for a header that is present but says nothing usable, undefined for none. */
function presentedKey(headers: IncomingHttpHeaders): string | undefined {
  const apiKey = headers['x-api-key'];
  if (apiKey !== undefined) return (Array.isArray(apiKey) ? apiKey[0] : apiKey)?.trim() ?? '';
  const authorization = headers.authorization;
  if (authorization === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return match?.[1] ?? '';
}

function unauthenticated(message: string) {
  return gatewayError(message, { code: ErrorCode.UNAUTHENTICATED, status: 401, headers: CHALLENGE });
}
