import type { ApolloGateway } from '@apollo/gateway';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { REQUEST_ID_HEADER } from '../../../packages/log/index.js';
import type { GatewayContext } from '../GatewayContext.js';
import { createExecutionEngine, shareKeyOf, type ExecutionEngine, type ExecutionEngineOptions } from './createExecutionEngine.js';
import { countFallback } from './engineMetrics.js';
import { restrictCachePolicy } from './restrictCachePolicy.js';

export interface UseExecutionEngineOptions extends Omit<ExecutionEngineOptions, 'fallback' | 'supergraphSdl'> {
  /** `tradegraph`: plans run by this engine; `stock`: @apollo/gateway's own executor. Default: tradegraph. */
  readonly engine?: 'tradegraph' | 'stock';
}

/** The gateway as Apollo Server sees it, with the engine serving the current supergraph (none in `stock` mode). */
export interface EngineGateway extends GatewayInterface {
  readonly engine: ExecutionEngine | undefined;
}

/** How long an engine replaced by a supergraph reload keeps its pools for the requests still on it. */
const RETIRE_AFTER_MS = 30_000;

/**
 * Puts the Tradegraph execution engine in front of an `ApolloGateway`: Apollo Server gets the
 * gateway's schema, reloads and lifecycle unchanged, and an executor that runs each operation's
 * plan on the engine, handing to the stock executor (and counting in `engineMetrics`) what the
 * engine does not execute: subscriptions, `@defer`, introspection, `@fromContext`, a query plan
 * asked for in a header, or an operation Apollo's planner rejects. A new engine is built for
 * every supergraph the gateway loads, so plans never outlive their schema.
 *
 *   createApolloServer({ gateway: useExecutionEngine(gateway, { engine: 'tradegraph' }), … })
 */
export function useExecutionEngine(gateway: ApolloGateway, options: UseExecutionEngineOptions = {}): EngineGateway {
  let engine: ExecutionEngine | undefined;
  let unsubscribe: (() => void) | undefined;
  const retiring = new Set<ExecutionEngine>();
  const useEngine = options.engine !== 'stock';
  return {
    get engine() {
      return engine;
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    async load(loadOptions) {
      if (useEngine && !unsubscribe) {
        unsubscribe = gateway.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
          const previous = engine;
          engine = createExecutionEngine({ ...options, supergraphSdl: coreSupergraphSdl });
          if (previous) {
            retiring.add(previous);
            setTimeout(() => void previous.close().finally(() => retiring.delete(previous)), RETIRE_AFTER_MS).unref();
          }
        });
      }
      const loaded = await gateway.load(loadOptions);
      const stock = loaded.executor;
      if (!useEngine || !stock) return loaded;
      return { ...loaded, executor: engineExecutor(() => engine, stock) };
    },
    async stop() {
      unsubscribe?.();
      await gateway.stop();
      await Promise.all([engine, ...retiring].map((running) => running?.close()));
    },
  };
}

function engineExecutor(current: () => ExecutionEngine | undefined, stock: GatewayExecutor): GatewayExecutor {
  return async (requestContext) => {
    const engine = current();
    const { request, document, operation } = requestContext;
    if (!engine) return stock(requestContext);
    // stock answers with the plan itself when asked in a header (outside production)
    if (request.http?.headers.get('apollo-query-plan-experimental')) {
      countFallback('queryPlanHeader');
      return stock(requestContext);
    }
    const prepared = engine.prepare(`${request.operationName ?? ''}\n${requestContext.queryHash}`, document, operation);
    if (prepared.kind === 'unsupported') {
      countFallback(prepared.reason);
      return stock(requestContext);
    }
    // as stock: variables are checked against the operation, then passed on as sent
    if (operation.variableDefinitions?.length) {
      const { errors } = getVariableValues(requestContext.schema, operation.variableDefinitions, request.variables ?? {});
      if (errors) return { errors };
    }
    const headers = subgraphHeaders(requestContext);
    const result = await engine.run(prepared, request.variables, {
      headers,
      shareKey: shareKeyOf(headers),
      onCacheControl: (header) => restrictCachePolicy(requestContext.overallCachePolicy, header),
    });
    // plain Errors of failed fetches are turned into GraphQL errors by Apollo Server, as stock's are
    return result as ExecutionResult & { errors?: GraphQLError[] };
  };
}

/** What every subgraph request carries, as `UndiciDataSource` sends it: the request id and the buyer's language. */
function subgraphHeaders(requestContext: GatewayGraphQLRequestContext): Record<string, string> {
  const { requestId, acceptLanguage } = requestContext.context as GatewayContext;
  const headers: Record<string, string> = {};
  if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
  if (acceptLanguage !== undefined) headers['accept-language'] = acceptLanguage;
  return headers;
}
