import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext, type Logger } from '../log/index.js';
import { readBody } from '../server/index.js';
import { readTestTrigger } from '../testmode/index.js';
import { formatFault, parseFault, type Fault } from './faults.js';
import { matchesQuery, sellerShipsTo, type SeedListing, type SeedSeller } from './seedListings.js';

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface SandboxResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Serialized as JSON unless it is a string. */
  body: unknown;
}

export interface SandboxRoute {
  method: string;
  path: string;
  /**
   * The vendor's name for the operation, counted in `/__sandbox/stats`. Several operations may
   * share one path (RPC-style APIs), so a route can pick its name from the request.
   */
  endpoint: string | ((request: SandboxRequest) => string);
  handle(request: SandboxRequest): SandboxResponse | Promise<SandboxResponse>;
}

export interface SandboxServerOptions {
  /** The upstream's id: the same id the API uses for it and `SANDBOX_FAULTS` names. */
  id: string;
  routes: SandboxRoute[];
  logger: Logger;
  fault?: Fault | undefined;
  /** A body that looks like the vendor's but is wrong, for the `garbage` fault. */
  garbage?: () => SandboxResponse;
  /** A marketplace's seeded catalog, so `GET /__sandbox/matches?q=` can say how many listings a search must find. */
  listings?: readonly SeedListing[];
  /** Its sellers, so `matches?q=&shipTo=` can count only listings whose seller ships there. */
  sellers?: readonly SeedSeller[];
}

export interface SandboxStats {
  upstream: string;
  total: number;
  byEndpoint: Record<string, number>;
}

/**
 * One answered call, as `GET /__sandbox/calls` lists it: which request of the caller's it served
 * (the `x-request-id` the gateway, subgraphs and upstream clients forward) and when it was received
 * and answered, in milliseconds since the epoch, fractional, on this process's clock.
 */
export interface SandboxCall {
  upstream: string;
  endpoint: string;
  requestId: string;
  receivedAt: number;
  answeredAt: number;
}

/** Calls kept for `/__sandbox/calls`; older ones are dropped first. */
const CALL_LOG_SIZE = 20_000;

/**
 * A vendor API stand-in: real HTTP, the vendor's own style (set by its routes), plus the
 * `/__sandbox/*` admin endpoints: `GET stats`, `DELETE stats` (which also empties the call log),
 * `GET calls` (the last calls with their request ids and timings, for benchmarks that find a
 * request's critical path), `GET|POST faults`, and for marketplaces `GET matches?q=&shipTo=` (how
 * many listings match a query, and ship there).
 */
