import diagnostics from 'node:diagnostics_channel';

/** One HTTP request and its answer, as the conformance report shows a failure's evidence. */
export interface Exchange {
  readonly method: string;
  readonly url: string;
  readonly requestHeaders: Readonly<Record<string, string>>;
  requestBody: string;
  status: number | undefined;
  responseBody: string;
  error: string | undefined;
}

export interface ExchangeRecorder {
  /** What was sent and answered since the last `clear`, oldest first. */
  exchanges(): readonly Exchange[];
  clear(): void;
  stop(): void;
}

/** Secrets never go into a report: signatures and tokens are shown as their header names only. */
const HIDDEN = new Set(['authorization', 'x-connector-signature']);
const MAX_BODY = 2_000;

type RequestMessage = { request: { method: string; origin: string; path: string; headers: string[] | string } };

/**
 * Records every HTTP exchange this process makes through undici (the adapters' clients and
 * `fetch` alike) from its diagnostics channels: nothing in the adapter under test changes to be
 * watched. Sandbox controls (`/__sandbox/…`) are left out: they are the test's, not the protocol's.
 */
export function recordExchanges(): ExchangeRecorder {
  let recorded: Exchange[] = [];
  const byRequest = new WeakMap<object, Exchange>();
  const handlers: Record<string, (message: unknown) => void> = {
    'undici:request:create': (message) => {
      const { request } = message as RequestMessage;
      if (request.path.startsWith('/__sandbox/')) return;
      const exchange: Exchange = {
        method: request.method,
        url: request.origin + request.path,
        requestHeaders: headersOf(request.headers),
        requestBody: '',
        status: undefined,
        responseBody: '',
        error: undefined,
      };
      byRequest.set(request, exchange);
      recorded.push(exchange);
    },
    'undici:request:bodyChunkSent': (message) => append(message, 'requestBody'),
    'undici:request:headers': (message) => {
      const { request, response } = message as RequestMessage & { response: { statusCode: number } };
      const exchange = byRequest.get(request);
      if (exchange) exchange.status = response.statusCode;
    },
    'undici:request:bodyChunkReceived': (message) => append(message, 'responseBody'),
    'undici:request:error': (message) => {
      const { request, error } = message as RequestMessage & { error: Error };
      const exchange = byRequest.get(request);
      if (exchange) exchange.error = error.message;
    },
  };
  const append = (message: unknown, field: 'requestBody' | 'responseBody') => {
    const { request, chunk } = message as RequestMessage & { chunk: Uint8Array | string };
    const exchange = byRequest.get(request);
    if (exchange && exchange[field].length < MAX_BODY)
      exchange[field] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  };
  for (const [channel, handler] of Object.entries(handlers)) diagnostics.subscribe(channel, handler);
  return {
    exchanges: () => recorded,
    clear: () => {
      recorded = [];
    },
    stop: () => {
      for (const [channel, handler] of Object.entries(handlers)) diagnostics.unsubscribe(channel, handler);
    },
  };
}

function headersOf(raw: string[] | string): Record<string, string> {
  const pairs: Array<[string, string]> = [];
  if (Array.isArray(raw)) for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  else
    for (const line of raw.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) pairs.push([line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()]);
    }
  return Object.fromEntries(pairs.map(([name, value]) => [name, HIDDEN.has(name) ? '(hidden)' : value]));
}
