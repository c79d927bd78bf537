import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Cache } from '#packages/cache/index.js';
import { decodeCachedResponse, encodeCachedResponse } from '../cache/cachedResponse.js';
import { sha256Hex } from '../persisted/PersistedOperationManifest.js';
import { stableStringify } from '../cache/stableStringify.js';
import { createUncacheableMemory, type UncacheableMemory } from '../cache/createUncacheableMemory.js';
import type { GatewayContext } from '../GatewayContext.js';

export type CacheOutcome = 'hit' | 'miss';

/** What a response's storing depends on: the request's key parts, its answer and its cache policy. */
export interface AnsweredQuery {
  readonly queryHash: string;
  readonly operationName: string | null | undefined;
  readonly variables: unknown;
  readonly acceptLanguage: string | undefined;
  readonly data: Record<string, unknown> | null | undefined;
  readonly hasErrors: boolean;
  readonly policy: { readonly maxAge: number; readonly scope: string } | null;
}

/** The response cache's store and memory, shared by the Apollo Server plugin and the gateway's lean request path. */
export interface ResponseCache {
  readonly store: Cache;
  readonly uncacheable: UncacheableMemory;
  readonly onOutcome: (outcome: CacheOutcome) => void;
  /** The operation as the memory of uncacheable answers knows it. */
  operationId(queryHash: string, operationName: string | null | undefined): string;
  /** The entry's key: document, operation name, variables and the buyer's language. */
  key(queryHash: string, operationName: string | null | undefined, variables: unknown, acceptLanguage: string | undefined): string;
  /** Stores a public answer for its max-age, or remembers the operation as uncacheable; an answer with errors says nothing. */
  answered(answer: AnsweredQuery): Promise<void>;
}

export function createResponseCache(options: {
  store: Cache;
  onOutcome?: (outcome: CacheOutcome) => void;
  /** Which operations lately answered uncacheable; their lookups are skipped (see createUncacheableMemory). Default: a memory of its own. */
  uncacheable?: UncacheableMemory;
}): ResponseCache {
  const uncacheable = options.uncacheable ?? createUncacheableMemory();
  const cache: ResponseCache = {
    store: options.store,
    uncacheable,
    onOutcome: (outcome) => options.onOutcome?.(outcome),
    operationId: (queryHash, operationName) => `${queryHash}:${operationName ?? ''}`,
    key: (queryHash, operationName, variables, acceptLanguage) =>
      sha256Hex(stableStringify([queryHash, operationName ?? null, variables ?? {}, acceptLanguage ?? ''])),
    async answered(answer) {
      if (answer.hasErrors || !answer.data) return;
      const operationId = cache.operationId(answer.queryHash, answer.operationName);
      const { policy } = answer;
      if (policy === null || policy.scope !== 'PUBLIC' || policy.maxAge <= 0) return uncacheable.add('response', operationId);
      uncacheable.delete('response', operationId);
      const key = cache.key(answer.queryHash, answer.operationName, answer.variables, answer.acceptLanguage);
      await options.store.set(key, encodeCachedResponse(answer.data, policy.maxAge), policy.maxAge);
    },
  };
  return cache;
}

/**
 * Whole responses of public queries, in the shared store: every replica serves what any one of
 * them fetched. What is public is the subgraphs' call: the gateway restricts the request's cache
 * policy by each subgraph's `cache-control` header (`@cacheControl` hints), and only a query whose
 * policy ends PUBLIC with a max-age is stored, for that long. Mutations, PRIVATE or unhinted
 * (max-age 0) data and answers with errors never are. The key is the document, operation name,
 * variables and the buyer's language. An operation that lately answered uncacheable is not looked
 * up (no key is built) until it is remembered no more (createUncacheableMemory).
 */
export function useResponseCache(options: Parameters<typeof createResponseCache>[0] | ResponseCache): ApolloServerPlugin<GatewayContext> {
  const cache = 'answered' in options ? options : createResponseCache(options);
  return {
    async requestDidStart() {
      let looked: string | undefined; // the query's hash, once looked up
      let served = false;
      return {
        async responseForOperation({ operation, queryHash: hash, request, contextValue, overallCachePolicy }) {
          if (operation.operation !== 'query') return null;
          // always set once the operation is resolved
          const queryHash = hash ?? '';
          looked = queryHash;
          if (cache.uncacheable.has('response', cache.operationId(queryHash, request.operationName))) {
            cache.onOutcome('miss');
            return null;
          }
          const key = cache.key(queryHash, request.operationName, request.variables, contextValue.acceptLanguage);
          const cached = decodeCachedResponse<Record<string, unknown>>(await cache.store.get(key));
          if (cached === undefined) {
            cache.onOutcome('miss');
            return null;
          }
          cache.onOutcome('hit');
          served = true;
          // The cache-control header Apollo Server computes must say what is left of the entry's life.
          overallCachePolicy.restrict({ maxAge: cached.remainingSeconds, scope: 'PUBLIC' });
          return {
            http: {
              headers: new HeaderMap([
                ['age', String(cached.ageSeconds)],
                ['x-cache', 'HIT'],
              ]),
            },
            body: { kind: 'single', singleResult: { data: cached.value } },
          };
        },
        async willSendResponse({ response, overallCachePolicy, request, contextValue }) {
          if (looked === undefined || served) return;
          response.http.headers.set('x-cache', 'MISS');
          if (response.body.kind !== 'single') return;
          const { singleResult } = response.body;
          await cache.answered({
            queryHash: looked,
            operationName: request.operationName,
            variables: request.variables,
            acceptLanguage: contextValue.acceptLanguage,
            data: singleResult.data,
            hasErrors: singleResult.errors !== undefined,
            policy: overallCachePolicy.policyIfCacheable(),
          });
        },
      };
    },
  };
}