export function createSandboxServer(options: SandboxServerOptions): Server {
  const { id, routes, logger } = options;
  let fault = options.fault;
  let stats: SandboxStats = { upstream: id, total: 0, byEndpoint: {} };
  let calls: SandboxCall[] = [];
  const garbage = options.garbage ?? (() => ({ body: { unexpected: '%%garbage%%', items: 'not-a-list' } }));

  const admin = async (request: SandboxRequest): Promise<SandboxResponse> => {
    if (request.path === '/__sandbox/stats' && request.method === 'GET') return { body: stats };
    if (request.path === '/__sandbox/stats' && request.method === 'DELETE') {
      stats = { upstream: id, total: 0, byEndpoint: {} };
      calls = [];
      return { body: stats };
    }
    if (request.path === '/__sandbox/calls' && request.method === 'GET') return { body: { upstream: id, calls } };
    if (request.path === '/__sandbox/matches' && request.method === 'GET' && options.listings) {
      const query = request.query.get('q') ?? '';
      const shipTo = request.query.get('shipTo');
      const ships = (listing: SeedListing) => {
        const seller = options.sellers?.[listing.sellerIndex];
        return shipTo === null || (seller !== undefined && sellerShipsTo(seller, shipTo));
      };
      const count = options.listings.filter((listing) => matchesQuery(listing, query) && ships(listing)).length;
      return { body: { upstream: id, query, shipTo, count } };
    }
    if (request.path === '/__sandbox/faults' && request.method === 'GET') {
      return { body: { upstream: id, fault: fault ? formatFault(fault) : null } };
    }
    if (request.path === '/__sandbox/faults' && request.method === 'POST') {
      try {
        const { fault: text } = JSON.parse(request.body || '{}') as { fault?: unknown };
        if (text !== null && typeof text !== 'string') throw new Error('body must be {"fault": "<fault>"} or {"fault": null}');
        fault = text === null ? undefined : parseFault(text);
        logger.info('fault set', { upstream: id, fault: text });
        if (fault?.kind === 'closed') setImmediate(closeFor, fault.ms); // once this answer is out
        return { body: { upstream: id, fault: text } };
      } catch (error) {
        return { status: 400, body: { error: error instanceof Error ? error.message : String(error) } };
      }
    }
    return { status: 404, body: { error: `no sandbox endpoint ${request.method} ${request.path}` } };
  };

  const handle = async (incoming: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> => {
    const receivedAt = now();
    const url = new URL(incoming.url ?? '/', 'http://sandbox');
    const request: SandboxRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body: await readBody(incoming, 1_000_000),
    };
    const route = routes.find((r) => r.method === request.method && r.path === request.path);
    // Sandbox controls are neither counted nor faulted; an upstream may add its own (`route`).
    if (request.path.startsWith('/__sandbox/')) return send(response, route ? await route.handle(request) : await admin(request));

    const endpoint = route
      ? typeof route.endpoint === 'string'
        ? route.endpoint
        : route.endpoint(request)
      : `${request.method} ${request.path}`;
    stats.total += 1;
    stats.byEndpoint[endpoint] = (stats.byEndpoint[endpoint] ?? 0) + 1;
    response.once('finish', () => {
      if (calls.length >= CALL_LOG_SIZE) calls.splice(0, calls.length - CALL_LOG_SIZE + 1);
      calls.push({ upstream: id, endpoint, requestId, receivedAt, answeredAt: now() });
    });
    logger.info('upstream request', { upstream: id, endpoint, fault: fault ? formatFault(fault) : undefined });

    switch (fault?.kind) {
      case 'closed': // a keep-alive connection from before the listener closed
      case 'down':
        incoming.socket.destroy(); // like a host that is gone: the connection just drops
        return;
      case 'slow':
        await sleep(fault.ms);
        break;
      case 'error':
        return send(response, { status: fault.status, body: { error: `sandbox fault error:${fault.status}` } });
      case 'ratelimit':
        return send(response, { status: 429, headers: { 'retry-after': '1' }, body: { error: 'Too Many Requests' } });
      case 'garbage':
        return send(response, garbage());
      case undefined:
        break;
    }
    if (!route) return send(response, { status: 404, body: { error: `no such endpoint ${request.method} ${request.path}` } });
    send(response, await route.handle(request));
  };

  /** Refuses connections for `ms` (no listener), then listens again on the same address, state kept. */
  const closeFor = (ms: number) => {
    const address = server.address();
    if (address === null || typeof address === 'string') return;
    server.close();
    server.closeAllConnections();
    setTimeout(() => {
      fault = undefined;
      server.listen(address.port, address.address, () => logger.info('listening again after closed fault', { upstream: id }));
    }, ms).unref();
  };

  const server = createServer((incoming, response) => {
    const requestId = requestIdFrom(incoming.headers[REQUEST_ID_HEADER]);
    // A test-mode trigger (`x-tradegraph-test-trigger`) is the sandbox's own test mode: the ledgers
    // and routes that own the outcome read it (`currentTestTrigger`) and answer in the vendor's words.
    const testTrigger = readTestTrigger(incoming.headers);
    runWithRequestContext({ requestId, ...(testTrigger !== undefined && { testTrigger }) }, () => {
      handle(incoming, response, requestId).catch((error: unknown) => {
        logger.error('sandbox handler failed', { upstream: id, error });
        if (!response.headersSent) send(response, { status: 500, body: { error: 'sandbox failure' } });
      });
    });
  });
  return server;
}

/** Wall-clock milliseconds with the monotonic clock's resolution, comparable across upstreams of one process. */
const now = () => performance.timeOrigin + performance.now();

function send(response: ServerResponse, result: SandboxResponse): void {
  if (response.destroyed) return;
  const isText = typeof result.body === 'string';
  response.statusCode = result.status ?? 200;
  if (!result.headers?.['content-type']) {
    response.setHeader('content-type', isText ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8');
  }
  for (const [key, value] of Object.entries(result.headers ?? {})) response.setHeader(key, value);
  response.end(isText ? (result.body as string) : JSON.stringify(result.body));
}
