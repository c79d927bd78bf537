import type { GraphQLError } from 'graphql';
import { subgraphHttpError } from './subgraphHttpError.js';
import { isNoAnswer, subgraphUnreachableError } from './subgraphUnreachableError.js';
import type { SubgraphFetchCache, SubgraphResponse } from '../cache/createSubgraphFetchCache.js';
import type { RawSubgraphResponse, SubgraphTransport } from './createSubgraphTransport.js';
import type { RawShape } from './matchesRawShape.js';
import { parseJsonChunks } from './parseJsonChunks.js';
import { InflightDeduplicator } from './dedupeInflight.js';
import { restrictCachePolicy, restrictCachePolicyTo } from './restrictCachePolicy.js';

export interface SubgraphClientOptions {
  readonly name: string;
  readonly url: string;
  /** The subgraph's transport, shared with its @apollo/gateway data source. */
  readonly transport: SubgraphTransport;
  /** Where public subgraph answers (entity lookups one entity at a time) are kept. Default: none. */
  readonly fetchCache?: SubgraphFetchCache;
  /**
   * The longest answer parsed at once; a longer one is read in pieces, and only then are fields
   * kept as bytes (`SubgraphCall.keepRaw`). Default: `parseJsonChunks`'s piece, just under 64 KiB.
   */
  readonly pieceBytes?: number;
}

/** One subgraph request of a client's operation, its body already half serialized by the caller. */
export interface SubgraphCall {
  /** The subgraph operation: part of the cache key. */
  readonly query: string;
  /** A query: it may be retried, answered from the cache, shared. A mutation is sent once, as it is. */
  readonly idempotent: boolean;
  /** The request body up to its variables: `{"query":…,"operationName":…,"variables":`. */
  readonly bodyPrefix: string;
  /** The operation's variables, without `representations`. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** An entity fetch's representations, each as JSON text. */
  readonly representations?: readonly string[];
  /**
   * Several entity fetches in one operation (aliased `_entities` fields): each variable's
   * representations, as JSON text. Such a call is never answered from the entity cache, which
   * keys entities by one operation's representations; see {@link SubgraphClient.merges}.
   */
  readonly representationLists?: ReadonlyArray<readonly [variable: string, representations: readonly string[]]>;
  /** Request id, language, trace context (see `subgraphRequestHeaders`). */
  readonly headers: Readonly<Record<string, string>>;
  /** The buyer's language: part of the cache key. */
  readonly acceptLanguage: string | undefined;
  /** Apollo Server's cache policy of the client's request, narrowed by every answer. Default: none. */
  readonly cachePolicy?: unknown;
  /** Calls with the same share key may share one identical request in flight; undefined: never. */
  readonly shareKey?: string;
  /**
   * Fields of the `_entities` answers kept as their bytes (`RawJson`) where they match their shape,
   * by response name: the plan reads nothing inside them. Only for a call of one entity query.
   */
  readonly keepRaw?: ReadonlyMap<string, RawShape>;
  /** Counts requests sent over HTTP, and calls answered by one already in flight. */
  readonly onSent?: () => void;
  readonly onShared?: () => void;
}

/** A subgraph's answer, parsed: `data`, `errors`, `extensions`. */
export type SubgraphAnswer = Record<string, unknown>;

interface Received {
  readonly answer: SubgraphAnswer;
  readonly cacheControl: string | undefined;
}

/**
 * A subgraph as the Tradegraph engine calls it: a body string in, the parsed answer out, over the
 * same transport (retries, timeouts, per-subgraph metrics) and the same entity cache as the
 * subgraph's `UndiciDataSource`, which owns it. Its answers, failures and cache-policy narrowing
 * are those of `@apollo/gateway`'s `RemoteGraphQLDataSource`, so clients see the same responses
 * whichever engine runs (`gateway/test/engine` compares them).
 */
export class SubgraphClient {
  readonly name: string;
  readonly url: string;
  private readonly transport: SubgraphTransport;
  private readonly fetchCache: SubgraphFetchCache | undefined;
  private readonly pieceBytes: number | undefined;
  private readonly inflight = new InflightDeduplicator<RawSubgraphResponse>();

  constructor(options: SubgraphClientOptions) {
    this.name = options.name;
    this.url = options.url;
    this.transport = options.transport;
    this.fetchCache = options.fetchCache;
    this.pieceBytes = options.pieceBytes;
  }

  /**
   * Whether these entity queries may go as one operation: always without an entity cache; with
   * one, only when the cache lately skipped every one of them as uncacheable (a merged call
   * bypasses the cache, so nothing it would have answered is lost; once the cache's memory of
   * them lapses, a request goes unmerged through the cache and it learns them again).
   */
  merges(queries: readonly string[]): boolean {
    const cache = this.fetchCache;
    return cache === undefined || queries.every((query) => cache.skips(this.name, query));
  }

