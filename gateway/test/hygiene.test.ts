import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { PRODUCTION_TEST_API_KEYS, startTestGateway, type TestGateway } from './support/startTestGateway.js';

let subgraphs: FakeSubgraphs;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
});
afterAll(() => subgraphs.close());

describe('requests refused before any subgraph', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath, { MAX_BODY_BYTES: '2000' });
  });
  afterAll(() => gateway?.close());

  const send = async (init: RequestInit) => {
    const calls = subgraphs.calls();
    const response = await fetch(gateway.url, init);
    const body = (await response.json()) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
    expect(subgraphs.calls()).toBe(calls);
    return { status: response.status, body };
  };
  const json = { 'content-type': 'application/json' };

  it('answers a body over the limit with 413 and a GraphQL-shaped error', async () => {
    const answer = await send({ method: 'POST', headers: json, body: JSON.stringify({ query: `{ me } # ${'x'.repeat(3000)}` }) });
    expect(answer).toEqual({
      status: 413,
      body: { errors: [{ message: 'Request body is larger than 2000 bytes', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    });
  });

  it('answers malformed JSON and a missing query with 400 and a GraphQL-shaped error', async () => {
    const malformed = await send({ method: 'POST', headers: json, body: '{"query": "{ me }"' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const missing = await send({ method: 'POST', headers: json, body: JSON.stringify({ variables: {} }) });
    expect(missing.status).toBe(400);
    expect(missing.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(missing.body.errors?.[0]?.message).toMatch(/non-empty `query`/);
  });

  it('prevents CSRF: a simple GET without a preflight header is refused', async () => {
    const calls = subgraphs.calls();
    const simple = await fetch(`${gateway.url}?query=${encodeURIComponent('{ me }')}`);
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF/);
    const preflighted = await fetch(`${gateway.url}?query=${encodeURIComponent('{ me }')}`, {
      headers: { 'apollo-require-preflight': '1' },
    });
    expect(preflighted.status).toBe(200);
    expect(subgraphs.calls()).toBe(calls + 1);
  });

  it('counts refusals by code in /metrics', async () => {
    const metrics = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(metrics).toMatch(/tradegraph_gateway_errors_total\{code="PAYLOAD_TOO_LARGE"\} [1-9]/);
    expect(metrics).toMatch(/tradegraph_gateway_requests_total\{operation="__refused",type="unknown",status="413"\} [1-9]/);
  });
});

const PRODUCTION_SECRET = 'a production service secret of at least 32 chars';

describe('production', () => {
  let gateway: TestGateway;
  it('refuses to start without a service secret, naming it', async () => {
    await expect(startTestGateway(subgraphs.supergraphPath, { NODE_ENV: 'production', SERVICE_SECRET: '' })).rejects.toThrow(
      /SERVICE_SECRET is required when NODE_ENV is production/,
    );
  });

  it('refuses to start without API keys when the supergraph declares access rules, naming the settings', async () => {
    await expect(startTestGateway(subgraphs.supergraphPath, { NODE_ENV: 'production', SERVICE_SECRET: PRODUCTION_SECRET })).rejects.toThrow(
      /API keys are required when NODE_ENV is production.*set API_KEYS_FILE or API_KEYS/,
    );
  });

  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath, {
      NODE_ENV: 'production',
      SERVICE_SECRET: PRODUCTION_SECRET,
      API_KEYS: PRODUCTION_TEST_API_KEYS,
      COST_BUDGETS: 'developer=5',
    });
  });
  afterAll(() => gateway?.close());

  it('masks unexpected errors but shows the gateway’s own refusals', async () => {
    const broken = await gateway.post({ query: '{ broken }' });
    expect(JSON.stringify(broken.body)).not.toMatch(/hunter2|stacktrace/);
    expect(broken.body.errors?.[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const expensive = await gateway.post({ query: '{ offers(first: 10) { id } }' });
    expect(expensive.body.errors?.[0]?.extensions).toEqual({
      code: 'COST_ESTIMATED_TOO_EXPENSIVE',
      cost: 10,
      budget: 5,
      tier: 'developer',
    });
  });

  it('turns introspection off, unless INTROSPECTION says otherwise', async () => {
    const answer = await gateway.post({ query: '{ __schema { queryType { name } } }' });
    expect(answer.body.errors?.[0]?.message).toMatch(/introspection/i);
    const allowed = await startTestGateway(subgraphs.supergraphPath, {
      NODE_ENV: 'production',
      SERVICE_SECRET: PRODUCTION_SECRET,
      API_KEYS: PRODUCTION_TEST_API_KEYS,
      INTROSPECTION: 'true',
    });
    try {
      expect((await allowed.post({ query: '{ __schema { queryType { name } } }' })).body.data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
    } finally {
      await allowed.close();
    }
  });
});

describe('headers passed to subgraphs', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(subgraphs.supergraphPath);
  });
  afterAll(() => gateway?.close());

  it('passes the request id and the buyer’s language, and nothing internal', async () => {
    await gateway.post({ query: '{ me }' }, { 'x-request-id': 'hygiene-1', 'accept-language': 'pt-BR,pt;q=0.9' });
    const seen = subgraphs.shop.seen.at(-1)!;
    expect(seen.headers['x-request-id']).toBe('hygiene-1');
    expect(seen.headers['accept-language']).toBe('pt-BR,pt;q=0.9');
    expect(seen.headers['x-tradegraph-idempotent']).toBeUndefined();
    expect(gateway.logs.some((line) => line.requestId === 'hygiene-1' && line.msg === 'request')).toBe(true);
  });

  it('drops a language header that is not one', async () => {
    await gateway.post({ query: '{ me }' }, { 'accept-language': 'de"><script>alert(1)</script>' });
    // the gateway sends `*` when it has no language to pass on, as undici's fetch did for it before
    expect(subgraphs.shop.seen.at(-1)!.headers['accept-language']).toBe('*');
  });
});
