import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarketplacesDocument, SearchCatalogDocument, SearchDocument } from '#operations/__generated__/operations.js';
import {
  deleteKeysWithPrefix,
  freePort,
  redisUnavailableReason,
  startRedisServer,
  type RedisServer,
} from '#packages/cache/redisTestServer.js';
import { generateApiKey } from '#gateway/src/keys/generateApiKey.js';
import { sha256Hex } from '#gateway/src/persisted/PersistedOperationManifest.js';
import { freePorts } from '#scripts/stack/freePorts.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { ServiceProcess } from '#scripts/stack/ServiceProcess.js';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';

/**
 * Gateways as production runs them: real processes over the real stack, sharing a real Redis.
 * Two gateways share the shared Redis (127.0.0.1:6379 or REDIS_URL) under this run's own prefix;
 * the outage is staged on a throwaway redis-server this test starts and kills by its PID.
 */
const ROOT = new URL('../../', import.meta.url);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const redisDown = await redisUnavailableReason(redisUrl);
const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;
if (redisDown !== undefined) {
  const why = `Redis at ${new URL(redisUrl).host} is not reachable (${redisDown})`;
  if (process.env.CI === 'true') it('reaches Redis (required in CI)', () => expect.fail(`${why}. CI must provide Redis.`));
  else console.warn(`[gateway e2e] shared-Redis tests SKIPPED: ${why}.`);
}
if (!hasRedisServer) console.warn('[gateway e2e] Redis outage test SKIPPED: no redis-server binary on PATH.');

const analyst = generateApiKey({ tier: 'analyst', scopes: [], id: 'e2e-analyst' });
const revoked = generateApiKey({ tier: 'marketplace', scopes: ['orders:write'], id: 'e2e-revoked' });
const API_KEYS = [analyst.line, `${revoked.line} revoked`].join(';');

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

/** Sum of a series' samples in a gateway's /metrics, optionally only those whose labels contain `labels`. */
async function metric(origin: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && line.includes(labels))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

let stack: RunningStack;
const logLines: Array<{ service: string; line: string }> = [];
beforeAll(async () => {
  stack = await launchStack({
    ports: 'free',
    env: { SERVICE_SECRET: TEST_SERVICE_SECRET },
    onLine: (service, line) => logLines.push({ service, line }),
  });
});
afterAll(() => stack?.stop());

/** Starts `npm run gateway`'s entry point as its own process, over the stack's subgraphs. */
async function startGateway(name: string, env: Record<string, string>, supergraphPath = stack.supergraphPath) {
  const [port] = await freePorts(1);
  const service = new ServiceProcess({
    name,
    entry: 'gateway/src/main.ts',
    args: ['--supergraph', supergraphPath, '--port', String(port)],
    root: ROOT,
    env: { HOST: '127.0.0.1', SUPERGRAPH_POLL_MS: '0', SERVICE_SECRET: TEST_SERVICE_SECRET, ...env },
    onLine: (line) => logLines.push({ service: name, line }),
  });
  service.start();
  const origin = `http://127.0.0.1:${port}`;
  await service.waitForHttp(`${origin}/ready`, 60_000);
  return { service, origin, url: `${origin}/graphql` };
}

const sandboxTotal = async () => {
  let total = 0;
  for (const url of Object.values(stack.sandboxUrls))
    total += ((await (await fetch(`${url}/__sandbox/stats`)).json()) as { total: number }).total;
  return total;
};
const resetSandboxes = () =>
  Promise.all(Object.values(stack.sandboxUrls).map((url) => fetch(`${url}/__sandbox/stats`, { method: 'DELETE' })));
const persisted = (hash: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });

