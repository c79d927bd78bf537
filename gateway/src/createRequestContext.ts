import type { CallerPrincipal, PrincipalSigner } from '#packages/principal/index.js';
import type { IncomingRequestInfo } from '#packages/server/index.js';
import { errorCodeOf } from './errorCodeOf.js';
import type { GatewayContext } from './GatewayContext.js';
import type { Authenticate } from './keys/createApiKeyAuthenticator.js';
import type { Principal } from './keys/Principal.js';
import { checkQuerySize, type QuerySizeLimits } from './limits/checkQuerySize.js';
import type { FailedKeyThrottle } from './limits/createFailedKeyThrottle.js';
import type { RateLimiter } from './limits/createRateLimiter.js';

/** What may be passed on as a buyer's language: a well-formed Accept-Language, not arbitrary bytes. */
const ACCEPT_LANGUAGE = /^[A-Za-z0-9*,;=.\- ]{1,200}$/;

/**
 * Builds each request's context, which is the first thing Apollo Server does with a request after
 * its CSRF check, before the body is even parsed as GraphQL: an address that sent too many bad
 * keys is refused (429), the key is read (401 for a bad or revoked one), the query's size is
 * checked (400), and the request is counted against its rate limit, and an APQ registration also
 * against the stricter registration limit (429). A refusal here never reaches a subgraph, and a
 * refused document is never parsed nor stored. The principal is signed here, once, for every
 * subgraph call of the request.
 */
export function createRequestContext(options: {
  authenticate: Authenticate;
  rateLimiter: RateLimiter;
  registrationLimiter: RateLimiter;
  failedKeys: FailedKeyThrottle;
  querySize: QuerySizeLimits;
  signPrincipal: PrincipalSigner;
}): (request: IncomingRequestInfo) => Promise<GatewayContext> {
  // a key's principal is one object for all its requests (createApiKeyAuthenticator): its signed form is made once too
  const callers = new WeakMap<Principal, CallerPrincipal>();
  return async ({ requestId, headers, remoteAddress, graphQLRequests = [] }) => {
    const address = remoteAddress ?? 'unknown';
    options.failedKeys.check(address);
    let principal;
    try {
      principal = options.authenticate(headers, remoteAddress);
    } catch (error) {
      if (errorCodeOf(error) === 'UNAUTHENTICATED') await options.failedKeys.failed(address);
      throw error;
    }
    checkQuerySize(graphQLRequests, options.querySize);
    const rateLimit = await options.rateLimiter.consume(principal);
    if (graphQLRequests.some(isPersistedQueryRegistration)) await options.registrationLimiter.consume(principal);
    const language = headers['accept-language'];
    const acceptLanguage = typeof language === 'string' && ACCEPT_LANGUAGE.test(language) ? language : undefined;
    let caller = callers.get(principal);
    if (caller === undefined) {
      caller = callerPrincipalOf(principal);
      if (principal.keyId !== undefined) callers.set(principal, caller);
    }
    const principalHeader = options.signPrincipal(caller);
    return { requestId, principal, principalHeader, rateLimit, ...(acceptLanguage !== undefined && { acceptLanguage }) };
  };
}

/** The principal as subgraphs are told it (`x-tradegraph-principal`). */
function callerPrincipalOf(principal: Principal): CallerPrincipal {
  return {
    keyId: principal.keyId,
    tier: principal.tier,
    scopes: [...principal.scopes],
    marketplaceId: principal.marketplaceId,
    ...(principal.testMode && { testMode: true }),
  };
}

/** A query sent with its APQ hash: Apollo Server stores it under the hash once it validates. */
function isPersistedQueryRegistration(request: { readonly query: unknown; readonly extensions: unknown }): boolean {
  if (typeof request.query !== 'string' || typeof request.extensions !== 'object' || request.extensions === null) return false;
  return (request.extensions as Record<string, unknown>).persistedQuery !== undefined;
}
