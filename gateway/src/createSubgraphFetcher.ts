import { setTimeout as sleep } from 'node:timers/promises';
import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { fetch, type Pool } from 'undici';
import { retryAfterMs } from '../../packages/http/index.js';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * Marks a subgraph request as safe to repeat (a query). Set by the data source, which knows the
 * operation, and removed here before the request leaves, so it never reaches a subgraph.
 */
export const IDEMPOTENT_MARKER_HEADER = 'x-tradegraph-idempotent';

/** How one attempt ended: the HTTP status, or `timeout` / `network_error` when there was none. */
export type AttemptOutcome = string;

export interface SubgraphFetcherOptions {
  pool: Pool;
  timeoutMs: number;
  /** Extra attempts for a marked (idempotent) request. */
  retries: number;
  /** Longest Retry-After honoured before a retry; a longer one fails at once. Default: 1000 ms. */
  maxRetryAfterMs?: number;
  onAttempt?: (outcome: AttemptOutcome, seconds: number) => void;
}

const RETRYABLE_STATUS = new Set([502, 503]);
const RETRYABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * The data source's fetcher: one undici pool, a timeout per attempt, and retries for queries only,
 * after a refused or reset connection or a 502/503 (honouring a short Retry-After). A timed-out
 * query is not retried: a second wait as long would spend the time the client is waiting for.
 * A mutation is never retried: the subgraph may have acted on it before the connection broke.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions): Fetcher {
  const { pool, timeoutMs, retries, maxRetryAfterMs = 1_000, onAttempt } = options;
  const fetcher = async (url: string, init?: Parameters<Fetcher>[1]) => {
    const { [IDEMPOTENT_MARKER_HEADER]: marker, ...headers } = init?.headers ?? {};
    const attempts = 1 + (marker === '1' ? retries : 0);
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const response = await fetch(url, {
          method: init?.method,
          headers,
          body: init?.body,
          dispatcher: pool,
          signal: AbortSignal.timeout(timeoutMs),
        });
        onAttempt?.(String(response.status), seconds());
        const wait = RETRYABLE_STATUS.has(response.status)
          ? (retryAfterMs(response.headers.get('retry-after') ?? undefined) ?? 0)
          : undefined;
        if (attempt < attempts && wait !== undefined && wait <= maxRetryAfterMs) {
          await response.body?.cancel();
          await sleep(Math.max(wait, backoffMs(attempt)));
          continue;
        }
        return response;
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        onAttempt?.(timedOut ? 'timeout' : 'network_error', seconds());
        if (timedOut || attempt >= attempts || !RETRYABLE_NETWORK_CODES.has(networkCode(error))) throw error;
        await sleep(backoffMs(attempt));
      }
    }
  };
  // undici's Response is a WHATWG Response, which the Fetcher type describes.
  return fetcher as unknown as Fetcher;
}

/** 50 ms, 100 ms, 200 ms… with jitter, so replicas retrying together do not arrive together. */
function backoffMs(attempt: number): number {
  return 50 * 2 ** (attempt - 1) + Math.floor(Math.random() * 50);
}

/** undici reports `fetch failed` with the socket's error code on its cause. */
function networkCode(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? cause.code : '';
}
