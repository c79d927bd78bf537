import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, GraphQLError, GraphQLSchema, OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { AuthorizationPolicy } from '../authorization/AuthorizationPolicy.js';
import { findAccessDenial, type AccessDenial } from '../authorization/findAccessDenial.js';
import { gatewayError } from '../gatewayError.js';
import type { GatewayContext } from '../GatewayContext.js';
import type { Principal } from '../keys/Principal.js';
import { MARKETPLACE_FLOWS_SCOPE } from '../keys/tiers.js';
import { createOperationMemo } from './createOperationMemo.js';

/**
 * Enforces the supergraph's own `@authenticated` and `@requiresScopes` (read by
 * `readAuthorizationPolicy`, and again on each reload): an operation selecting a field or type
 * that needs a key gets 401 without one, and 403 with a key lacking the scopes, naming the field.
 * Checked before planning, so a refused operation never reaches a subgraph. A supergraph that
 * declares neither directive is served with no policy of the gateway's own. Keys themselves are
 * checked earlier, when the context is built. A decision is made once per operation and caller
 * standing, and kept with the parsed document (createOperationMemo).
 */
export function useSupergraphAuthorization(
  authorization: SupergraphAuthorization | (() => AuthorizationPolicy),
): ApolloServerPlugin<GatewayContext> {
  const decide = typeof authorization === 'function' ? createSupergraphAuthorization(authorization) : authorization;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, schema, contextValue, request }) {
          if (operation === undefined) return;
          const refusal = decide.refusal(schema, document, operation, request.operationName, contextValue.principal);
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}

/** The supergraph authorization's decision, shared by the Apollo Server plugin and the gateway's lean request path. */
export interface SupergraphAuthorization {
  /** The error (401 or 403) the caller gets for this operation; undefined when it may run. */
  refusal(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null | undefined,
    principal: Principal | undefined,
  ): GraphQLError | undefined;
}

export function createSupergraphAuthorization(policyOf: () => AuthorizationPolicy): SupergraphAuthorization {
  // a decision depends on the policy, the operation and the caller's standing (key or none, scopes): made once for each
  const decisions = createOperationMemo<AccessDenial | undefined>();
  return {
    refusal(schema, document, operation, operationName, principal) {
      const policy = policyOf();
      if (policy.size === 0) return undefined;
      const authenticated = principal?.keyId !== undefined;
      const scopes = scopesOf(principal);
      // the decision reads the document, not the variables: the operation's name and the caller's standing key it
      const key = `${authenticated ? 'key' : 'none'}\u0000${[...scopes].sort().join(' ')}\u0000${operationName ?? ''}`;
      const found = decisions.get(policy, document, key, () =>
        findAccessDenial(policy, schema, document, operation, { authenticated, scopes }),
      );
      if (found === undefined) return undefined;
      if (found.kind === 'unauthenticated') {
        return gatewayError(`${found.coordinate} needs an API key`, {
          code: ErrorCode.UNAUTHENTICATED,
          status: 401,
          headers: [['www-authenticate', 'Bearer realm="tradegraph"']],
          details: { field: found.coordinate },
        });
      }
      const wanted = found.scopes.map((all) => all.join(' and ')).join(', or ');
      return gatewayError(`API key ${principal?.keyId ?? ''} lacks the scope that ${found.coordinate} needs: ${wanted}`, {
        code: ErrorCode.FORBIDDEN,
        status: 403,
        details: { field: found.coordinate, requiredScope: found.scopes[0]?.[0], requiredScopes: found.scopes },
      });
    },
  };
}

/** A key's scopes, and the one a marketplace key holds by being bound to its marketplace. */
function scopesOf(principal: Principal | undefined): ReadonlySet<string> {
  if (principal === undefined) return new Set();
  if (principal.marketplaceId === undefined) return principal.scopes;
  return new Set([...principal.scopes, MARKETPLACE_FLOWS_SCOPE]);
}
