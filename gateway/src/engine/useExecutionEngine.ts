import type { ApolloGateway } from '@apollo/gateway';
import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import type { ExecutionResult, GraphQLError } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import type { GatewayContext } from '../GatewayContext.js';
import { subgraphRequestHeaders } from '../subgraph/subgraphRequestHeaders.js';
import { borrowStockGateway } from './borrowStockGateway.js';
import { createExecutionEngine, shareKeyOf, type ExecutionEngine, type ExecutionEngineOptions } from './createExecutionEngine.js';
import { countFallback, engineMetrics } from './engineMetrics.js';
import { inSpan, recordSpan, SPAN } from './engineSpans.js';

export interface UseExecutionEngineOptions extends Omit<ExecutionEngineOptions, 'fallback' | 'supergraphSdl' | 'stock'> {
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
          const stock = borrowStockGateway(gateway);
          engine = createExecutionEngine({ ...options, supergraphSdl: coreSupergraphSdl, ...(stock && { stock }) });
          if (previous) {
            retiring.add(previous);
            setTimeout(() => void previous.close().finally(() => retiring.delete(previous)), RETIRE_AFTER_MS).unref();
          }
        });
      }
      const loaded = await gateway.load(loadOptions);
      const stock = loaded.executor;
      if (!useEngine || !stock) return loaded;
      return { ...loaded, executor: engineExecutor(() => engine, stock, options.tracing ?? false) };
    },
    async stop() {
      unsubscribe?.();
      await gateway.stop();
      const running = engine === undefined ? [...retiring] : [engine, ...retiring];
      await Promise.all(running.map((each) => each.close()));
    },
  };
}

function engineExecutor(current: () => ExecutionEngine | undefined, stock: GatewayExecutor, tracing: boolean): GatewayExecutor {
  return async (requestContext) => {
    const engine = current();
    const { request, document, operation } = requestContext;
    if (!engine) return stock(requestContext);
    // stock answers with the plan itself when asked in a header (outside production)
    if (request.http?.headers.get('apollo-query-plan-experimental')) {
      countFallback('queryPlanHeader');
      return stock(requestContext);
    }
    const planningStarted = tracing ? Date.now() : 0;
    const plansBuilt = engineMetrics.plansBuilt;
    const prepared = engine.prepare(`${request.operationName ?? ''}\n${requestContext.queryHash}`, document, operation);
    if (prepared.kind === 'unsupported') {
      countFallback(prepared.reason);
      return stock(requestContext);
    }
    const execute = async () => {
      // as stock: variables are checked against the operation, then passed on as sent
      if (operation.variableDefinitions?.length) {
        const { errors } = getVariableValues(requestContext.schema, operation.variableDefinitions, request.variables ?? {});
        if (errors) return { errors };
      }
      const context = requestContext.context as GatewayContext;
      const headers = subgraphRequestHeaders(context);
      const result = await engine.run(prepared, request.variables, {
        headers,
        ...(context.acceptLanguage !== undefined && { acceptLanguage: context.acceptLanguage }),
        shareKey: shareKeyOf(headers),
        cachePolicy: requestContext.overallCachePolicy,
      });
      // plain Errors of failed fetches are turned into GraphQL errors by Apollo Server, as stock's are
      return result as ExecutionResult & { errors?: GraphQLError[] };
    };
    if (!tracing) return execute();
    // the spans @apollo/gateway would have emitted: the request, its plan when one was built, the rest in `run`
    const attributes = request.operationName ? { 'graphql.operation.name': request.operationName } : {};
    return inSpan(
      SPAN.request,
      { attributes, startTime: planningStarted },
      async () => {
        if (engineMetrics.plansBuilt !== plansBuilt) recordSpan(SPAN.plan, planningStarted, Date.now(), attributes);
        return execute();
      },
      (result) => result.errors !== undefined,
    );
  };
}
