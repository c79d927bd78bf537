import type { PrincipalSigner } from '#packages/principal/index.js';
import type { IncomingRequestInfo } from '#packages/server/index.js';
import type { GatewayContext } from './GatewayContext.js';
import type { Authenticate } from './keys/createApiKeyAuthenticator.js';
import type { RateLimiter } from './limits/createRateLimiter.js';

/** What may be passed on as a buyer's language: a well-formed Accept-Language, not arbitrary bytes. */
const ACCEPT_LANGUAGE = /^[A-Za-z0-9*,;=.\- ]{1,200}$/;

/**
 * Builds each request's context, which is the first thing Apollo Server does with a request after
 * its CSRF check: the key is read (401 for a bad or revoked one) and the request counted against
 * its rate limit (429 when over), before the body is even parsed as GraphQL. A refusal here never
 * reaches a subgraph. The principal is signed here, once, for every subgraph call of the request.
 */
export function createRequestContext(options: {
  authenticate: Authenticate;
  rateLimiter: RateLimiter;
  signPrincipal: PrincipalSigner;
}): (request: IncomingRequestInfo) => Promise<GatewayContext> {
  return async ({ requestId, headers, remoteAddress }) => {
    const principal = options.authenticate(headers, remoteAddress);
    const rateLimit = await options.rateLimiter.consume(principal);
    const language = headers['accept-language'];
    const acceptLanguage = typeof language === 'string' && ACCEPT_LANGUAGE.test(language) ? language : undefined;
    const principalHeader = options.signPrincipal({
      keyId: principal.keyId,
      tier: principal.tier,
      scopes: [...principal.scopes],
      marketplaceId: principal.marketplaceId,
    });
    return { requestId, principal, principalHeader, rateLimit, ...(acceptLanguage !== undefined && { acceptLanguage }) };
  };
}
