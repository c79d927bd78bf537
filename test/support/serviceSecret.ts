import { PRINCIPAL_HEADER, principalKeyFrom, signPrincipal, type CallerPrincipal } from '#packages/principal/index.js';
import { SERVICE_SECRET_HEADER } from '#packages/server/index.js';

/** The service secret of services started by tests, unless a test sets its own (32+ characters, as every secret must be). */
export const TEST_SERVICE_SECRET = 'the test deployment service secret, 32+ characters';

/** A keyless caller, as the gateway signs one: what a subgraph test sends unless it says otherwise. */
export const KEYLESS_PRINCIPAL: CallerPrincipal = { keyId: undefined, tier: 'developer', scopes: [], marketplaceId: undefined };

/** The headers the gateway would send for `principal`, signed with `secret`'s key: subgraphs answer nothing unsigned. */
export function principalHeaders(principal: CallerPrincipal = KEYLESS_PRINCIPAL, secret = TEST_SERVICE_SECRET): Record<string, string> {
  return { [PRINCIPAL_HEADER]: signPrincipal(principal, principalKeyFrom(secret), Date.now()) };
}

/** The headers of an internal caller (the orders saga): the service secret itself. */
export function serviceSecretHeaders(secret = TEST_SERVICE_SECRET): Record<string, string> {
  return { [SERVICE_SECRET_HEADER]: secret };
}
