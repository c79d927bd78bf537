import { readFileSync, readdirSync } from 'node:fs';
import { print, type DocumentNode } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as operations from '#operations/__generated__/operations.js';
import {
  buildPersistedOperationManifest,
  formatPersistedOperationManifest,
  readPersistedOperationManifest,
  sha256Hex,
} from '../src/persisted/PersistedOperationManifest.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { describeOnEachStore } from './support/storeBackends.js';
import { startTestGateway, testManifest, type TestGateway } from './support/startTestGateway.js';

const root = new URL('../../', import.meta.url);
const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
/** A registered operation of the test manifest, as its client prints it. */
const registered = (name: string) => testManifest.operations.find((operation) => operation.name === name)!;

let subgraphs: FakeSubgraphs;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
});
afterAll(() => subgraphs.close());

describe('the persisted operation manifest', () => {
  it('is fresh: schema/persisted-operations.json is what operations/*.graphql give', () => {
    const sources = readdirSync(new URL('operations/', root))
      .filter((name) => name.endsWith('.graphql'))
      .sort()
      .map((name) => ({ file: name, text: readFileSync(new URL(`operations/${name}`, root), 'utf8') }));
    const file = new URL('schema/persisted-operations.json', root);
    expect(readFileSync(file, 'utf8')).toBe(formatPersistedOperationManifest(buildPersistedOperationManifest(sources)));
    expect(readPersistedOperationManifest(file.pathname).operations.length).toBe(sources.length);
  });

  it('registers every typed client document under the hash the client sends (sha256 of print(document))', () => {
    const manifest = readPersistedOperationManifest(new URL('schema/persisted-operations.json', root).pathname);
    const ids = new Set(manifest.operations.map((operation) => operation.id));
    const documents = Object.entries(operations).filter(([name]) => name.endsWith('Document')) as Array<[string, DocumentNode]>;
    expect(documents.length).toBeGreaterThanOrEqual(5);
    for (const [name, document] of documents) expect(ids.has(sha256Hex(print(document))), name).toBe(true);
  });

  it('refuses an operation without a name, or one defined twice', () => {
    expect(() => buildPersistedOperationManifest([{ file: 'a.graphql', text: '{ marketplaces { id } }' }])).toThrow(/needs a name/);
    const twice = [
      { file: 'a.graphql', text: 'query A { me }' },
      { file: 'b.graphql', text: 'query A { me }' },
    ];
    expect(() => buildPersistedOperationManifest(twice)).toThrow(/defined twice/);
  });
});

describeOnEachStore('automatic persisted queries', (store) => {
  const gateways: TestGateway[] = [];
  /** A gateway on this store; pass the same `storeEnv` to two of them to make them replicas. */
  const start = async (env: Record<string, string> = {}, storeEnv = store.env()) => {
    const gateway = await startTestGateway(subgraphs.supergraphPath, { ...storeEnv, ...env });
    gateways.push(gateway);
    return gateway;
  };
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
  });

  it('answers an unknown hash with PERSISTED_QUERY_NOT_FOUND, without calling a subgraph; registers, then serves by hash', async () => {
    const gateway = await start();
    const query = `query Fresh { marketplaces { id } }`;
    const hash = sha256Hex(query);
    const calls = subgraphs.calls();
    const unknown = await gateway.post(persisted(hash));
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(subgraphs.calls()).toBe(calls);

    const registered = await gateway.post({ query, ...persisted(hash) });
    expect(registered.body.data).toEqual({ marketplaces: [{ id: 'cn-jademarket' }, { id: 'br-feira' }] });
    const byHash = await gateway.post(persisted(hash));
    expect(byHash.body.data).toEqual(registered.body.data);
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toContain('tradegraph_gateway_cache_lookups_total{cache="apq",result="miss"} 1');
    expect(metrics).toContain('tradegraph_gateway_cache_lookups_total{cache="apq",result="registered"} 1');
    expect(metrics).toContain('tradegraph_gateway_cache_lookups_total{cache="apq",result="hit"} 1');
  });

  it('answers a query sent as text as it always did: no APQ hit counted, nothing registered, errors as Apollo Server gives them', async () => {
    const gateway = await start();
    const query = 'query AsText { marketplaces { id } }';
    const expected = { marketplaces: [{ id: 'cn-jademarket' }, { id: 'br-feira' }] };
    // one after another (the hash remembered after the first), then several of the same text at once
    for (let round = 0; round < 3; round++) expect((await gateway.post({ query })).body.data).toEqual(expected);
    const together = await Promise.all(Array.from({ length: 6 }, () => gateway.post({ query, extensions: {} })));
    for (const answer of together) expect(answer.body.data).toEqual(expected);
    expect((await gateway.post({ query: '{ marketplaces { id }' })).body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).not.toContain('cache="apq"');
    // a text is registered only when sent with its hash
    expect((await gateway.post(persisted(sha256Hex(query)))).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('serves the manifest’s operations by hash with no registration round trip', async () => {
    const gateway = await start();
    const answer = await gateway.post({ operationName: 'Offers', variables: { first: 2 }, ...persisted(registered('Offers').id) });
    expect(answer.body.data).toEqual({
      offers: [
        { id: 'offer-0', title: 'Tea 0' },
        { id: 'offer-1', title: 'Tea 1' },
      ],
    });
  });

  it('refuses a hash that does not match its query', async () => {
    const gateway = await start();
    const answer = await gateway.post({ query: '{ marketplaces { id } }', ...persisted('0'.repeat(64)) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).toMatch(/does not match/);
  });

  // Only Redis is shared between replicas: in memory each gateway has its own state.
  if (store.name === 'redis')
    it('shares registrations between gateways on one Redis', async () => {
      const shared = store.env();
      const [first, second] = await Promise.all([start({}, shared), start({}, shared)]);
      const query = `query SharedAcrossReplicas { offers(first: 1) { id } }`;
      const hash = sha256Hex(query);
      expect((await first.post({ query, ...persisted(hash) })).body.data).toEqual({ offers: [{ id: 'offer-0' }] });
      // Apollo Server writes a registration after answering, so the other replica may need a moment.
      await expect.poll(async () => (await second.post(persisted(hash))).body.data).toEqual({ offers: [{ id: 'offer-0' }] });
    });

  describe('in allow-list mode', () => {
    it('runs registered operations, by hash or as text, and refuses anything else before any subgraph', async () => {
      const gateway = await start({ PERSISTED_QUERIES: 'allowlist' });
      expect((await gateway.post(persisted(registered('Marketplaces').id))).body.data?.marketplaces).toHaveLength(2);
      expect((await gateway.post({ query: registered('Marketplaces').body })).body.data?.marketplaces).toHaveLength(2);

      const calls = subgraphs.calls();
      const text = await gateway.post({ query: '{ me }' });
      expect(text.status).toBe(400);
      expect(text.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      const hashOnly = await gateway.post(persisted(sha256Hex('{ me }')));
      expect(hashOnly.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      // Sending text with its hash does not register it either.
      const register = await gateway.post({ query: '{ me }', ...persisted(sha256Hex('{ me }')) });
      expect(register.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      expect((await gateway.post(persisted(sha256Hex('{ me }')))).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(subgraphs.calls()).toBe(calls);
    });

    it('does not start without its manifest', async () => {
      await expect(start({ PERSISTED_QUERIES: 'allowlist', PERSISTED_QUERIES_MANIFEST: '/nonexistent/manifest.json' })).rejects.toThrow(
        /needs the manifest/,
      );
    });
  });
});
