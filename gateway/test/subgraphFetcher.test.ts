import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { listen } from '#packages/server/index.js';
import { freePort } from '#packages/cache/redisTestServer.js';
import { IDEMPOTENT_MARKER_HEADER, createSubgraphFetcher } from '../src/createSubgraphFetcher.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from './support/startTestGateway.js';

describe('createSubgraphFetcher', () => {
  let server: Server;
  let origin: string;
  const plan: Array<{ status: number; delayMs?: number; retryAfter?: string }> = [];
  const seenHeaders: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      seenHeaders.push(request.headers);
      const step = plan.shift() ?? { status: 200 };
      setTimeout(() => {
        if (step.retryAfter) response.setHeader('retry-after', step.retryAfter);
        response.statusCode = step.status;
        response.end('{}');
      }, step.delayMs ?? 0);
    });
    origin = (await listen(server, '127.0.0.1', 0)).url;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const fetcherFor = (target: string, timeoutMs = 1_000) => {
    const outcomes: string[] = [];
    const fetcher = createSubgraphFetcher({
      pool: new Pool(target),
      timeoutMs,
      retries: 2,
      onAttempt: (outcome) => outcomes.push(outcome),
    });
    return { fetcher, outcomes };
  };
  const query = { method: 'POST', body: '{}', headers: { [IDEMPOTENT_MARKER_HEADER]: '1' } };
  const mutation = { method: 'POST', body: '{}', headers: {} };

  it('retries a query after 502/503 and strips its marker header before sending', async () => {
    const { fetcher, outcomes } = fetcherFor(origin);
    plan.push({ status: 503 }, { status: 502 });
    seenHeaders.length = 0;
    expect((await fetcher(`${origin}/graphql`, query)).status).toBe(200);
    expect(outcomes).toEqual(['503', '502', '200']);
    expect(seenHeaders.every((headers) => headers[IDEMPOTENT_MARKER_HEADER] === undefined)).toBe(true);
  });

  it('never retries a mutation', async () => {
    const { fetcher, outcomes } = fetcherFor(origin);
    plan.push({ status: 503 });
    expect((await fetcher(`${origin}/graphql`, mutation)).status).toBe(503);
    expect(outcomes).toEqual(['503']);
  });

  it('does not wait out a long Retry-After, nor retry a timeout', async () => {
    const { fetcher, outcomes } = fetcherFor(origin, 100);
    plan.push({ status: 503, retryAfter: '30' });
    expect((await fetcher(`${origin}/graphql`, query)).status).toBe(503);
    plan.push({ status: 200, delayMs: 300 });
    await expect(fetcher(`${origin}/graphql`, query)).rejects.toThrow();
    expect(outcomes).toEqual(['503', 'timeout']);
  });

  it('retries a refused connection for a query, up to its retries', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { fetcher, outcomes } = fetcherFor(closed);
    await expect(fetcher(`${closed}/graphql`, query)).rejects.toThrow();
    expect(outcomes).toEqual(['network_error', 'network_error', 'network_error']);
  });
});

describe('retries through the gateway', () => {
  let subgraphs: FakeSubgraphs;
  let gateway: TestGateway;
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startTestGateway(subgraphs.supergraphPath, {
      SUBGRAPH_RETRIES: '1',
      RESPONSE_CACHE: 'false',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });

  it('answers a query whose subgraph failed once with 503, and shows both attempts in /metrics', async () => {
    subgraphs.shop.failNext(1, 503);
    expect((await gateway.post({ query: '{ me }' })).body.errors).toBeUndefined();
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toContain('tradegraph_gateway_subgraph_requests_total{subgraph="shop",status="503"} 1');
    expect(metrics).toMatch(/tradegraph_gateway_subgraph_requests_total\{subgraph="shop",status="200"\} [1-9]/);
    expect(metrics).toMatch(/tradegraph_gateway_subgraph_request_duration_seconds_count\{subgraph="shop"\} [2-9]/);
  });
});

describe('a subgraph that cannot be reached', () => {
  it('gives the client a RETRYABLE error answer (200 with errors), counted by code, never a crash of the request', async () => {
    const own = await startFakeSubgraphs();
    const gateway = await startTestGateway(own.supergraphPath, { SUBGRAPH_RETRIES: '1' });
    try {
      await own.close();
      const answer = await gateway.post({ query: '{ me }' });
      expect(answer.status).toBe(200);
      expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'RETRYABLE', retryable: true, subgraph: 'shop' });
      const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
      expect(metrics).toContain('tradegraph_gateway_subgraph_requests_total{subgraph="shop",status="network_error"} 2');
      expect(metrics).toContain('tradegraph_gateway_errors_total{code="RETRYABLE"} 1');
    } finally {
      await gateway.close();
    }
  });
});
