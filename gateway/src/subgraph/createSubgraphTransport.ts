import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, type Dispatcher } from 'undici';
import { retryAfterMs } from '#packages/http/index.js';

/** How one attempt ended: the HTTP status, or `timeout` / `network_error` when there was none. */
export type AttemptOutcome = string;

export interface SubgraphTransportOptions {
  /** Where the subgraph answers; requests go to its path over a pool for its origin. */
  readonly url: string;
  /** Time allowed for one attempt, from sending to the last byte of the answer. */
  readonly timeoutMs: number;
  /** Keep-alive connections in the pool. Default: 64. */
  readonly connections?: number;
  /** Extra attempts for an idempotent request (a query). Default: 0. */
  readonly retries?: number;
  /** Longest Retry-After honoured before a retry; a longer one fails at once. Default: 1000 ms. */
  readonly maxRetryAfterMs?: number;
  /** Told of every attempt, for the per-subgraph metrics. */
  readonly onAttempt?: (outcome: AttemptOutcome, seconds: number) => void;
  /** A pool to send over instead of one of its own (closed by whoever made it). */
  readonly pool?: Pool;
}

/** A subgraph's answer as it came over the wire: nothing parsed but the status line and headers. */
export interface RawSubgraphResponse {
  readonly status: number;
  readonly statusText: string;
  /** Lower-case names, as undici parses them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body's bytes as they were read, never joined: `parseJsonChunks` parses a long answer in pieces. */
  readonly chunks: readonly Uint8Array[];
  /** The body as text, decoded when first read. */
  readonly text: string;
}

/**
 * The one way the gateway sends a request to a subgraph, whichever engine executes the plan:
 * @apollo/gateway's data sources reach it through a fetch-shaped adapter
 * (`createSubgraphFetcher`), the Tradegraph engine directly with a body it serialized itself.
 */
export interface SubgraphTransport {
  readonly pool: Pool;
  /** POSTs a JSON body. An idempotent request is retried after a refused or reset connection or a 502/503. */
  post(body: string, headers: Readonly<Record<string, string>>, idempotent: boolean, path?: string): Promise<RawSubgraphResponse>;
  /** Closes the pool, if it is the transport's own. */
  close(): Promise<void>;
}

const RETRYABLE_STATUS = new Set([502, 503]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * One undici keep-alive pool per subgraph, a timeout per attempt, and retries for idempotent
 * requests only (a Retry-After up to `maxRetryAfterMs` is honoured). A timed-out query is not
 * retried: a second wait as long would spend the time the client is waiting for. A mutation is
 * never retried: the subgraph may have acted on it before the connection broke. Failures are
 * reported as undici's `fetch` reports them (`TypeError: fetch failed` with the socket error as
 * cause, a `TimeoutError`), which is what @apollo/gateway's data sources passed on before.
 */
export function createSubgraphTransport(options: SubgraphTransportOptions): SubgraphTransport {
  const { timeoutMs, retries = 0, maxRetryAfterMs = 1_000, onAttempt } = options;
  const url = new URL(options.url);
  const defaultPath = url.pathname + url.search;
  const ownPool = options.pool === undefined;
  const pool = options.pool ?? new Pool(url.origin, { connections: options.connections ?? 64, pipelining: 1, keepAliveTimeout: 30_000 });

  return {
    pool,
    async post(body, headers, idempotent, path = defaultPath) {
      const attempts = 1 + (idempotent ? retries : 0);
      const request: Dispatcher.DispatchOptions = {
        path,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body,
      };
      for (let attempt = 1; ; attempt++) {
        const started = performance.now();
        const seconds = () => (performance.now() - started) / 1000;
        try {
          const response = await sendOnce(pool, request, timeoutMs);
          onAttempt?.(String(response.status), seconds());
          if (attempt < attempts && RETRYABLE_STATUS.has(response.status)) {
            const wait = retryAfterMs(response.headers['retry-after']) ?? 0;
            if (wait <= maxRetryAfterMs) {
              await sleep(Math.max(wait, backoffMs(attempt)));
              continue;
            }
          }
          return response;
        } catch (error) {
          const timedOut = error instanceof Error && error.name === 'TimeoutError';
          onAttempt?.(timedOut ? 'timeout' : 'network_error', seconds());
          if (timedOut || attempt >= attempts || !RETRYABLE_NETWORK_CODES.has(networkCode(error))) throw error;
          await sleep(backoffMs(attempt));
        }
      }
    },
    close: () => (ownPool ? pool.close() : Promise.resolve()),
  };
}

/** One attempt, read straight off undici's dispatcher: no response stream, the body's chunks kept as they came. */
function sendOnce(pool: Pool, request: Dispatcher.DispatchOptions, timeoutMs: number): Promise<RawSubgraphResponse> {
  return new Promise<RawSubgraphResponse>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status = 0;
    let statusText = '';
    let headers: RawSubgraphResponse['headers'] = {};
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      const error = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
      controller?.abort(error);
      reject(error);
    }, timeoutMs);
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(new TypeError('fetch failed', { cause: error }));
    };
    try {
      pool.dispatch(request, {
        onRequestStart(started) {
          controller = started;
          // still queued for a connection when the attempt timed out: it goes no further
          if (settled) started.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
        },
        onResponseStart(_controller, statusCode, responseHeaders, statusMessage) {
          status = statusCode;
          statusText = statusMessage ?? '';
          headers = responseHeaders;
        },
        onResponseData(_controller, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(new ReceivedAnswer(status, statusText, headers, chunks));
        },
        onResponseError(_controller, error) {
          fail(error);
        },
      });
    } catch (error) {
      fail(error);
    }
  });
}

/** An answer as `sendOnce` read it; its text is decoded only for whoever asks (an error, the stock engine's fetch). */
class ReceivedAnswer implements RawSubgraphResponse {
  private decoded: string | undefined;

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly headers: RawSubgraphResponse['headers'],
    readonly chunks: readonly Buffer[],
  ) {}

  get text(): string {
    this.decoded ??= this.chunks.length === 1 ? this.chunks[0]!.toString('utf8') : Buffer.concat(this.chunks).toString('utf8');
    return this.decoded;
  }
}

/** 50 ms, 100 ms, 200 ms… with jitter, so replicas retrying together do not arrive together. */
function backoffMs(attempt: number): number {
  return 50 * 2 ** (attempt - 1) + Math.floor(Math.random() * 50);
}

/** The socket's error code, on the cause of `fetch failed`. */
function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : '';
}
