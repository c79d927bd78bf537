import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { generateApiKey } from '../src/keys/generateApiKey.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { describeOnEachStore } from './support/storeBackends.js';
import { startTestGateway, type TestGateway } from './support/startTestGateway.js';

let subgraphs: FakeSubgraphs;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
});
afterAll(() => subgraphs.close());

describeOnEachStore('response and entity caching', (store) => {
  const gateways: TestGateway[] = [];
  const start = async (env: Record<string, string> = {}, storeEnv = store.env()) => {
    const gateway = await startTestGateway(subgraphs.supergraphPath, { ...storeEnv, ...env });
    gateways.push(gateway);
    return gateway;
  };
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
  });

  it('answers a public query from the cache the second time: no subgraph call, its age, what is left of max-age', async () => {
    const gateway = await start();
    const query = { query: '{ marketplaces { id name } }' };
    const first = await gateway.post(query);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(first.headers.get('cache-control')).toBe('max-age=60, public');
    const calls = subgraphs.calls();
    const second = await gateway.post(query);
    expect(subgraphs.calls()).toBe(calls);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(Number(second.headers.get('age'))).toBeLessThanOrEqual(1);
    expect(second.headers.get('cache-control')).toMatch(/^max-age=(59|60), public$/);
  });

  it('never caches per-buyer data (no hint: max-age 0), nor a query mixing it with public data', async () => {
    const gateway = await start();
    for (const query of ['{ me }', '{ marketplaces { id } me }']) {
      const calls = subgraphs.calls();
      const first = await gateway.post({ query });
      const second = await gateway.post({ query });
      expect(subgraphs.calls() - calls, query).toBe(2);
      expect(first.body.data?.me).not.toEqual(second.body.data?.me);
      expect(second.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('never caches a mutation', async () => {
    const writer = generateApiKey({ tier: 'developer', scopes: ['orders:write'] });
    const gateway = await start({ API_KEYS: writer.line });
    const calls = subgraphs.calls();
    for (let i = 0; i < 2; i++) {
      const answer = await gateway.post({ query: 'mutation { placeOrder(offerId: "offer-1") }' }, { 'x-api-key': writer.key });
      expect(answer.body).toEqual({ data: { placeOrder: 'order for offer-1' } });
      expect(answer.headers.get('x-cache')).toBeNull();
    }
    expect(subgraphs.calls() - calls).toBe(2);
  });

  it('keys entries by variables (in any key order) and by the buyer’s language', async () => {
    const gateway = await start();
    const query = 'query Rate($country: String, $other: String) { rateDate(country: $country) other: rateDate(country: $other) }';
    const ask = (variables: Record<string, string>, language = 'de-DE') =>
      gateway.post({ query, variables }, { 'accept-language': language });
    expect((await ask({ country: 'DE', other: 'FR' })).headers.get('x-cache')).toBe('MISS');
    expect((await ask({ other: 'FR', country: 'DE' })).headers.get('x-cache')).toBe('HIT');
    const other = await ask({ country: 'BR', other: 'FR' });
    expect(other.headers.get('x-cache')).toBe('MISS');
    expect(other.body.data).toEqual({ rateDate: '2025-01-01/BR', other: '2025-01-01/FR' });
    expect((await ask({ country: 'DE', other: 'FR' }, 'pt-BR')).headers.get('x-cache')).toBe('MISS');
  });

  it('does not store an answer with errors', async () => {
    const gateway = await start({ SUBGRAPH_RETRIES: '0' });
    const query = { query: '{ rateDate(country: "JP") }' };
    subgraphs.rates.failNext(1, 503);
    expect((await gateway.post(query)).body.errors).toBeDefined();
    const retried = await gateway.post(query);
    expect(retried.body).toEqual({ data: { rateDate: '2025-01-01/JP' } });
    expect(retried.headers.get('x-cache')).toBe('MISS');
  });

  it('caches entity lookups one by one: a later batch asks the subgraph only for the entities it has not seen', async () => {
    const gateway = await start();
    const ask = (first: number) => gateway.post({ query: `{ offers(first: ${first}) { id duty } }` });
    await ask(3);
    expect(subgraphs.rates.seen.at(-1)?.variables?.representations).toHaveLength(3);
    const five = await ask(5);
    expect(subgraphs.rates.seen.at(-1)?.variables?.representations).toEqual([
      { __typename: 'Offer', id: 'offer-3' },
      { __typename: 'Offer', id: 'offer-4' },
    ]);
    expect(five.body.data?.offers).toEqual([0, 1, 2, 3, 4].map((i) => ({ id: `offer-${i}`, duty: `duty of offer-${i}` })));
    const ratesCalls = subgraphs.rates.seen.length;
    expect((await ask(5)).body).toEqual(five.body);
    expect(subgraphs.rates.seen.length).toBe(ratesCalls);
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toContain('tradegraph_gateway_cache_lookups_total{cache="entity",result="hit"} 8');
    expect(metrics).toContain('tradegraph_gateway_cache_lookups_total{cache="entity",result="miss"} 5');
  });

  it('caches nothing when both caches are off', async () => {
    const gateway = await start({ RESPONSE_CACHE: 'false', SUBGRAPH_CACHE: 'false' });
    const calls = subgraphs.calls();
    await gateway.post({ query: '{ marketplaces { id } }' });
    const second = await gateway.post({ query: '{ marketplaces { id } }' });
    expect(subgraphs.calls() - calls).toBe(2);
    expect(second.headers.get('x-cache')).toBeNull();
  });

  // Only Redis is shared between replicas: in memory each gateway has its own state.
  if (store.name === 'redis')
    it('shares cached responses between gateways on one Redis', async () => {
      const shared = store.env();
      const [first, second] = await Promise.all([start({}, shared), start({}, shared)]);
      const query = { query: '{ rateDate(country: "MY") }' };
      expect((await first.post(query)).headers.get('x-cache')).toBe('MISS');
      const calls = subgraphs.calls();
      const fromOther = await second.post(query);
      expect(fromOther.headers.get('x-cache')).toBe('HIT');
      expect(fromOther.body).toEqual({ data: { rateDate: '2025-01-01/MY' } });
      expect(subgraphs.calls()).toBe(calls);
    });
});