describe.skipIf(redisDown !== undefined)('two gateways sharing Redis', () => {
  const prefix = `tradegraph-e2e:${randomUUID()}`;
  let a: Awaited<ReturnType<typeof startGateway>>;
  let b: Awaited<ReturnType<typeof startGateway>>;
  beforeAll(async () => {
    const env = {
      REDIS_URL: redisUrl,
      CACHE_KEY_PREFIX: prefix,
      API_KEYS,
      RATE_LIMITS: 'analyst=5,developer=1000',
      MAX_BODY_BYTES: '20000',
    };
    [a, b] = await Promise.all([startGateway('gateway-a', env), startGateway('gateway-b', env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.service.stop(), b?.service.stop()]);
    await deleteKeysWithPrefix(redisUrl, prefix);
  });

  it('share APQ registrations: a hash registered at one is served by the other', async () => {
    const query = 'query SharedByReplicas { marketplaces { id currency } }';
    const hash = sha256Hex(query);
    expect((await post(a.url, persisted(hash))).body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Whatever marketplaces the catalog lists (the built-in ones and MARKETPLACES_FILE's), B answers as A did.
    const listed = (await post(a.url, { query, ...persisted(hash) })).body.data?.marketplaces as unknown[];
    expect(listed.length).toBeGreaterThan(0);
    await expect.poll(async () => (await post(b.url, persisted(hash))).body.data?.marketplaces).toEqual(listed);
    expect(await metric(b.origin, 'tradegraph_gateway_cache_lookups_total', 'cache="apq",result="hit"')).toBeGreaterThanOrEqual(1);
  });

  it('share the response cache: public data one fetched, the other serves without calling a subgraph', async () => {
    const query = { query: print(MarketplacesDocument) };
    const first = await post(a.url, query);
    expect(first.headers.get('x-cache')).toBe('MISS');
    // The catalog's `@cacheControl(maxAge: 3600)` on Marketplace, passed on by the gateway.
    expect(first.headers.get('cache-control')).toBe('max-age=3600, public');
    const subgraphCalls = await metric(b.origin, 'tradegraph_gateway_subgraph_requests_total');
    const second = await post(b.url, query);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect(await metric(b.origin, 'tradegraph_gateway_subgraph_requests_total')).toBe(subgraphCalls);
  });

  it('cache entity lookups: a repeated search does not ask customs again for import charges it has seen', async () => {
    const search = { query: print(SearchDocument), variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 5 } };
    expect((await post(a.url, search)).body.errors).toBeUndefined();
    const customsCalls = await metric(a.origin, 'tradegraph_gateway_subgraph_requests_total', 'subgraph="customs"');
    const again = await post(a.url, search);
    expect(again.body.errors).toBeUndefined();
    expect(await metric(a.origin, 'tradegraph_gateway_subgraph_requests_total', 'subgraph="customs"')).toBe(customsCalls);
    expect(await metric(a.origin, 'tradegraph_gateway_cache_lookups_total', 'cache="entity",result="hit"')).toBeGreaterThan(0);
  });

  it('share rate limits: one key’s window counts requests at both, with RateLimit headers and a 429', async () => {
    const headers = { 'x-api-key': analyst.key };
    const query = { query: '{ marketplaces { id } }' };
    const remaining: Array<string | null> = [];
    for (const gateway of [a, b, a, b, a]) {
      const answer = await post(gateway.url, query, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBe('5');
      remaining.push(answer.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const limited = await post(b.url, query, headers);
    expect(limited.status).toBe(429);
    expect(limited.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('refuse an over-budget operation before any subgraph or sandbox is called, stating cost and budget', async () => {
    await resetSandboxes();
    const subgraphCalls = await metric(a.origin, 'tradegraph_gateway_subgraph_requests_total');
    const answer = await post(a.url, {
      query: print(SearchDocument),
      variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 100 },
    });
    expect(answer.status).toBe(400);
    const error = answer.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', budget: 15_000, tier: 'developer' });
    expect(error?.message).toContain(`estimated cost is ${error?.extensions?.cost as number}, over the budget of 15000`);
    expect(await sandboxTotal()).toBe(0);
    expect(await metric(a.origin, 'tradegraph_gateway_subgraph_requests_total')).toBe(subgraphCalls);
  });

  it('answer bad input without reaching a subgraph: 413, 400, PERSISTED_QUERY_NOT_FOUND, 401', async () => {
    await resetSandboxes();
    const subgraphCalls = await metric(a.origin, 'tradegraph_gateway_subgraph_requests_total');
    const tooLarge = await post(a.url, { query: `{ marketplaces { id } } # ${'x'.repeat(30_000)}` });
    expect([tooLarge.status, tooLarge.body.errors?.[0]?.extensions?.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const malformed = await post(a.url, '{"query": ');
    expect([malformed.status, malformed.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    const noQuery = await post(a.url, { variables: {} });
    expect([noQuery.status, noQuery.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    const unknownHash = await post(a.url, persisted('f'.repeat(64)));
    expect(unknownHash.body.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    for (const key of ['tg_not-a-key', revoked.key]) {
      const refused = await post(a.url, { query: '{ marketplaces { id } }' }, { 'x-api-key': key });
      expect([refused.status, refused.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
    expect(await sandboxTotal()).toBe(0);
    expect(await metric(a.origin, 'tradegraph_gateway_subgraph_requests_total')).toBe(subgraphCalls);
  });

  it('expose the series on /metrics', async () => {
    // Both replicas' series: the 429 above was answered by b.
    const text = (await (await fetch(`${a.origin}/metrics`)).text()) + (await (await fetch(`${b.origin}/metrics`)).text());
    for (const pattern of [
      /tradegraph_gateway_requests_total\{operation="Marketplaces",type="query",status="200"\} \d+/,
      /tradegraph_gateway_request_duration_seconds_bucket\{operation="Search",le="0.5"\} \d+/,
      /tradegraph_gateway_errors_total\{code="PERSISTED_QUERY_NOT_FOUND"\} [1-9]/,
      /tradegraph_gateway_errors_total\{code="COST_ESTIMATED_TOO_EXPENSIVE"\} [1-9]/,
      /tradegraph_gateway_errors_total\{code="UNAUTHENTICATED"\} [1-9]/,
      /tradegraph_gateway_errors_total\{code="PAYLOAD_TOO_LARGE"\} [1-9]/,
      /tradegraph_gateway_subgraph_requests_total\{subgraph="catalog",status="200"\} [1-9]/,
      /tradegraph_gateway_subgraph_request_duration_seconds_count\{subgraph="payments"\} [1-9]/,
      /tradegraph_gateway_cache_lookups_total\{cache="response",result="miss"\} [1-9]/,
      /tradegraph_gateway_cache_lookups_total\{cache="apq",result="registered"\} [1-9]/,
      /tradegraph_gateway_store_errors_total\{store="cache"\} 0/,
      /tradegraph_gateway_rate_limited_total\{tier="analyst"\} [1-9]/,
    ]) {
      expect(text).toMatch(pattern);
    }
  });

  it('pass the client’s request id to the subgraph and its sandbox upstream, and log it at each', async () => {
    const answer = await post(
      a.url,
      { query: print(SearchCatalogDocument), variables: { query: 'tea', shipTo: 'DE', first: 3 } },
      { 'x-request-id': 'e2e-gateway-request-1' },
    );
    expect(answer.body.errors).toBeUndefined();
    expect(answer.headers.get('x-request-id')).toBe('e2e-gateway-request-1');
    await expect
      .poll(
        () => new Set(logLines.filter(({ line }) => line.includes('"requestId":"e2e-gateway-request-1"')).map(({ service }) => service)),
      )
      .toEqual(new Set(['gateway-a', 'catalog', 'sandbox']));
  });
});

describe.skipIf(!hasRedisServer)('a gateway whose Redis goes away, and its lifecycle', () => {
  let redis: RedisServer | undefined;
  let redisPort: number;
  let c: Awaited<ReturnType<typeof startGateway>>;
  let supergraphPath: string;
  beforeAll(async () => {
    const port = (redisPort = await freePort());
    redis = await startRedisServer(port);
    supergraphPath = join(mkdtempSync(join(tmpdir(), 'tradegraph-e2e-')), 'supergraph.graphql');
    writeFileSync(supergraphPath, readFileSync(stack.supergraphPath, 'utf8'));
    c = await startGateway('gateway-c', { REDIS_URL: `redis://127.0.0.1:${port}`, API_KEYS, SHUTDOWN_GRACE_MS: '10000' }, supergraphPath);
  });
  afterAll(async () => {
    await c?.service.stop();
    await redis?.stop();
  });

  const lines = (message: string) => logLines.filter(({ service, line }) => service === 'gateway-c' && line.includes(`"msg":"${message}"`));

  it('fails no query while its Redis is stopped mid-run, logs the outage once per store, and recovers by itself', async () => {
    const registered = 'query OutageProbe { marketplaces { id } }';
    const queries = [
      () => post(c.url, { query: print(MarketplacesDocument) }), // response cache
      () => post(c.url, { query: registered, ...persisted(sha256Hex(registered)) }), // APQ registration
      () => post(c.url, { query: '{ marketplaces { name } }' }, { 'x-api-key': analyst.key }), // rate limit of a key
      () => post(c.url, { query: print(SearchCatalogDocument), variables: { query: 'tea', shipTo: 'BR', first: 2 } }),
    ];
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      if (i === 12) await redis!.stop(); // by the PID this test started, never the shared Redis
      const answer = await queries[i % queries.length]!();
      if (answer.status !== 200 || answer.body.errors) failures.push(`#${i}: ${answer.status} ${JSON.stringify(answer.body.errors)}`);
    }
    expect(failures).toEqual([]);
    // The lines come through the gateway's output, which can arrive after the answer to the query that logged them.
    await expect.poll(() => lines('cache unavailable: reads miss and writes are skipped until it recovers')).toHaveLength(1);
    await expect.poll(() => lines('rate-limit store unavailable: limits are counted per replica until it recovers')).toHaveLength(1);
    expect(await metric(c.origin, 'tradegraph_gateway_store_errors_total', 'store="cache"')).toBeGreaterThan(0);
    expect(await metric(c.origin, 'tradegraph_gateway_store_errors_total', 'store="rate_limit"')).toBeGreaterThan(0);

    redis = await startRedisServer(redisPort);
    await expect
      .poll(
        async () => {
          await queries[0]!();
          return lines('cache recovered').length;
        },
        { timeout: 10_000, interval: 200 },
      )
      .toBe(1);
    // once per store for the whole outage, however many commands failed in it
    expect(lines('cache unavailable: reads miss and writes are skipped until it recovers')).toHaveLength(1);
    expect(lines('rate-limit store unavailable: limits are counted per replica until it recovers')).toHaveLength(1);
    const errors = await metric(c.origin, 'tradegraph_gateway_store_errors_total');
    expect((await queries[1]!()).status).toBe(200);
    expect(await metric(c.origin, 'tradegraph_gateway_store_errors_total')).toBe(errors);
  });

  it('reloads its supergraph on SIGHUP without failing a query under way', async () => {
    const sdl = readFileSync(supergraphPath, 'utf8');
    const catalogUrl = stack.subgraphUrls.catalog!;
    expect(sdl).toContain(`url: "${catalogUrl}"`);
    let answered = 0;
    const failures: string[] = [];
    const traffic = (async () => {
      for (let i = 0; i < 30; i++) {
        const answer = await post(c.url, { query: print(SearchCatalogDocument), variables: { query: 'tea', shipTo: 'DE', first: 2 } });
        answered++;
        if (answer.status !== 200 || answer.body.errors) failures.push(`#${i}: ${answer.status} ${JSON.stringify(answer.body.errors)}`);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The same catalog at a URL that differs (a query string): the gateway must build a new pool for it.
    writeFileSync(supergraphPath, sdl.replace(`url: "${catalogUrl}"`, `url: "${catalogUrl}?supergraph=2"`));
    process.kill(c.service.pid!, 'SIGHUP');
    await traffic;
    expect(answered).toBe(30);
    expect(failures).toEqual([]);
    await expect.poll(() => lines('supergraph reloaded').length).toBe(1);
    expect((await (await fetch(`${c.origin}/ready`)).json()) as { subgraphs: Array<{ url: string }> }).toMatchObject({
      subgraphs: expect.arrayContaining([expect.objectContaining({ url: `${catalogUrl}?supergraph=2` })]),
    });
  });

  it('drains on SIGTERM: a request under way is answered, then the process exits', async () => {
    const slowMarketplace = 'jp-ichiba';
    await fetch(`${stack.sandboxUrls[slowMarketplace]}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fault: 'slow:1000' }),
    });
    try {
      const started = performance.now();
      const inFlight = post(c.url, { query: print(SearchCatalogDocument), variables: { query: 'tea', shipTo: 'DE', first: 3 } });
      await new Promise((resolve) => setTimeout(resolve, 250));
      const stopped = c.service.stop(); // SIGTERM, then waits for the exit
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(performance.now() - started).toBeGreaterThan(900);
      await stopped;
      expect(lines('gateway stopped')).toHaveLength(1);
      await expect(fetch(`${c.origin}/health`)).rejects.toThrow();
    } finally {
      await fetch(`${stack.sandboxUrls[slowMarketplace]}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fault: null }),
      });
    }
  });
});
