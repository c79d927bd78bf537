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

describeOnEachStore('rate limits', (store) => {
  const gateways: TestGateway[] = [];
  const analyst = generateApiKey({ tier: 'analyst', scopes: [], id: 'analyst' });
  const other = generateApiKey({ tier: 'analyst', scopes: [], id: 'other' });
  const start = async (storeEnv = store.env()) => {
    const gateway = await startTestGateway(subgraphs.supergraphPath, {
      ...storeEnv,
      API_KEYS: [analyst.line, other.line].join(';'),
      RATE_LIMITS: 'analyst=3,developer=2',
      RATE_LIMIT_WINDOW_SECONDS: '30',
    });
    gateways.push(gateway);
    return gateway;
  };
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
  });
  const query = { query: '{ marketplaces { id } }' };

  it('counts each key down with RateLimit headers, then answers 429 RATE_LIMITED with Retry-After, reaching no subgraph', async () => {
    const gateway = await start();
    const headers = { 'x-api-key': analyst.key };
    const remaining: Array<string | null> = [];
    for (let i = 0; i < 3; i++) {
      const answer = await gateway.post(query, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('3');
      expect(answer.headers.get('ratelimit-policy')).toBe('3;w=30');
      expect(Number(answer.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
      remaining.push(answer.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const calls = subgraphs.calls();
    const limited = await gateway.post(query, headers);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 3, windowSeconds: 30 });
    expect(limited.body.errors?.[0]?.message).toMatch(/API key analyst may make 3 requests per 30 s \(analyst tier\)/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
    expect(subgraphs.calls()).toBe(calls);
    // Another key has its own window.
    expect((await gateway.post(query, { 'x-api-key': other.key })).status).toBe(200);
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toContain('tradegraph_gateway_rate_limited_total{tier="analyst"} 1');
    expect(metrics).toContain('tradegraph_gateway_errors_total{code="RATE_LIMITED"} 1');
  });

  it('limits requests without a key at the lowest tier, per client address', async () => {
    const gateway = await start();
    expect((await gateway.post(query)).status).toBe(200);
    expect((await gateway.post(query)).headers.get('ratelimit-limit')).toBe('2');
    expect((await gateway.post(query)).status).toBe(429);
  });

  // Only Redis is shared between replicas: in memory each gateway has its own state.
  if (store.name === 'redis')
    it('holds one limit across gateway replicas sharing Redis', async () => {
      const shared = store.env();
      const [first, second] = await Promise.all([start(shared), start(shared)]);
      const headers = { 'x-api-key': analyst.key };
      const statuses = [];
      for (const gateway of [first, second, first, second, first]) statuses.push((await gateway.post(query, headers)).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
    });
});
