import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '#packages/cache/createMemoryCache.js';
import { createSubgraphFetchCache, type SubgraphFetch, type SubgraphResponse } from '#gateway/src/cache/createSubgraphFetchCache.js';
import { createUncacheableMemory } from '#gateway/src/cache/createUncacheableMemory.js';
import { createSubgraphTransport } from '#gateway/src/subgraph/createSubgraphTransport.js';
import { SubgraphClient, type SubgraphCall } from '#gateway/src/subgraph/SubgraphClient.js';

const ENTITIES = 'query($representations:[_Any!]!){_entities(representations:$representations){...on Product{price}}}';
const representations = [
  { __typename: 'Product', upc: '1' },
  { __typename: 'Product', upc: '2' },
];

/** A subgraph answer with the cache-control header a subgraph's hints would give it. */
function answer(data: Record<string, unknown>, cacheControl: string | null): SubgraphResponse {
  return { data, http: { headers: { get: (name) => (name === 'cache-control' ? cacheControl : null) } } };
}

function fetchOf(query: string, variables: Record<string, unknown>): SubgraphFetch {
  return { subgraph: 'products', query, variables, acceptLanguage: undefined, restrict: () => {} };
}

describe('the subgraph fetch cache, on operations that answer uncacheable', () => {
  it('stops looking up an operation once it answered without a public max-age, and looks again after a while', async () => {
    let now = 0;
    const store = createMemoryCache();
    let lookups = 0;
    const counted = { ...store, getMany: (keys: readonly string[]) => (lookups++, store.getMany(keys)) };
    const cache = createSubgraphFetchCache({ store: counted, uncacheable: createUncacheableMemory({ rememberMs: 1_000, now: () => now }) });
    const send = async () => answer({ _entities: [{ price: 1 }, { price: 2 }] }, null);

    await cache.fetch(fetchOf(ENTITIES, { representations }), send);
    expect(lookups).toBe(1);
    await cache.fetch(fetchOf(ENTITIES, { representations }), send);
    expect(lookups).toBe(1);
    now = 1_001;
    await cache.fetch(fetchOf(ENTITIES, { representations }), send);
    expect(lookups).toBe(2);
  });

  it('stores an answer that turns public although the operation was remembered uncacheable, and serves it next', async () => {
    const cache = createSubgraphFetchCache({ store: createMemoryCache() });
    let sent = 0;
    let cacheControl: string | null = null;
    const send = async () => (sent++, answer({ _entities: [{ price: 1 }, { price: 2 }] }, cacheControl));

    await cache.fetch(fetchOf(ENTITIES, { representations }), send);
    cacheControl = 'public, max-age=60';
    await cache.fetch(fetchOf(ENTITIES, { representations }), send);
    const served = await cache.fetch(fetchOf(ENTITIES, { representations }), send);
    expect(sent).toBe(2);
    expect(served.data).toEqual({ _entities: [{ price: 1 }, { price: 2 }] });
  });

  it('is not told uncacheable by a failing answer: entries stored earlier keep being served', async () => {
    const cache = createSubgraphFetchCache({ store: createMemoryCache() });
    const query = '{ topProducts { upc } }';
    let sent = 0;
    await cache.fetch(fetchOf(query, {}), async () => (sent++, { errors: [{ message: 'down' }], data: null }));
    await cache.fetch(fetchOf(query, {}), async () => (sent++, answer({ topProducts: [{ upc: '1' }] }, 'public, max-age=60')));
    const served = await cache.fetch(fetchOf(query, {}), async () => (sent++, answer({ topProducts: [] }, null)));
    expect(sent).toBe(2);
    expect(served.data).toEqual({ topProducts: [{ upc: '1' }] });
  });

  it('lets a replica that never saw the operation find what another replica stored in the shared store', async () => {
    const shared = createMemoryCache();
    const first = createSubgraphFetchCache({ store: shared });
    const second = createSubgraphFetchCache({ store: shared });
    await first.fetch(fetchOf(ENTITIES, { representations }), async () =>
      answer({ _entities: [{ price: 1 }, { price: 2 }] }, 'public, max-age=60'),
    );
    let sent = 0;
    const served = await second.fetch(fetchOf(ENTITIES, { representations }), async () => (sent++, answer({ _entities: [] }, null)));
    expect(sent).toBe(0);
    expect(served.data).toEqual({ _entities: [{ price: 1 }, { price: 2 }] });
  });
});

describe('what the memory of uncacheable operations holds', () => {
  it('does not keep a huge operation text: such an operation is looked up each time', () => {
    const memory = createUncacheableMemory();
    const huge = `{ search(text: "${'x'.repeat(50_000)}") { id } }`;
    memory.add('catalog', huge);
    expect(memory.has('catalog', huge)).toBe(false);
    memory.add('catalog', '{ topProducts { upc } }');
    expect(memory.has('catalog', '{ topProducts { upc } }')).toBe(true);
  });

  it('starts over past its bound on operations, instead of growing', () => {
    const memory = createUncacheableMemory({ maxEntries: 3 });
    for (const operation of ['{ a }', '{ b }', '{ c }']) memory.add('catalog', operation);
    expect(memory.has('catalog', '{ a }')).toBe(true);
    memory.add('catalog', '{ d }');
    expect(memory.has('catalog', '{ a }')).toBe(false);
    expect(memory.has('catalog', '{ d }')).toBe(true);
  });
});

describe("the engine's subgraph calls through the fetch cache", () => {
  it('sends an operation remembered uncacheable as it is, and still stores its entities once it answers public', async () => {
    // a subgraph over HTTP that prices each representation it is sent, with the cache-control the test sets
    let cacheControl: string | undefined;
    const bodies: string[] = [];
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        bodies.push(body);
        const sent = (JSON.parse(body) as { variables: { representations: Array<{ upc: string }> } }).variables.representations;
        response.setHeader('content-type', 'application/json');
        if (cacheControl !== undefined) response.setHeader('cache-control', cacheControl);
        response.end(JSON.stringify({ data: { _entities: sent.map(({ upc }) => ({ price: Number(upc) * 10 })) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    const transport = createSubgraphTransport({ url, timeoutMs: 5_000 });
    try {
      const outcomes: string[] = [];
      const fetchCache = createSubgraphFetchCache({
        store: createMemoryCache(),
        onOutcome: ({ kind, result, count }) => outcomes.push(`${kind} ${result} ${count}`),
      });
      const client = new SubgraphClient({ name: 'products', url, transport, fetchCache });
      const call: SubgraphCall = {
        query: ENTITIES,
        idempotent: true,
        bodyPrefix: `{"query":${JSON.stringify(ENTITIES)},"variables":`,
        variables: {},
        representations: representations.map((representation) => JSON.stringify(representation)),
        headers: {},
        acceptLanguage: undefined,
      };
      const priced = { data: { _entities: [{ price: 10 }, { price: 20 }] } };

      expect(await client.send(call)).toMatchObject(priced); // looked up, missed, remembered uncacheable
      expect(fetchCache.skips('products', ENTITIES)).toBe(true);
      cacheControl = 'public, max-age=60';
      expect(await client.send(call)).toEqual(priced); // not looked up; its answer is public, so it is stored
      expect(fetchCache.skips('products', ENTITIES)).toBe(false);
      expect(await client.send(call)).toMatchObject(priced); // from the cache
      expect(bodies).toHaveLength(2);
      expect(JSON.parse(bodies[1]!)).toEqual({ query: ENTITIES, variables: { representations } });
      expect(outcomes).toEqual(['entity miss 2', 'entity miss 2', 'entity hit 2']);
    } finally {
      await transport.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
