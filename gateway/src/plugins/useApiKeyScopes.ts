import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '#packages/errors/index.js';
import { gatewayError } from '../gatewayError.js';
import type { GatewayContext } from '../GatewayContext.js';
import { ORDERS_WRITE_SCOPE } from '../keys/tiers.js';

/**
 * Mutations need a key with `orders:write` (booking is the API's only write): without a key the
 * answer is 401, with a key lacking the scope 403. Checked before planning, so a refused mutation
 * never reaches a subgraph. Keys themselves are checked earlier, when the context is built.
 */
export function useApiKeyScopes(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const principal = contextValue.principal;
          if (principal?.keyId === undefined) {
            throw gatewayError(`Mutations need an API key with the ${ORDERS_WRITE_SCOPE} scope`, {
              code: ErrorCode.UNAUTHENTICATED,
              status: 401,
              headers: [['www-authenticate', 'Bearer realm="tradegraph"']],
            });
          }
          if (!principal.scopes.has(ORDERS_WRITE_SCOPE)) {
            throw gatewayError(`API key ${principal.keyId} lacks the ${ORDERS_WRITE_SCOPE} scope that mutations need`, {
              code: ErrorCode.FORBIDDEN,
              status: 403,
              details: { requiredScope: ORDERS_WRITE_SCOPE },
            });
          }
        },
      };
    },
  };
}
