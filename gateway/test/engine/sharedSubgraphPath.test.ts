import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/keys/generateApiKey.js';
import { engineMetrics } from '../../src/engine/index.js';
import { startFakeSubgraphs, type FakeSubgraphs } from '../support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from '../support/startTestGateway.js';

/**
 * GATEWAY_ENGINE=tradegraph in the real gateway: the engine plans on the stock gateway's planner
 * and calls subgraphs through the gateway's data sources, so it gets the same entity cache,
 * query-only retries, headers and per-subgraph metrics as stock execution.
 */
describe('the engine in the gateway, on the data sources’ subgraph path', () => {
  let subgraphs: FakeSubgraphs;
  let gateway: TestGateway;
  const writer = generateApiKey({ tier: 'marketplace', scopes: ['orders:write'], id: 'writer' });
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startTestGateway(subgraphs.supergraphPath, {
      GATEWAY_ENGINE: 'tradegraph',
      RESPONSE_CACHE: 'false',
      SUBGRAPH_RETRIES: '1',
      API_KEYS: writer.line,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });
  const metrics = async () => (await fetch(`${gateway.origin}/metrics`)).text();

  it('executes on the stock gateway’s planner and schemas, not a second copy', async () => {
    await gateway.post({ query: '{ marketplaces { id } }' });
    expect(gateway.gateway.engine?.sharesStockPlanner).toBe(true);
  });

  it('runs the operation itself, and its subgraph calls show per subgraph in /metrics', async () => {
    const { executed, fallbacks } = engineMetrics;
    const answer = await gateway.post({ query: '{ offers(first: 2) { id duty } }' }, { 'accept-language': 'de-CH' });
    expect(answer.body).toEqual({ data: { offers: [0, 1].map((i) => ({ id: `offer-${i}`, duty: `duty of offer-${i}` })) } });
    expect(engineMetrics.executed).toBe(executed + 1);
    expect(engineMetrics.fallbacks).toBe(fallbacks);
    expect(subgraphs.rates.seen.at(-1)!.headers['accept-language']).toBe('de-CH');
    const text = await metrics();
    expect(text).toMatch(/tradegraph_gateway_subgraph_requests_total\{subgraph="shop",status="200"\} [1-9]/);
    expect(text).toMatch(/tradegraph_gateway_subgraph_requests_total\{subgraph="rates",status="200"\} [1-9]/);
    expect(text).toMatch(/tradegraph_gateway_engine_operations_total\{executor="tradegraph",reason="none"\} [1-9]/);
    expect(text).toMatch(/^tradegraph_gateway_engine_values_passed_as_bytes_total \d+$/m);
  });

  it('answers a repeated entity lookup from the entity cache', async () => {
    await gateway.post({ query: '{ offers(first: 4) { id duty } }' });
    const ratesCalls = subgraphs.rates.seen.length;
    const answer = await gateway.post({ query: '{ offers(first: 4) { id duty } }' });
    expect(answer.body.data?.offers).toHaveLength(4);
    expect(subgraphs.rates.seen.length).toBe(ratesCalls);
    expect(await metrics()).toMatch(/tradegraph_gateway_cache_lookups_total\{cache="entity",result="hit"\} [1-9]/);
  });

  it('retries a query after a 503, never a mutation', async () => {
    const { executed } = engineMetrics;
    subgraphs.shop.failNext(1, 503);
    expect((await gateway.post({ query: '{ me }' })).body.errors).toBeUndefined();
    expect(await metrics()).toContain('tradegraph_gateway_subgraph_requests_total{subgraph="shop",status="503"} 1');

    subgraphs.shop.failNext(1, 503);
    const before = subgraphs.shop.seen.length;
    const order = await gateway.post({ query: 'mutation { placeOrder(offerId: "offer-7") }' }, { 'x-api-key': writer.key });
    expect(order.body.errors?.[0]?.message).toBe('503: Service Unavailable');
    expect(subgraphs.shop.seen.length - before).toBe(1);
    expect(engineMetrics.executed).toBe(executed + 2);
  });
});
