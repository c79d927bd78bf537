import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { OperationCachePolicies } from './operationCachePolicy.js';

export interface StaticCacheControlOptions {
  /** The `maxAge` of a root field or an object field without a hint, as Apollo's plugin has it. Default: 0. */
  defaultMaxAge?: number;
}

/**
 * Apollo Server's cache-control plugin, with the same `cache-control` header, paid once per
 * operation instead of once per resolved field. Apollo's plugin hooks every field (which also makes
 * Apollo Server wrap every resolver of the schema); a subgraph whose hints are all static
 * `@cacheControl` directives gets the same policy from the document: `OperationCachePolicies` says
 * when, and for the requests where the data would decide, Apollo's own plugin runs as before.
 * The header is written by Apollo's plugin in both cases.
 *
 * Use it with `ApolloServerPluginCacheControlDisabled()`, so that Apollo Server does not install
 * its own as well. Resolvers see no `info.cacheControl` on the operation's static path, so this is
 * only for schemas whose resolvers never call `setCacheHint`.
 */
export function staticCacheControlPlugin<TContext extends BaseContext>(
  options: StaticCacheControlOptions = {},
): ApolloServerPlugin<TContext> {
  const apollo = ApolloServerPluginCacheControl({ defaultMaxAge: options.defaultMaxAge ?? 0 }) as ApolloServerPlugin<TContext>;
  let policies: OperationCachePolicies | undefined;
  return {
    async serverWillStart(service) {
      policies = new OperationCachePolicies(service.schema, options.defaultMaxAge ?? 0);
      return apollo.serverWillStart?.(service);
    },
    async requestDidStart(requestContext): Promise<GraphQLRequestListener<TContext>> {
      const dynamic = (await apollo.requestDidStart?.(requestContext)) ?? {};
      return {
        async executionDidStart(context) {
          const { overallCachePolicy } = context;
          // something restricted the policy before execution: Apollo's plugin then adds no field hints
          if (policies && overallCachePolicy.maxAge === undefined && overallCachePolicy.scope === undefined) {
            const policy = policies.policyOf(context.document, context.operation, context.request.variables);
            if (policy) {
              overallCachePolicy.restrict(policy);
              return;
            }
          }
          return dynamic.executionDidStart?.(context);
        },
        async willSendResponse(context) {
          await dynamic.willSendResponse?.(context);
        },
      };
    },
  };
}
