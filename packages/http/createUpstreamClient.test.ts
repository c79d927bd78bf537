import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../errors/index.js';
import { runWithRequestContext } from '../log/index.js';
import { listen, type RunningServer } from '../server/index.js';
import { createUpstreamClient, type UpstreamClient } from './index.js';

/** A vendor whose next answers are scripted per test. */
let script: Array<(request: IncomingMessage, response: ServerResponse) => void> = [];
const seen: IncomingMessage[] = [];
let server: RunningServer;
let client: UpstreamClient;

beforeAll(async () => {
  server = await listen(
    createServer((request, response) => {
      seen.push(request);
      const next = script.shift() ?? ((_q, r) => r.end('{"ok":true}'));
      next(request, response);
    }),
    '127.0.0.1',
    0,
  );
  client = createUpstreamClient({
    upstream: 'test-vendor',
    baseUrl: server.url + '/api',
    timeoutMs: 300,
    retries: 2,
    circuitBreaker: false,
  });
});
afterAll(async () => {
  await client.close();
  await server.close();
});
beforeEach(() => {
  script = [];
  seen.length = 0;
});

const status =
  (code: number, headers: Record<string, string> = {}) =>
  (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(code, headers).end('{"error":"vendor words"}');
  };

describe('createUpstreamClient', () => {
  it('retries an idempotent read after a 503 and returns the answer', async () => {
    script = [status(503), status(503)];
    const response = await client.request({ path: '/items', query: { q: 'tea', page: 2 } });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(3);
    expect(seen[0]?.url).toBe('/api/items?q=tea&page=2');
  });

  it('never repeats a write that is not marked idempotent', async () => {
    script = [status(503)];
    const error = await client.request({ method: 'POST', path: '/orders', body: '{}' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).status).toBe(503);
    expect(seen).toHaveLength(1);
  });

  it('waits as long as Retry-After says before trying again', async () => {
    script = [status(429, { 'retry-after': '1' })];
    const started = Date.now();
    const response = await client.request({ path: '/items' });
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('gives up at once when Retry-After is longer than it may wait, saying how long', async () => {
    script = [status(429, { 'retry-after': '30' })];
    const error = (await client.request({ path: '/items' }).catch((e: unknown) => e)) as UpstreamError;
    expect(error.failure).toBe('rate-limited');
    expect(error.retryAfterSeconds).toBe(30);
    expect(seen).toHaveLength(1);
  });

  it('times out a vendor that does not answer', async () => {
    script = [() => undefined, () => undefined, () => undefined];
    const error = (await client.request({ path: '/slow' }).catch((e: unknown) => e)) as UpstreamError;
    expect(error.failure).toBe('timeout');
  });

  it('stops at the caller’s deadline, retries included', async () => {
    // Each answer takes 80 ms and the caller allows 100 ms: a second try may start, a third never.
    const slow503 = (_request: IncomingMessage, response: ServerResponse) => void setTimeout(() => status(503)(_request, response), 80);
    script = [slow503, slow503, slow503];
    const error = (await client.request({ path: '/items', signal: AbortSignal.timeout(100) }).catch((e: unknown) => e)) as UpstreamError;
    expect(error).toBeInstanceOf(UpstreamError);
    // An aborted request may still reach the server late; let it land on this test's script.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.length).toBeLessThanOrEqual(2);
  });

  it('passes 4xx answers to the adapter to read in the vendor’s terms', async () => {
    script = [status(401)];
    const response = await client.request({ path: '/items' });
    expect(response.status).toBe(401);
    expect(response.text).toContain('vendor words');
  });

  it('forwards the request id of the request it serves', async () => {
    await runWithRequestContext({ requestId: 'req-123' }, () => client.request({ path: '/items' }));
    expect(seen[0]?.headers['x-request-id']).toBe('req-123');
  });

  it('reports an unreachable vendor as unavailable', async () => {
    const nowhere = createUpstreamClient({ upstream: 'gone', baseUrl: 'http://127.0.0.1:1', timeoutMs: 300, retries: 0 });
    const error = (await nowhere.request({ path: '/' }).catch((e: unknown) => e)) as UpstreamError;
    await nowhere.close();
    expect(error.failure).toBe('unavailable');
    expect(error.upstream).toBe('gone');
    expect(error.reached).toBe(false); // connection refused: nothing was sent
  });

  it('says a request that timed out after sending may have reached the vendor', async () => {
    script = [() => undefined];
    const error = (await client.request({ method: 'POST', path: '/orders', body: '{}' }).catch((e: unknown) => e)) as UpstreamError;
    expect(error.failure).toBe('timeout');
    expect(error.reached).toBe(true);
  });

  it('lets the next call try when a half-open trial is abandoned at its caller’s deadline', async () => {
    const guarded = createUpstreamClient({
      upstream: 'recovering-vendor',
      baseUrl: server.url,
      timeoutMs: 300,
      retries: 1,
      circuitBreaker: { failureThreshold: 1, cooldownMs: 100 },
    });
    script = [status(503), status(503)];
    await guarded.request({ path: '/items' }).catch(() => undefined);
    expect(guarded.circuit?.state).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, 150));

    // The trial call: the vendor does not answer and the caller's deadline passes first.
    script = [() => undefined];
    const abandoned = (await guarded
      .request({ path: '/items', signal: AbortSignal.timeout(50) })
      .catch((e: unknown) => e)) as UpstreamError;
    expect(abandoned.failure).toBe('timeout');

    // The vendor is back: the next call is let through instead of being refused forever.
    script = [];
    expect((await guarded.request({ path: '/items' })).status).toBe(200);
    expect(guarded.circuit?.state).toBe('closed');
    await guarded.close();
  });

  it('skips a vendor that keeps failing until its cool-down has passed, then tries once', async () => {
    const guarded = createUpstreamClient({
      upstream: 'flaky-vendor',
      baseUrl: server.url,
      timeoutMs: 300,
      retries: 0,
      circuitBreaker: { failureThreshold: 3, cooldownMs: 200 },
    });
    script = [status(503), status(503), status(503)];
    for (let i = 0; i < 3; i++) await guarded.request({ path: '/items' }).catch(() => undefined);
    expect(guarded.circuit?.state).toBe('open');

    const skipped = (await guarded.request({ path: '/items' }).catch((e: unknown) => e)) as UpstreamError;
    expect(skipped.failure).toBe('unavailable');
    expect(skipped.message).toMatch(/circuit opened after 3 failures/);
    expect(seen).toHaveLength(3); // the vendor was not called

    await new Promise((resolve) => setTimeout(resolve, 250));
    expect((await guarded.request({ path: '/items' })).status).toBe(200);
    expect(guarded.circuit?.state).toBe('closed');
    await guarded.close();
  });
});
