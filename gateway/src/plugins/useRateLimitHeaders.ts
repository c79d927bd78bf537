import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../GatewayContext.js';
import { rateLimitHeaders } from '../limits/createRateLimiter.js';

/**
 * Tells every client where it stands (`RateLimit-Limit/Remaining/Reset`), on answers and errors
 * alike. The limit itself is enforced when the context is built, before the request is parsed;
 * a refused request carries the same headers on its 429.
 */
export function useRateLimitHeaders(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue.rateLimit === undefined) return;
          for (const [name, value] of rateLimitHeaders(contextValue.rateLimit)) response.http.headers.set(name, value);
        },
      };
    },
  };
}
