import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLError } from 'graphql';
import { context as otelContext, propagation } from '@opentelemetry/api';
import type { Pool } from 'undici';
import type { SubgraphFetchCache, SubgraphResponse } from './cache/createSubgraphFetchCache.js';
import { IDEMPOTENT_MARKER_HEADER, createSubgraphFetcher } from './createSubgraphFetcher.js';
import type { GatewayContext } from './GatewayContext.js';
import { createSubgraphTransport, type AttemptOutcome } from './subgraph/createSubgraphTransport.js';
import { SubgraphClient } from './subgraph/SubgraphClient.js';
import { subgraphHttpError } from './subgraph/subgraphHttpError.js';
import { isNoAnswer, subgraphUnreachableError } from './subgraph/subgraphUnreachableError.js';
import { subgraphRequestHeaders } from './subgraph/subgraphRequestHeaders.js';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
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
  /** The Tradegraph engine's longest answer parsed at once; longer ones are read in pieces (`parseJsonChunks`). Default: just under 64 KiB. */
  answerPieceBytes?: number;
}

/** A subgraph operation that only reads, so it may be repeated or answered from a cache. */
export function isQueryOperation(query: string | undefined): query is string {
  return query !== undefined && /^\s*(query\b|\{)/.test(query);
}

/**
 * A subgraph reached over its own undici keep-alive pool, with a timeout per request. It passes on
 * the client's request id, the buyer's language and the trace context, retries queries (never
 * mutations) after connection failures, and answers public queries from the shared store.
 *
 * Both engines go through it: @apollo/gateway's executor calls `process`, the Tradegraph engine
 * calls `subgraphClient`, and both end in the same transport (pool, timeouts, retries, metrics)
 * and the same entity cache.
 */
export class UndiciDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly pool: Pool;
  readonly name: string;
  /** The Tradegraph engine's way to this subgraph: the same transport and cache, without fetch's Request/Response. */
  readonly subgraphClient: SubgraphClient;
  private readonly fetchCache: SubgraphFetchCache | undefined;

  constructor(options: UndiciDataSourceOptions) {
    const transport = createSubgraphTransport({
      url: options.url,
      timeoutMs: options.timeoutMs,
      connections: options.connections,
      retries: options.retries ?? 0,
      onAttempt: (outcome, seconds) => options.onAttempt?.(options.name, outcome, seconds),
    });
    super({ url: options.url, fetcher: createSubgraphFetcher(transport) });
    this.pool = transport.pool;
    this.name = options.name;
    this.fetchCache = options.fetchCache;
    this.subgraphClient = new SubgraphClient({
      name: options.name,
      url: options.url,
      transport,
      ...(options.fetchCache !== undefined && { fetchCache: options.fetchCache }),
      ...(options.answerPieceBytes !== undefined && { pieceBytes: options.answerPieceBytes }),
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers) return;
    for (const [name, value] of Object.entries(subgraphRequestHeaders(context))) headers.set(name, value);
    if (isQueryOperation(request.query)) headers.set(IDEMPOTENT_MARKER_HEADER, '1');
    // `traceparent` of the active fetch span (a no-op unless tracing is on).
    propagation.inject(otelContext.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
  }

  /** A subgraph's 400 is the client's bad input, not an internal error (see `subgraphHttpError`). */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = await this.parseBody(response);
    return subgraphHttpError(response.status, response.statusText, body);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    const { request } = options;
    const query = request.query;
    // Only a client's operation has a cache policy to restrict; health checks and schema loads go straight through.
    if (!('incomingRequestContext' in options) || !this.fetchCache || !isQueryOperation(query)) {
      return this.processOrExplain(options);
    }
    // @apollo/server-gateway-interface types the policy `any`; this is the part of Apollo's CachePolicy used here
    const policy = options.incomingRequestContext.overallCachePolicy as { restrict(hint: { maxAge: number; scope: 'PUBLIC' }): void };
    const response = await this.fetchCache.fetch(
      {
        subgraph: this.name,
        query,
        variables: request.variables,
        acceptLanguage: options.context.acceptLanguage,
        restrict: (maxAge) => policy.restrict({ maxAge, scope: 'PUBLIC' }),
      },
      async (variables) => (await this.processOrExplain({ ...options, request: { ...request, variables } })) as SubgraphResponse,
    );
    return response as ProcessResult;
  }

  /** `process`, with "no answer" (refused, dropped, timed out) told to the client as `RETRYABLE`. */
  private async processOrExplain(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<ProcessResult> {
    try {
      return await super.process(options);
    } catch (error) {
      if (isNoAnswer(error)) throw subgraphUnreachableError(this.name, error, !isQueryOperation(options.request.query));
      throw error;
    }
  }
}
