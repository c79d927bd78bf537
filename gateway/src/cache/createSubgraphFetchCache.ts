import type { Cache } from '#packages/cache/index.js';
import { sha256Hex } from '../persisted/PersistedOperationManifest.js';
import { decodeCachedResponse, encodeCachedResponse, publicMaxAge } from './cachedResponse.js';
import { createUncacheableMemory, type UncacheableMemory } from './createUncacheableMemory.js';
import { stableStringify } from './stableStringify.js';

/** A subgraph's answer, as @apollo/gateway's data sources pass it around. */
export interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; [key: string]: unknown }>;
  extensions?: Record<string, unknown>;
  http?: { headers: { get(name: string): string | null } };
}

export interface SubgraphFetch {
  subgraph: string;
  /** The subgraph operation; only queries are ever handed to the cache. */
  query: string;
  variables: Record<string, unknown> | undefined;
  acceptLanguage: string | undefined;
  /** Restricts the incoming request's cache policy to what is left of a cached part's life. */
  restrict: (maxAgeSeconds: number) => void;
}

export type FetchCacheOutcome = { kind: 'entity' | 'subgraph'; result: 'hit' | 'miss'; count: number };

export interface SubgraphFetchCache {
  /** Answers from the store what it can, runs `send` (with these variables) for the rest, stores what is public. */
  fetch(
    request: SubgraphFetch,
    send: (variables: Record<string, unknown> | undefined) => Promise<SubgraphResponse>,
  ): Promise<SubgraphResponse>;
  /** Whether lookups of this subgraph operation are skipped now: it lately answered uncacheable. */
  skips(subgraph: string, query: string): boolean;
  /**
   * Sends a call whose lookups are skipped (`skips` said so) as it is, and counts its miss; should
   * the answer be public after all, stores it as a lookup would have and looks the operation up
   * from then on. The call's variables are asked for only then, so a caller holding them as text
   * (the engine's representations) does not parse them back for nothing.
   */
  sendSkipped(call: SkippedFetch, send: () => Promise<SubgraphResponse>): Promise<SubgraphResponse>;
}

/** A subgraph fetch sent without a lookup: its variables read only when its answer is stored. */
export interface SkippedFetch {
  subgraph: string;
  query: string;
  /** How many representations an `_entities` fetch carries; undefined for any other query. */
  entities: number | undefined;
  variables: () => Record<string, unknown> | undefined;
  acceptLanguage: string | undefined;
}

/**
 * Caches subgraph queries the subgraph itself declares public (`cache-control: public, max-age=N`,
 * from its `@cacheControl` hints), for that long. An `_entities` fetch is cached per entity, so a
 * batch of offers whose import charges were seen before only asks the subgraph for the new ones;
 * any other query is cached whole. Nothing with errors is stored. An operation whose last
 * successful answer was not public is not looked up for a while (createUncacheableMemory), so a
 * graph without cache hints does not pay a key per entity to miss every time.
 */
