import { Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import {
  getOperationAST,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { findFieldsRequiredWithArguments, withClientPaths } from './aliasFieldsRequiredWithArguments.js';
import { engineMetrics, type FallbackReason } from './engineMetrics.js';
import { EntityBatcher } from './EntityBatcher.js';
import type { ExecutionState } from './ExecutionState.js';
import { executeFetchGraph } from './executeFetchGraph.js';
import { executePlan } from './executePlan.js';
import { ExecutionSharing } from './ExecutionSharing.js';
import { PlanCache } from './planCache.js';
import { prepareOperation, type PlanningContext, type PreparedOperation, type UnsupportedOperation } from './prepareOperation.js';
import { createSubgraphTransport, type SubgraphTransport } from '../subgraph/createSubgraphTransport.js';
import { SubgraphClient } from '../subgraph/SubgraphClient.js';
import type { StockGatewayState } from './borrowStockGateway.js';
import { inSpan, SPAN } from './engineSpans.js';

export interface ExecutionEngineOptions {
  /** The composed supergraph the engine plans over. */
  readonly supergraphSdl: string;
  /**
   * The planner, schemas and data sources of a stock `ApolloGateway` that loaded this supergraph
   * (`borrowStockGateway`). Default: none; the engine builds its own planner from `supergraphSdl`
   * and calls subgraphs over pools of its own.
   */
  readonly stock?: StockGatewayState;
  /** Where each subgraph is reached when the engine has its own pools. Default: the routing URLs inside the supergraph. */
  readonly subgraphUrls?: ReadonlyMap<string, string>;
  /** Time allowed for one request to a subgraph over the engine's own pools. Default: 10000 ms. */
  readonly subgraphTimeoutMs?: number;
  /** Per-subgraph timeouts overriding `subgraphTimeoutMs`. Default: none. */
  readonly subgraphTimeouts?: ReadonlyMap<string, number>;
  /** Keep-alive connections per subgraph of the engine's own pools. Default: 64. */
  readonly subgraphConnections?: number;
  /** Share identical in-flight subgraph queries between requests. Default: false. */
  readonly dedupe?: boolean;
  /** Run identical in-flight queries (same operation, variables, forwarded headers) once (`ExecutionSharing`). Default: false. */
  readonly shareExecutions?: boolean;
  /**
   * Run plans as fetch graphs (`executeFetchGraph`): fetches to one subgraph that are ready
   * together, or soon after one another, share one request. Default: true. Traced requests always
   * run the plan tree, which gives each fetch its span.
   */
  readonly mergeFetches?: boolean;
  /** Spans for requests, plans and fetches, and `traceparent` to subgraphs (OTEL_TRACES). Default: false. */
  readonly tracing?: boolean;
  /** Prepared operations kept. Default: 1000. */
  readonly planCacheSize?: number;
  /** Apollo's planner safety limits, as `APOLLO_DISABLE_SECURITY_*` set them for @apollo/gateway. Default: enforced. */
  readonly recursiveSelectionsLimitDisabled?: boolean;
  readonly nonLocalSelectionsLimitDisabled?: boolean;
  /** Answers what the engine does not execute. Default: an error naming the reason. */
  readonly fallback?: (request: EngineRequest, reason: FallbackReason) => Promise<ExecutionResult>;
}

/** A GraphQL request as a client sends it. */
export interface EngineRequest {
  readonly query: string;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly operationName?: string;
  /** Headers passed on to every subgraph request (e.g. the request id). */
  readonly headers?: Record<string, string>;
}

/** How one prepared operation runs: what its subgraph calls carry and who hears about them. */
export interface RunOptions {
  /** Headers every subgraph request carries (`subgraphRequestHeaders`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The buyer's language, which keys the entity cache. */
  readonly acceptLanguage?: string;
  /** Requests with the same share key may share identical subgraph queries (`dedupe`) and whole runs (`shareExecutions`). */
  readonly shareKey?: string;
  /** Apollo Server's cache policy of the request, narrowed by each subgraph answer. */
  readonly cachePolicy?: unknown;
}

/** A result whose `errors` may still hold plain `Error`s: Apollo Server turns those into GraphQL errors, as it does for stock's. */
export interface EngineExecutionResult {
  data?: Record<string, unknown> | null;
  errors?: Error[];
  extensions?: Record<string, unknown>;
}

export interface ExecutionEngine {
  /** The API schema clients see, in graphql-js. */
  readonly apiSchema: GraphQLSchema;
  /** Parses, validates, plans (once per operation) and executes a request. */
  execute(request: EngineRequest): Promise<ExecutionResult>;
  /** The prepared operation for an already validated document, from the plan cache. */
  prepare(cacheKey: string, document: DocumentNode, operation: OperationDefinitionNode): PreparedOperation | UnsupportedOperation;
  /** Executes a prepared operation. */
  run(
    prepared: PreparedOperation,
    variables: Readonly<Record<string, unknown>> | undefined,
    options?: RunOptions,
  ): Promise<EngineExecutionResult>;
  /** Whether the planner and schemas are the stock gateway's (see `borrowStockGateway`). */
  readonly sharesStockPlanner: boolean;
  /** Closes the engine's own subgraph pools (the gateway's data sources close theirs). */
  close(): Promise<void>;
}

/** Requests whose text was seen before skip parsing and validation. */
type ParsedRequest = { document: DocumentNode; errors?: undefined } | { document?: undefined; errors: readonly GraphQLError[] };

/**
 * The Tradegraph execution engine: Apollo's query planner (the one `@apollo/gateway` uses) with
 * plans cached per operation and executed here, over one undici pool per subgraph, with entity
 * representations de-duplicated, answers merged straight into the response tree and the response
 * projected by code compiled once per operation. It answers what stock `@apollo/gateway` answers;
 * `gateway/test/engine` checks that on hand-written and generated operations.
 */
export function createExecutionEngine(options: ExecutionEngineOptions): ExecutionEngine {
  const { planning, subgraphs } = options.stock ? fromStockGateway(options.stock) : ownPlanner(options);
  const ownTransports: SubgraphTransport[] = [];
  const clients = new Map<string, SubgraphClient>();
  for (const { name, url, dataSource } of subgraphs) {
    // the gateway's own data source: the engine's calls get its cache, retries, metrics
    const shared = (dataSource as { subgraphClient?: unknown } | undefined)?.subgraphClient;
    if (shared instanceof SubgraphClient) {
      clients.set(name, shared);
      continue;
    }
    const target = options.subgraphUrls?.get(name) ?? url;
    if (target === undefined) continue; // a fetch to it fails at planning time, as stock's does
    const transport = createSubgraphTransport({
      url: target,
      timeoutMs: options.subgraphTimeouts?.get(name) ?? options.subgraphTimeoutMs ?? 10_000,
      connections: options.subgraphConnections ?? 64,
    });
    ownTransports.push(transport);
    clients.set(name, new SubgraphClient({ name, url: target, transport }));
  }
  const context: PlanningContext = {
    ...planning,
    clients,
    requiredWithArguments: findFieldsRequiredWithArguments(planning.supergraphSchema),
  };
  const { apiGraphQLSchema } = planning;
  const dedupe = options.dedupe ?? false;
  const sharing = options.shareExecutions ? new ExecutionSharing() : undefined;
  const tracing = options.tracing ?? false;
  const mergeFetches = options.mergeFetches ?? true;
  const planCacheSize = options.planCacheSize ?? 1000;
  const plans = new PlanCache<PreparedOperation | UnsupportedOperation>(planCacheSize);
  const parsed = new PlanCache<ParsedRequest>(planCacheSize);

  const prepare: ExecutionEngine['prepare'] = (cacheKey, document, operation) => {
    const cached = plans.get(cacheKey);
    if (cached) {
      engineMetrics.planCacheHits++;
      return cached;
    }
    const prepared = prepareOperation(context, document, operation);
    engineMetrics.plansBuilt++;
    plans.set(cacheKey, prepared, document.loc?.source.body.length ?? cacheKey.length);
    return prepared;
  };

  const run: ExecutionEngine['run'] = (prepared, variables, runOptions = {}) => {
    const { shareKey } = runOptions;
    if (!sharing || shareKey === undefined || prepared.definition.operation !== 'query') return runOnce(prepared, variables, runOptions);
    const { acceptLanguage, cachePolicy } = runOptions;
    return sharing.run(prepared, variables, { shareKey, acceptLanguage, cachePolicy }, (recorder) =>
      runOnce(prepared, variables, { ...runOptions, cachePolicy: recorder }),
    );
  };

  const runOnce: ExecutionEngine['run'] = async (prepared, variables, runOptions = {}) => {
    engineMetrics.executed++;
    const state: ExecutionState = {
      data: {},
      errors: [],
      variables,
      operation: prepared.operation,
      supergraphSchema: planning.supergraphSchema,
      headers: runOptions.headers ?? NO_HEADERS,
      acceptLanguage: runOptions.acceptLanguage,
      cachePolicy: runOptions.cachePolicy,
      shareKey: dedupe ? (runOptions.shareKey ?? '') : undefined,
      batcher: new EntityBatcher(),
      traced: tracing,
    };
    if (!tracing) return execute(prepared, state);
    return inSpan(
      SPAN.execute,
      {},
      () => execute(prepared, state),
      (result) => result.errors !== undefined,
    );
  };

  const execute = async (prepared: PreparedOperation, state: ExecutionState): Promise<EngineExecutionResult> => {
    if (prepared.refusal) return { errors: [prepared.refusal] };
    if (prepared.graph && mergeFetches && !state.traced) await executeFetchGraph(state, prepared.graph);
    else if (prepared.root) await executePlan(state, prepared.root, state.data);
    if (!state.traced) return project(prepared, state);
    return inSpan(SPAN.postProcessing, {}, async () => project(prepared, state));
  };

  const project = (prepared: PreparedOperation, state: ExecutionState): EngineExecutionResult => {
    const { variables } = state;
    // as @apollo/gateway's executeQueryPlan: invalid values are reported only when no fetch failed,
    // and an inconsistency the projection cannot get past fails the whole response
    try {
      const { data, errors: invalidValues } = prepared.project(state.data, variables);
      if (state.errors.length > 0)
        return { errors: prepared.responseNames ? withClientPaths(state.errors, prepared.responseNames) : state.errors, data };
      if (invalidValues.length > 0) return { extensions: { valueCompletion: invalidValues }, data };
      return { data };
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      const message = error instanceof Error ? error.message : 'Unexpected error during query plan execution';
      return { errors: [new GraphQLError(message, { originalError: error instanceof Error ? error : undefined })] };
    }
  };

  const executeRequest: ExecutionEngine['execute'] = async (request) => {
    let parsedRequest = parsed.get(request.query);
    if (!parsedRequest) {
      parsedRequest = parseAndValidate(apiGraphQLSchema, request.query);
      parsed.set(request.query, parsedRequest);
    }
    if (!parsedRequest.document) return { errors: parsedRequest.errors };
    const { document } = parsedRequest;
    const operation = getOperationAST(document, request.operationName);
    if (!operation) {
      return {
        errors: [
          new GraphQLError(request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide an operation.'),
        ],
      };
    }
    const coerced = getVariableValues(apiGraphQLSchema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const prepared = prepare(`${request.operationName ?? ''}\n${request.query}`, document, operation);
    if (prepared.kind === 'unsupported') {
      if (options.fallback) return options.fallback(request, prepared.reason);
      return { errors: [new GraphQLError(`The Tradegraph execution engine does not execute this operation (${prepared.reason})`)] };
    }
    const result = await run(prepared, request.variables, {
      ...(request.headers && { headers: request.headers }),
      shareKey: shareKeyOf(request.headers),
    });
    return { ...result, ...(result.errors && { errors: result.errors.map(asGraphQLError) }) } as ExecutionResult;
  };

  return {
    apiSchema: apiGraphQLSchema,
    execute: executeRequest,
    prepare,
    run,
    sharesStockPlanner: options.stock !== undefined,
    async close() {
      await Promise.all(ownTransports.map((transport) => transport.close()));
    },
  };
}

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

interface SubgraphEntry {
  readonly name: string;
  readonly url: string | undefined;
  readonly dataSource?: unknown;
}

/** Planning on the stock gateway's planner and schemas, calling subgraphs through its data sources. */
function fromStockGateway(stock: StockGatewayState): {
  planning: Omit<PlanningContext, 'clients' | 'requiredWithArguments'>;
  subgraphs: SubgraphEntry[];
} {
  return {
    planning: {
      planner: stock.planner,
      apiSchema: stock.apiSchema,
      apiGraphQLSchema: stock.apiGraphQLSchema,
      supergraphSchema: stock.supergraphSchema,
      recursiveSelectionsLimitDisabled: stock.recursiveSelectionsLimitDisabled,
      nonLocalSelectionsLimitDisabled: stock.nonLocalSelectionsLimitDisabled,
    },
    subgraphs: [...stock.subgraphs].map(([name, { url, dataSource }]) => ({ name, url, dataSource })),
  };
}

/** A planner of the engine's own, from the supergraph SDL (the engine used without a stock gateway). */
function ownPlanner(options: ExecutionEngineOptions): {
  planning: Omit<PlanningContext, 'clients' | 'requiredWithArguments'>;
  subgraphs: SubgraphEntry[];
} {
  const supergraph = Supergraph.build(options.supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  return {
    planning: {
      planner: new QueryPlanner(supergraph),
      apiSchema,
      apiGraphQLSchema: apiSchema.toGraphQLJSSchema(),
      supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
      recursiveSelectionsLimitDisabled: options.recursiveSelectionsLimitDisabled ?? false,
      nonLocalSelectionsLimitDisabled: options.nonLocalSelectionsLimitDisabled ?? false,
    },
    subgraphs: supergraph.subgraphsMetadata().map((subgraph) => ({ name: subgraph.name, url: subgraph.url })),
  };
}

function parseAndValidate(schema: GraphQLSchema, query: string): ParsedRequest {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return { errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
  }
  const errors = validate(schema, document);
  return errors.length > 0 ? { errors } : { document };
}

/** Apollo Server's `ensureGraphQLError`, for callers that use the engine without it. */
function asGraphQLError(error: Error): GraphQLError {
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

/** Requests that forward the same headers (other than the request id) may share subgraph calls. */
export function shareKeyOf(headers: Record<string, string> | undefined): string {
  if (!headers) return '';
  return Object.keys(headers)
    .filter((name) => name.toLowerCase() !== 'x-request-id')
    .sort()
    .map((name) => `${name.toLowerCase()}:${headers[name]}`)
    .join('\n');
}
