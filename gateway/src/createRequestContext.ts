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
export function createRequestContext(options: RequestContextOptions): (request: IncomingRequestInfo) => Promise<GatewayContext> {
  return createRequestContexts(options).create;
}

export interface RequestContextOptions {
  authenticate: Authenticate;
  rateLimiter: RateLimiter;
  registrationLimiter: RateLimiter;
  failedKeys: FailedKeyThrottle;
  querySize: QuerySizeLimits;
  signPrincipal: PrincipalSigner;
}

/**
 * The context in two steps, for the gateway's lean request path, which must know the caller
 * before anything is counted: `admit` has no effect beyond reading (a throttled address, the key,
 * the query's size) and throws the refusal, so a refused request can be handed to Apollo Server to
 * refuse it again, counted once; `complete` counts the request and signs the principal.
 */
export interface RequestContexts {
  /** The whole context, as Apollo Server builds it: a bad key is also counted against its address. */
  readonly create: (request: IncomingRequestInfo) => Promise<GatewayContext>;
  /** Who the caller is, or the refusal (thrown) that `create` would make before counting anything; records nothing. */
  readonly admit: (request: IncomingRequestInfo) => Principal;
  /** Counts the request against its limits (throws the 429) and signs the principal. */
  readonly complete: (request: IncomingRequestInfo, principal: Principal) => Promise<GatewayContext>;
}

export function createRequestContexts(options: RequestContextOptions): RequestContexts {
  // a key's principal is one object for all its requests (createApiKeyAuthenticator): its signed form is made once too
  const callers = new WeakMap<Principal, CallerPrincipal>();
  const admit = ({ headers, remoteAddress, graphQLRequests = [] }: IncomingRequestInfo): Principal => {
    options.failedKeys.check(remoteAddress ?? 'unknown');
    const principal = options.authenticate(headers, remoteAddress);
    checkQuerySize(graphQLRequests, options.querySize);
    return principal;
  };
  const complete = async ({ requestId, headers, graphQLRequests = [] }: IncomingRequestInfo, principal: Principal) => {
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
  return {
    admit,
    complete,
    async create(request) {
      let principal;
      try {
        principal = admit(request);
      } catch (error) {
        // only a bad key counts against its address (admit's other refusals are a throttle and a size)
        if (errorCodeOf(error) === 'UNAUTHENTICATED') await options.failedKeys.failed(request.remoteAddress ?? 'unknown');
        throw error;
      }
      return complete(request, principal);
    },
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