export function createSubgraphFetchCache(options: {
  store: Cache;
  onOutcome?: (outcome: FetchCacheOutcome) => void;
  /** Which subgraph operations lately answered uncacheable; their lookups are skipped. Default: a memory of its own. */
  uncacheable?: UncacheableMemory;
}): SubgraphFetchCache {
  const { store, onOutcome } = options;
  const uncacheable = options.uncacheable ?? createUncacheableMemory();
  const entityQueries = new Map<string, boolean>();
  const sendSkipped = async (call: SkippedFetch, send: () => Promise<SubgraphResponse>): Promise<SubgraphResponse> => {
    onOutcome?.({ kind: call.entities !== undefined ? 'entity' : 'subgraph', result: 'miss', count: call.entities ?? 1 });
    const response = await send();
    const maxAge = publicMaxAge(response.http?.headers.get('cache-control'));
    if (maxAge <= 0) return response;
    // public after all: stored as a lookup would have stored it, and looked up from now on
    uncacheable.delete(call.subgraph, call.query);
    const variables = call.variables();
    const representations = variables?.representations;
    if (call.entities !== undefined && Array.isArray(representations)) {
      const fetched = response.data?._entities;
      if (!response.errors?.length && Array.isArray(fetched) && fetched.length === representations.length)
        await store.setMany(
          representations.map((representation, index) => ({
            key: keyOf(call, { ...variables, representations: [representation] }),
            value: encodeCachedResponse(fetched[index], maxAge),
            ttlSeconds: maxAge,
          })),
        );
    } else if (!response.errors?.length && response.data)
      await store.set(keyOf(call, variables), encodeCachedResponse(response.data, maxAge), maxAge);
    return response;
  };
  return {
    skips: (subgraph, query) => uncacheable.has(subgraph, query),
    sendSkipped,
    async fetch(request, send) {
      const representations = request.variables?.representations;
      const isEntities = Array.isArray(representations) && isEntitiesQuery(request.query);
      if (uncacheable.has(request.subgraph, request.query)) {
        return sendSkipped(
          {
            subgraph: request.subgraph,
            query: request.query,
            entities: isEntities ? representations.length : undefined,
            variables: () => request.variables,
            acceptLanguage: request.acceptLanguage,
          },
          () => send(request.variables),
        );
      }
      if (isEntities) return fetchEntities(request, representations, send);
      const key = keyOf(request, request.variables);
      const cached = decodeCachedResponse<Record<string, unknown>>(await store.get(key));
      if (cached) {
        onOutcome?.({ kind: 'subgraph', result: 'hit', count: 1 });
        request.restrict(cached.remainingSeconds);
        return { data: cached.value };
      }
      onOutcome?.({ kind: 'subgraph', result: 'miss', count: 1 });
      const response = await send(request.variables);
      const maxAge = publicMaxAge(response.http?.headers.get('cache-control'));
      // only a whole, successful answer says whether the operation is cacheable; a failing subgraph's says nothing
      if (response.errors?.length || !response.data) return response;
      if (maxAge <= 0) uncacheable.add(request.subgraph, request.query);
      else await store.set(key, encodeCachedResponse(response.data, maxAge), maxAge);
      return response;
    },
  };

  /** Whether a subgraph query is an `_entities` lookup (memoised: the plan's query texts repeat). */
  function isEntitiesQuery(query: string): boolean {
    if (query.length > 10_000) return /\b_entities\b/.test(query); // a huge query text is not kept
    let found = entityQueries.get(query);
    if (found === undefined) {
      found = /\b_entities\b/.test(query);
      if (entityQueries.size >= 256) entityQueries.clear();
      entityQueries.set(query, found);
    }
    return found;
  }

  async function fetchEntities(
    request: SubgraphFetch,
    representations: readonly unknown[],
    send: (variables: Record<string, unknown> | undefined) => Promise<SubgraphResponse>,
  ): Promise<SubgraphResponse> {
    const keys = representations.map((representation) => keyOf(request, { ...request.variables, representations: [representation] }));
    const cached = (await store.getMany(keys)).map((text) => decodeCachedResponse<unknown>(text));
    const missing = cached.flatMap((entry, index) => (entry === undefined ? [index] : []));
    const hits = cached.filter((entry) => entry !== undefined);
    if (hits.length > 0) {
      onOutcome?.({ kind: 'entity', result: 'hit', count: hits.length });
      request.restrict(Math.min(...hits.map((entry) => entry.remainingSeconds)));
    }
    if (missing.length > 0) onOutcome?.({ kind: 'entity', result: 'miss', count: missing.length });
    if (missing.length === 0) return { data: { _entities: cached.map((entry) => entry?.value) } };

    const response = await send({ ...request.variables, representations: missing.map((index) => representations[index]) });
    const fetched = response.data?._entities as unknown[] | undefined;
    if (!Array.isArray(fetched) || fetched.length !== missing.length)
      return missing.length === keys.length ? response : { ...response, data: null };

    const maxAge = publicMaxAge(response.http?.headers.get('cache-control'));
    if (maxAge <= 0 && hits.length === 0 && !response.errors?.length) uncacheable.add(request.subgraph, request.query);
    if (maxAge > 0 && !response.errors?.length) {
      await store.setMany(
        missing.map((index, position) => ({
          key: keys[index]!,
          value: encodeCachedResponse(fetched[position], maxAge),
          ttlSeconds: maxAge,
        })),
      );
    }
    if (missing.length === keys.length) return response;
    // Put fetched entities back among the cached ones, and their errors' paths with them.
    const entities = cached.map((entry) => entry?.value);
    missing.forEach((index, position) => (entities[index] = fetched[position]));
    const errors = response.errors?.map((error) =>
      error.path?.[0] === '_entities' && typeof error.path[1] === 'number'
        ? { ...error, path: ['_entities', missing[error.path[1]] ?? error.path[1], ...error.path.slice(2)] }
        : error,
    );
    return { ...response, data: { ...response.data, _entities: entities }, ...(errors && { errors }) };
  }

  function keyOf(
    request: Pick<SubgraphFetch, 'subgraph' | 'query' | 'acceptLanguage'>,
    variables: Record<string, unknown> | undefined,
  ): string {
    return sha256Hex(stableStringify([request.subgraph, request.query, variables ?? {}, request.acceptLanguage ?? '']));
  }
}