  async send(call: SubgraphCall): Promise<SubgraphAnswer> {
    if (call.representationLists) {
      const body = bodyOfLists(call.bodyPrefix, JSON.stringify(call.variables), call.representationLists);
      return (await this.receive(call, body)).answer;
    }
    const body = bodyOf(call.bodyPrefix, JSON.stringify(call.variables), call.representations);
    const cache = this.fetchCache;
    if (!cache || !call.idempotent) return (await this.receive(call, body)).answer;
    // the cache keys entities by their representations as values, as it does for the stock engine
    const valuesOf = () =>
      call.representations
        ? { ...call.variables, representations: JSON.parse(`[${call.representations.join(',')}]`) as unknown[] }
        : call.variables;
    if (cache.skips(this.name, call.query)) {
      // an operation that lately answered uncacheable is sent as it is: its representations are read back only if it turns out public
      let answer: SubgraphAnswer | undefined;
      await cache.sendSkipped(
        {
          subgraph: this.name,
          query: call.query,
          entities: call.representations?.length,
          variables: valuesOf,
          acceptLanguage: call.acceptLanguage,
        },
        async () => {
          const received = await this.receive(call, body);
          answer = received.answer;
          return withCacheControl(received);
        },
      );
      return answer!;
    }
    const variables = valuesOf();
    const response = await cache.fetch(
      {
        subgraph: this.name,
        query: call.query,
        variables,
        acceptLanguage: call.acceptLanguage,
        restrict: (maxAge) => restrictCachePolicyTo(call.cachePolicy, { maxAge, scope: 'PUBLIC' }),
      },
      async (sent): Promise<SubgraphResponse> => {
        // what the cache did not answer: all of it (this body), or some entities (a body of their own)
        const sameBody = sent === variables || sameRepresentations(sent, variables);
        return withCacheControl(await this.receive(call, sameBody ? body : `${call.bodyPrefix}${JSON.stringify(sent)}}`));
      },
    );
    return response as SubgraphAnswer;
  }

  /** Sends (or joins an identical request in flight), checks and parses the answer, narrows the cache policy. */
  private async receive(call: SubgraphCall, body: string): Promise<Received> {
    const post = () => {
      call.onSent?.();
      return this.transport.post(body, call.headers, call.idempotent);
    };
    let raw: RawSubgraphResponse;
    try {
      raw =
        call.shareKey !== undefined && call.idempotent
          ? await this.inflight.run(`${call.shareKey}\n${body}`, post, call.onShared)
          : await post();
    } catch (error) {
      if (isNoAnswer(error)) throw subgraphUnreachableError(this.name, error, !call.idempotent);
      throw error;
    }
    if (raw.status < 200 || raw.status > 299) throw this.errorFromResponse(raw);
    let parsed: unknown = isJson(raw.headers['content-type']) ? parseJsonChunks(raw.chunks, this.pieceBytes, call.keepRaw) : raw.text;
    // errors are mapped to client paths by walking the answer: one with errors is read without keeping bytes
    if (call.keepRaw && hasErrors(parsed)) parsed = parseJsonChunks(raw.chunks, this.pieceBytes);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`Expected JSON response body, but received: ${String(parsed)}`);
    }
    const cacheControl = single(raw.headers['cache-control']);
    restrictCachePolicy(call.cachePolicy, cacheControl);
    return { answer: parsed as SubgraphAnswer, cacheControl };
  }

  /** As `RemoteGraphQLDataSource.errorFromResponse`, but a 400 is the client's bad input (see `subgraphHttpError`). */
  private errorFromResponse(raw: RawSubgraphResponse): GraphQLError {
    let body: unknown = raw.text;
    try {
      if (isJson(raw.headers['content-type'])) body = JSON.parse(raw.text);
    } catch {
      // an unreadable error body is kept as text
    }
    return subgraphHttpError(raw.status, raw.statusText, body);
  }
}

/** Whether a parsed answer carries a non-empty `errors` list. */
function hasErrors(answer: unknown): boolean {
  const errors = (answer as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) && errors.length > 0;
}

/** An answer as the fetch cache reads it: with the subgraph's `cache-control`. */
function withCacheControl({ answer, cacheControl }: Received): SubgraphResponse {
  return {
    ...answer,
    http: { headers: { get: (name) => (name.toLowerCase() === 'cache-control' ? (cacheControl ?? null) : null) } },
  };
}

/** `{…prefix…"variables":{…,"representations":[…]}}` without serializing the representations again. */
function bodyOf(prefix: string, variablesJson: string, representations: readonly string[] | undefined): string {
  if (!representations) return `${prefix}${variablesJson}}`;
  const others = variablesJson.length > 2 ? `${variablesJson.slice(0, -1)},` : '{';
  return `${prefix}${others}"representations":[${representations.join(',')}]}}`;
}

/** `{…prefix…"variables":{…,"r__0":[…],"r__1":[…]}}`, each list's representations as they were written. */
function bodyOfLists(
  prefix: string,
  variablesJson: string,
  lists: ReadonlyArray<readonly [variable: string, representations: readonly string[]]>,
): string {
  let body = `${prefix}${variablesJson.length > 2 ? variablesJson.slice(0, -1) : '{'}`;
  for (let index = 0; index < lists.length; index++) {
    const [variable, representations] = lists[index]!;
    body += `${index > 0 || variablesJson.length > 2 ? ',' : ''}${JSON.stringify(variable)}:[${representations.join(',')}]`;
  }
  return `${body}}}`;
}

function sameRepresentations(sent: Record<string, unknown> | undefined, all: Readonly<Record<string, unknown>>): boolean {
  const some = sent?.representations;
  const every = all.representations;
  return Array.isArray(some) && Array.isArray(every) && some.length === every.length && some.every((each, index) => each === every[index]);
}

function isJson(contentType: string | string[] | undefined): boolean {
  const value = single(contentType);
  return value !== undefined && (value.startsWith('application/json') || value.startsWith('application/graphql-response+json'));
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}
