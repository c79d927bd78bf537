import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { context as otelContext, propagation } from '@opentelemetry/api';
import { Pool } from 'undici';
import { REQUEST_ID_HEADER } from '../../packages/log/index.js';
import type { SubgraphFetchCache, SubgraphResponse } from './cache/createSubgraphFetchCache.js';
import { IDEMPOTENT_MARKER_HEADER, createSubgraphFetcher, type AttemptOutcome } from './createSubgraphFetcher.js';
import type { GatewayContext } from './GatewayContext.js';

type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>['process']>>;

export interface UndiciDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  connections: number;
  /** Extra attempts of a query after a connection failure or a 502/503. Default: 0. */
  retries?: number;
  /** Where public subgraph answers (entity lookups included) are kept. Default: none. */
  fetchCache?: SubgraphFetchCache;
  /** Told of every HTTP attempt, for the per-subgraph metrics. */
  onAttempt?: (subgraph: string, outcome: AttemptOutcome, seconds: number) => void;
}

/** A subgraph operation that only reads, so it may be repeated or answered from a cache. */
export function isQueryOperation(query: string | undefined): query is string {
  return query !== undefined && /^\s*(query\b|\{)/.test(query);
}

/**
 * A subgraph reached over its own undici keep-alive pool, with a timeout per request. It passes on
 * the client's request id, the buyer's language and the trace context, retries queries (never
 * mutations) after connection failures, and answers public queries from the shared store.
 */
export class UndiciDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly pool: Pool;
  readonly name: string;
  private readonly fetchCache: SubgraphFetchCache | undefined;

  constructor(options: UndiciDataSourceOptions) {
    const pool = new Pool(new URL(options.url).origin, { connections: options.connections, keepAliveTimeout: 30_000, pipelining: 1 });
    const fetcher = createSubgraphFetcher({
      pool,
      timeoutMs: options.timeoutMs,
      retries: options.retries ?? 0,
      onAttempt: (outcome, seconds) => options.onAttempt?.(options.name, outcome, seconds),
    });
    super({ url: options.url, fetcher });
    this.pool = pool;
    this.name = options.name;
    this.fetchCache = options.fetchCache;
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.requestId !== undefined) headers.set(REQUEST_ID_HEADER, context.requestId);
    if (context.acceptLanguage !== undefined) headers.set('accept-language', context.acceptLanguage);
    if (isQueryOperation(request.query)) headers.set(IDEMPOTENT_MARKER_HEADER, '1');
    // `traceparent` of the active fetch span (a no-op unless tracing is on).
    propagation.inject(otelContext.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    const { request } = options;
    const query = request.query;
    // Only a client's operation has a cache policy to restrict; health checks and schema loads go straight through.
    if (!('incomingRequestContext' in options) || !this.fetchCache || !isQueryOperation(query)) {
      return super.process(options);
    }
    const policy = options.incomingRequestContext.overallCachePolicy;
    const response = await this.fetchCache.fetch(
      {
        subgraph: this.name,
        query,
        variables: request.variables,
        acceptLanguage: options.context.acceptLanguage,
        restrict: (maxAge) => policy.restrict({ maxAge, scope: 'PUBLIC' }),
      },
      async (variables) => (await super.process({ ...options, request: { ...request, variables } })) as SubgraphResponse,
    );
    return response as ProcessResult;
  }
}
