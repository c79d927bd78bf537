import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { Cache } from '#packages/cache/index.js';
import { decodeCachedResponse, encodeCachedResponse } from '../cache/cachedResponse.js';
import { sha256Hex } from '../persisted/PersistedOperationManifest.js';
import { stableStringify } from '../cache/stableStringify.js';
import type { GatewayContext } from '../GatewayContext.js';

export type CacheOutcome = 'hit' | 'miss';

/**
 * Whole responses of public queries, in the shared store: every replica serves what any one of
 * them fetched. What is public is the subgraphs' call: the gateway restricts the request's cache
 * policy by each subgraph's `cache-control` header (`@cacheControl` hints), and only a query whose
 * policy ends PUBLIC with a max-age is stored, for that long. Mutations, PRIVATE or unhinted
 * (max-age 0) data and answers with errors never are. The key is the document, operation name,
 * variables and the buyer's language.
 */
export function useResponseCache(options: {
  store: Cache;
  onOutcome?: (outcome: CacheOutcome) => void;
}): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let key: string | undefined;
      let served = false;
      return {
        async responseForOperation({ operation, queryHash, request, contextValue, overallCachePolicy }) {
          if (operation.operation !== 'query') return null;
          key = sha256Hex(
            stableStringify([queryHash, request.operationName ?? null, request.variables ?? {}, contextValue.acceptLanguage ?? '']),
          );
          const cached = decodeCachedResponse<Record<string, unknown>>(await options.store.get(key));
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
          const policy = overallCachePolicy.policyIfCacheable();
          if (policy === null || policy.scope !== 'PUBLIC' || policy.maxAge <= 0) return;
          if (response.body.kind !== 'single' || response.body.singleResult.errors || !response.body.singleResult.data) return;
          await options.store.set(key, encodeCachedResponse(response.body.singleResult.data, policy.maxAge), policy.maxAge);
        },
      };
    },
  };
}
