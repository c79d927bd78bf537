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
import { engineMetrics, type FallbackReason } from './engineMetrics.js';
import type { ExecutionState } from './ExecutionState.js';
import { executePlan } from './executePlan.js';
import { PlanCache } from './planCache.js';
import { prepareOperation, type PlanningContext, type PreparedOperation, type UnsupportedOperation } from './prepareOperation.js';
import { SubgraphClient } from './SubgraphClient.js';

export interface ExecutionEngineOptions {
  /** The composed supergraph the engine plans over. */
  readonly supergraphSdl: string;
  /** Where each subgraph is reached. Default: the routing URLs inside the supergraph. */
  readonly subgraphUrls?: ReadonlyMap<string, string>;
  /** Time allowed for a subgraph's response headers, then for its body. Default: 10000 ms. */
  readonly subgraphTimeoutMs?: number;
  /** Per-subgraph timeouts overriding `subgraphTimeoutMs`. Default: none. */
  readonly subgraphTimeouts?: ReadonlyMap<string, number>;
  /** Keep-alive connections per subgraph. Default: 64. */
  readonly subgraphConnections?: number;
  /** Share identical in-flight subgraph queries between requests. Default: false. */
  readonly dedupe?: boolean;
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
  readonly headers?: Record<string, string>;
  /** Identical in-flight queries of requests with the same share key may be sent once (with `dedupe`). */
  readonly shareKey?: string;
  readonly onCacheControl?: (header: string | undefined) => void;
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
  /** Closes the subgraph connection pools. */
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
  const supergraph = Supergraph.build(options.supergraphSdl);
  const apiSchema = supergraph.apiSchema();
  const apiGraphQLSchema = apiSchema.toGraphQLJSSchema();
  const clients = new Map<string, SubgraphClient>();
  for (const subgraph of supergraph.subgraphsMetadata()) {
    const url = options.subgraphUrls?.get(subgraph.name) ?? subgraph.url;
    clients.set(
      subgraph.name,
      new SubgraphClient({
        name: subgraph.name,
        url,
        timeoutMs: options.subgraphTimeouts?.get(subgraph.name) ?? options.subgraphTimeoutMs ?? 10_000,
        connections: options.subgraphConnections ?? 64,
        dedupe: options.dedupe ?? false,
      }),
    );
  }
  const planning: PlanningContext = {
    planner: new QueryPlanner(supergraph),
    apiSchema,
    apiGraphQLSchema,
    supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
    clients,
    recursiveSelectionsLimitDisabled: options.recursiveSelectionsLimitDisabled ?? false,
    nonLocalSelectionsLimitDisabled: options.nonLocalSelectionsLimitDisabled ?? false,
  };
  const planCacheSize = options.planCacheSize ?? 1000;
  const plans = new PlanCache<PreparedOperation | UnsupportedOperation>(planCacheSize);
  const parsed = new PlanCache<ParsedRequest>(planCacheSize);

  const prepare: ExecutionEngine['prepare'] = (cacheKey, document, operation) => {
    const cached = plans.get(cacheKey);
    if (cached) {
      engineMetrics.planCacheHits++;
      return cached;
    }
    const prepared = prepareOperation(planning, document, operation);
    engineMetrics.plansBuilt++;
    plans.set(cacheKey, prepared);
    return prepared;
  };

  const run: ExecutionEngine['run'] = async (prepared, variables, runOptions = {}) => {
    engineMetrics.executed++;
    const state: ExecutionState = {
      data: {},
      errors: [],
      variables,
      operation: prepared.operation,
      supergraphSchema: planning.supergraphSchema,
      headers: runOptions.headers ?? {},
      shareKey: runOptions.shareKey,
      onCacheControl: runOptions.onCacheControl,
    };
    if (prepared.root) await executePlan(state, prepared.root, [], state.data);
    // as @apollo/gateway's executeQueryPlan: invalid values are reported only when no fetch failed,
    // and an inconsistency the projection cannot get past fails the whole response
    try {
      const { data, errors: invalidValues } = prepared.project(state.data, variables);
      if (state.errors.length > 0) return { errors: state.errors, data };
      if (invalidValues.length > 0) return { extensions: { valueCompletion: invalidValues }, data };
      return { data };
    } catch (error) {
      if (error instanceof GraphQLError) return { errors: [error] };
      const message = error instanceof Error ? error.message : 'Unexpected error during query plan execution';
      return { errors: [new GraphQLError(message, { originalError: error instanceof Error ? error : undefined })] };
    }
  };

  const execute: ExecutionEngine['execute'] = async (request) => {
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
    const result = await run(prepared, request.variables, { headers: request.headers, shareKey: shareKeyOf(request.headers) });
    return { ...result, ...(result.errors && { errors: result.errors.map(asGraphQLError) }) } as ExecutionResult;
  };

  return {
    apiSchema: apiGraphQLSchema,
    execute,
    prepare,
    run,
    async close() {
      await Promise.all([...clients.values()].map((client) => client.close()));
    },
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
