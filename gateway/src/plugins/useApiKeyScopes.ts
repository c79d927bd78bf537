import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '#packages/errors/index.js';
import { gatewayError } from '../gatewayError.js';
import type { GatewayContext } from '../GatewayContext.js';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Principal } from '../keys/Principal.js';
import { INSIGHTS_READ_SCOPE, MUTATION_SCOPES, ORDERS_WRITE_SCOPE } from '../keys/tiers.js';

/**
 * Mutations need a key with `orders:write` (booking is the API's only write), except those of
 * `MUTATION_SCOPES` (an export of trade flows needs `insights:read`): without a key the answer is
 * 401, with a key lacking the scope 403. Checked before planning, so a refused mutation never
 * reaches a subgraph. Keys themselves are checked earlier, when the context is built.
 */
export function useApiKeyScopes(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const principal = contextValue.principal;
          const required = requiredScope(operation);
          if (principal?.keyId === undefined) {
            throw gatewayError(`Mutations need an API key with the ${required} scope`, {
              code: ErrorCode.UNAUTHENTICATED,
              status: 401,
              headers: [['www-authenticate', 'Bearer realm="tradegraph"']],
            });
          }
          if (!grants(principal, required)) {
            throw gatewayError(`API key ${principal.keyId} lacks the ${required} scope that this mutation needs`, {
              code: ErrorCode.FORBIDDEN,
              status: 403,
              details: { requiredScope: required },
            });
          }
        },
      };
    },
  };
}

/** The scope an operation's mutations need: booking's, unless every root field is one of `MUTATION_SCOPES`' with one scope. */
function requiredScope(operation: OperationDefinitionNode): string {
  const scopes = new Set(
    operation.selectionSet.selections.map((selection) =>
      selection.kind === Kind.FIELD ? (MUTATION_SCOPES[selection.name.value] ?? ORDERS_WRITE_SCOPE) : ORDERS_WRITE_SCOPE,
    ),
  );
  return scopes.size === 1 ? [...scopes][0]! : ORDERS_WRITE_SCOPE;
}

/** Whether a key may run mutations needing `scope`: a marketplace key bound to one marketplace may read its own trade flows. */
function grants(principal: Principal, scope: string): boolean {
  return principal.scopes.has(scope) || (scope === INSIGHTS_READ_SCOPE && principal.marketplaceId !== undefined);
}
