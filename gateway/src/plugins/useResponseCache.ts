import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Cache } from '#packages/cache/index.js';
import { decodeCachedResponse, encodeCachedResponse } from '../cache/cachedResponse.js';
import { sha256Hex } from '../persisted/PersistedOperationManifest.js';
import { stableStringify } from '../cache/stableStringify.js';
import { createUncacheableMemory, type UncacheableMemory } from '../cache/createUncacheableMemory.js';
import type { GatewayContext } from '../GatewayContext.js';

export type CacheOutcome = 'hit' | 'miss';

/**
 * Whole responses of public queries, in the shared store: every replica serves what any one of
 * them fetched. What is public is the subgraphs' call: the gateway restricts the request's cache
 * policy by each subgraph's `cache-control` header (`@cacheControl` hints), and only a query whose
 * policy ends PUBLIC with a max-age is stored, for that long. Mutations, PRIVATE or unhinted
 * (max-age 0) data and answers with errors never are. The key is the document, operation name,
 * variables and the buyer's language. An operation that lately answered uncacheable is not looked
 * up (no key is built) until it is remembered no more (createUncacheableMemory).
 */
export function useResponseCache(options: {
  store: Cache;
  onOutcome?: (outcome: CacheOutcome) => void;
  /** Which operations lately answered uncacheable; their lookups are skipped (see createUncacheableMemory). Default: a memory of its own. */
  uncacheable?: UncacheableMemory;
}): ApolloServerPlugin<GatewayContext> {
  const uncacheable = options.uncacheable ?? createUncacheableMemory();
  return {
    async requestDidStart() {
      let key: (() => string) | undefined;
      let operationId = '';
      let served = false;
      return {
        async responseForOperation({ operation, queryHash, request, contextValue, overallCachePolicy }) {
          if (operation.operation !== 'query') return null;
          operationId = `${queryHash}:${request.operationName ?? ''}`;
          key = () =>
            sha256Hex(
              stableStringify([queryHash, request.operationName ?? null, request.variables ?? {}, contextValue.acceptLanguage ?? '']),
            );
          if (uncacheable.has('response', operationId)) {
            options.onOutcome?.('miss');
            return null;
          }
          const cached = decodeCachedResponse<Record<string, unknown>>(await options.store.get(key()));
          if (cached === undefined) {
            options.onOutcome?.('miss');
            return null;
          }
          options.onOutcome?.('hit');
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
        async willSendResponse({ response, overallCachePolicy }) {
          if (key === undefined || served) return;
          response.http.headers.set('x-cache', 'MISS');
          if (response.body.kind !== 'single' || response.body.singleResult.errors || !response.body.singleResult.data) return;
          const policy = overallCachePolicy.policyIfCacheable();
          if (policy === null || policy.scope !== 'PUBLIC' || policy.maxAge <= 0) return uncacheable.add('response', operationId);
          uncacheable.delete('response', operationId);
          await options.store.set(key(), encodeCachedResponse(response.body.singleResult.data, policy.maxAge), policy.maxAge);
        },
      };
    },
  };
}
