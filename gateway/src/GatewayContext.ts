import type { Principal } from './keys/Principal.js';
import type { RateLimitState } from './limits/createRateLimiter.js';

/** Per-request state the gateway hands to its plugins and subgraph data sources. */
export interface GatewayContext {
  readonly requestId?: string;
  /** The buyer's `accept-language`, passed on to subgraphs (and part of every cache key). */
  readonly acceptLanguage?: string;
  /** Who the request is from; absent only in calls the gateway makes on its own (health checks). */
  readonly principal?: Principal;
  /** The principal, signed for subgraphs (`x-tradegraph-principal`); absent where `principal` is. */
  readonly principalHeader?: string;
  /** Where the request stands against its rate limit, for the response headers. */
  readonly rateLimit?: RateLimitState;
}
