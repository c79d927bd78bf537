import type { ApolloServer, BaseContext } from '@apollo/server';
import { sha256Hex } from './PersistedOperationManifest.js';
import type { PersistedQueryStore } from './createPersistedQueryStore.js';

/** Query texts whose hash is remembered at most; past it the memory starts over (hashes are computed again, nothing else changes). */
const MAX_TEXTS = 10_000;
/** Characters of query text remembered at most, all texts together; past it the memory starts over too. */
const MAX_TOTAL_CHARACTERS = 4 * 1024 * 1024;
/** A longer query text is left to Apollo Server as it came (hashed there, each time): a client's huge query must not be kept. */
const MAX_TEXT_LENGTH = 20_000;

/**
 * The persisted-query hash of each operation text, computed once. Apollo Server hashes the text of
 * every request that sends one (SHA-256, the key of its document store and of the plan), whereas
 * a request that sends only the hash (APQ) is looked up without hashing. So a full-text POST is
 * handed to Apollo Server as the APQ lookup of its text's hash (`asPersistedQuery`), and the
 * lookup finds the text the request itself brought (`withRequestTexts`): the hash is computed the
 * first time a text is seen and remembered with it, and Apollo Server parses, validates, plans and
 * caches exactly as before (the same hash, the same document store entry). Nothing is registered
 * in the persisted-query store, and the request does not count as an APQ hit (`isRewritten`).
 */
export interface QueryHashes {
  /** The hash of a text (remembered for texts up to 20,000 characters). */
  hashOf(text: string): string;
  /** Whether a request's `persistedQuery` extension was made here from its text, rather than sent by the client. */
  readonly isRewritten: (persistedQuery: unknown) => boolean;
}

interface Internals extends QueryHashes {
  /** The texts of the requests in flight, by hash, for the store's lookup. */
  readonly inFlight: Map<string, { readonly text: string; holders: number }>;
  readonly rewritten: WeakSet<object>;
}

export function createQueryHashes(): QueryHashes {
  let hashes = new Map<string, string>();
  let characters = 0;
  const internals: Internals = {
    inFlight: new Map(),
    rewritten: new WeakSet(),
    hashOf(text) {
      const known = hashes.get(text);
      if (known !== undefined) return known;
      const hash = sha256Hex(text);
      if (text.length > MAX_TEXT_LENGTH) return hash;
      if (hashes.size >= MAX_TEXTS || characters + text.length > MAX_TOTAL_CHARACTERS) {
        hashes = new Map();
        characters = 0;
      }
      hashes.set(text, hash);
      characters += text.length;
      return hash;
    },
    isRewritten: (persistedQuery) =>
      typeof persistedQuery === 'object' && persistedQuery !== null && internals.rewritten.has(persistedQuery),
  };
  return internals;
}

/** The persisted-query store, answering first with the texts of requests in flight that `asPersistedQuery` rewrote. */
export function withRequestTexts(store: PersistedQueryStore, hashes: QueryHashes): PersistedQueryStore {
  const { inFlight } = hashes as Internals;
  return {
    // Apollo Server prefixes keys with `apq:`
    get: (key) => {
      const held = inFlight.get(key.startsWith('apq:') ? key.slice(4) : key);
      return held !== undefined ? Promise.resolve(held.text) : store.get(key);
    },
    set: (key, value, options) => store.set(key, value, options),
    delete: (key) => store.delete(key),
  };
}

/**
 * Apollo Server, with each full-text POST of one operation handed over as the APQ lookup of its
 * text's hash (see `QueryHashes`). Batches, GETs, requests that carry their own `persistedQuery`
 * and texts over 20,000 characters go through as they came. The body the HTTP server read is not
 * changed: the context's checks (query size, APQ registration limit) see the request as sent.
 * Only with APQ on: Apollo Server refuses any `persistedQuery` when it is off.
 */
export function asPersistedQuery<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  hashes: QueryHashes,
): ApolloServer<TContext> {
  const { inFlight, rewritten } = hashes as Internals;
  const execute = apollo.executeHTTPGraphQLRequest.bind(apollo);
  const served = Object.create(apollo) as ApolloServer<TContext>;
  served.executeHTTPGraphQLRequest = (request: Parameters<ApolloServer<TContext>['executeHTTPGraphQLRequest']>[0]) => {
    const { httpGraphQLRequest } = request;
    const body = httpGraphQLRequest.body as Record<string, unknown> | undefined;
    if (httpGraphQLRequest.method !== 'POST' || !isOneTextOperation(body)) return execute(request);
    const text = body.query;
    const sha256Hash = hashes.hashOf(text);
    const persistedQuery = { version: 1, sha256Hash };
    rewritten.add(persistedQuery);
    const held = inFlight.get(sha256Hash);
    if (held !== undefined) held.holders++;
    else inFlight.set(sha256Hash, { text, holders: 1 });
    const release = () => {
      const entry = inFlight.get(sha256Hash)!;
      if (--entry.holders === 0) inFlight.delete(sha256Hash);
    };
    const answered = execute({
      ...request,
      httpGraphQLRequest: {
        ...httpGraphQLRequest,
        body: { ...body, query: undefined, extensions: { ...(body.extensions as object | undefined), persistedQuery } },
      },
    });
    answered.then(release, release);
    return answered;
  };
  return served;
}

function isOneTextOperation(body: Record<string, unknown> | undefined): body is Record<string, unknown> & { query: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const { query, extensions } = body;
  if (typeof query !== 'string' || query === '' || query.length > MAX_TEXT_LENGTH) return false;
  if (extensions === undefined || extensions === null) return true;
  return (
    typeof extensions === 'object' && !Array.isArray(extensions) && (extensions as Record<string, unknown>).persistedQuery === undefined
  );
}
