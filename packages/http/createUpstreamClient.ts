import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, errors as undiciErrors } from 'undici';
import { UpstreamError } from '../errors/index.js';
import { REQUEST_ID_HEADER, currentRequestId, currentTestTrigger, type Logger } from '../log/index.js';
import { TEST_TRIGGER_HEADER } from '../testmode/index.js';
import { createCircuitBreaker, type CircuitBreaker, type CircuitBreakerOptions } from './createCircuitBreaker.js';
import { retryAfterMs } from './retryAfter.js';
import { upstreamMetrics } from './upstreamMetrics.js';
import { deadlineSignal } from './deadlineSignal.js';

export interface UpstreamClientOptions {
  /** The upstream's id (e.g. `cn-jademarket`), used in errors, logs and metrics. */
  upstream: string;
  baseUrl: string;
  /** Time allowed for one attempt, headers and body. */
  timeoutMs: number;
  /** Extra attempts for idempotent requests after a network error, a 5xx or a 429. */
  retries: number;
  /** Longest Retry-After we are willing to wait before giving up with `rate-limited`. */
  maxRetryAfterMs?: number;
  /** Keep-alive connections in the pool. */
  connections?: number;
  /** Opens after calls keep failing (network, timeout, 5xx once retries are spent); `false` turns it off. Default: 5 calls, 10 s. */
  circuitBreaker?: CircuitBreakerOptions | false;
  logger?: Logger;
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface UpstreamRequest {
  method?: HttpMethod;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  body?: string;
  /** Whether repeating the request is harmless. GET and HEAD are; writes only with an idempotency key. */
  idempotent?: boolean;
  /** The caller's deadline for the whole call, retries included. */
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface UpstreamClient {
  readonly upstream: string;
  readonly circuit: Pick<CircuitBreaker, 'state'> | undefined;
  /**
   * Sends a request. 2xx–4xx answers (except 429) are returned for the adapter to read in its
   * vendor's terms; network failures, timeouts, 5xx and 429 become an `UpstreamError` once
   * retries are spent.
   */
  request(request: UpstreamRequest): Promise<UpstreamResponse>;
  close(): Promise<void>;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

/** One undici keep-alive pool per upstream, with per-attempt timeouts and polite retries. */
export function createUpstreamClient(options: UpstreamClientOptions): UpstreamClient {
  const { upstream, timeoutMs, retries, maxRetryAfterMs = 2_000, logger } = options;
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  const pool = new Pool(base.origin, {
    connections: options.connections ?? 32,
    keepAliveTimeout: 10_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const circuit =
    options.circuitBreaker === false
      ? undefined
      : createCircuitBreaker(upstream, options.circuitBreaker ?? { failureThreshold: 5, cooldownMs: 10_000 });
  const metrics = upstreamMetrics();
  const observeAttempt = (outcome: string, started: number) =>
    metrics.attemptSeconds.observe({ upstream, outcome }, (performance.now() - started) / 1000);

  async function attempt(request: UpstreamRequest): Promise<UpstreamResponse> {
    const { signal, done } = deadlineSignal(timeoutMs, request.signal);
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    const requestId = currentRequestId();
    if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
    const started = performance.now();
    const testTrigger = currentTestTrigger();
    if (testTrigger !== undefined) headers[TEST_TRIGGER_HEADER] = testTrigger;
    try {
      const response = await pool.request({
        origin: base.origin,
        path: basePath + request.path + queryString(request.query),
        method: request.method ?? 'GET',
        headers,
        body: request.body,
        signal,
      });
      const text = await response.body.text();
      observeAttempt(String(response.statusCode), started);
      return { status: response.statusCode, headers: response.headers, text };
    } catch (error) {
      if (request.signal?.aborted) {
        observeAttempt('timeout', started);
        throw new UpstreamError({ upstream, failure: 'timeout', message: `${upstream} did not answer before the deadline`, cause: error });
      }
      if (signal.aborted || error instanceof undiciErrors.HeadersTimeoutError || error instanceof undiciErrors.BodyTimeoutError) {
        observeAttempt('timeout', started);
        throw new UpstreamError({ upstream, failure: 'timeout', message: `${upstream} timed out after ${timeoutMs} ms`, cause: error });
      }
      observeAttempt('unavailable', started);
      throw new UpstreamError({
        upstream,
        failure: 'unavailable',
        message: `${upstream} is unreachable`,
        detail: describe(error),
        reached: !neverConnected(error),
        cause: error,
      });
    } finally {
      done();
    }
  }

  /**
   * A call, retries included, counted once by the circuit breaker: a call that ends in a transport
   * failure or a 5xx counts against the upstream; any other answer (a 4xx, even a 429) shows it
   * is alive. The caller giving up at its own deadline says nothing about the upstream.
   */
  async function request(request: UpstreamRequest): Promise<UpstreamResponse> {
    circuit?.beforeCall();
    try {
      const response = await withRetries(request);
      circuit?.onSuccess();
      return response;
    } catch (error) {
      if (error instanceof UpstreamError && error.failure === 'rate-limited') circuit?.onSuccess();
      else if (request.signal?.aborted) circuit?.onAbandoned();
      else circuit?.onFailure();
      const failure = request.signal?.aborted ? 'abandoned' : error instanceof UpstreamError ? error.failure : 'unavailable';
      metrics.errors.inc({ upstream, failure });
      throw error;
    }
  }

  async function withRetries(request: UpstreamRequest): Promise<UpstreamResponse> {
    const method = request.method ?? 'GET';
    const idempotent = request.idempotent ?? (method === 'GET' || method === 'HEAD');
    const attempts = idempotent ? retries + 1 : 1;
    let lastError: UpstreamError | undefined;

    for (let n = 0; n < attempts; n++) {
      let waitMs = backoffMs(n);
      try {
        const response = await attempt(request);
        if (!RETRYABLE_STATUS.has(response.status)) return response;
        const retryAfter = retryAfterMs(response.headers['retry-after']);
        lastError = statusError(upstream, response, retryAfter);
        if (retryAfter !== undefined) {
          if (retryAfter > maxRetryAfterMs) break;
          waitMs = retryAfter;
        }
      } catch (error) {
        if (!(error instanceof UpstreamError) || request.signal?.aborted) throw error;
        lastError = error;
      }
      if (n + 1 < attempts) {
        logger?.debug('retrying upstream request', { upstream, path: request.path, attempt: n + 1, waitMs, reason: lastError.message });
        try {
          await sleep(waitMs, undefined, { signal: request.signal });
        } catch {
          break; // the caller's deadline passed while waiting
        }
      }
    }
    throw lastError ?? new UpstreamError({ upstream, failure: 'unavailable', message: `${upstream} failed` });
  }

  return { upstream, circuit, request, close: () => pool.close() };
}

function statusError(upstream: string, response: UpstreamResponse, retryAfter: number | undefined): UpstreamError {
  if (response.status === 429) {
    return new UpstreamError({
      upstream,
      failure: 'rate-limited',
      status: 429,
      message: `${upstream} is rate limiting us` + (retryAfter !== undefined ? ` (retry after ${Math.ceil(retryAfter / 1000)} s)` : ''),
      retryAfterSeconds: retryAfter !== undefined ? Math.ceil(retryAfter / 1000) : undefined,
      detail: response.text.slice(0, 500),
    });
  }
  return new UpstreamError({
    upstream,
    failure: 'unavailable',
    status: response.status,
    message: `${upstream} answered HTTP ${response.status}`,
    detail: response.text.slice(0, 500),
  });
}

/** Exponential backoff with full jitter: 0–50 ms, 0–100 ms, 0–200 ms, … */
function backoffMs(attempt: number): number {
  return Math.round(Math.random() * 50 * 2 ** attempt);
}

function queryString(query: UpstreamRequest['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text === '' ? '' : '?' + text;
}

/** Errors raised before a connection existed: the request was never sent. */
const CONNECT_ERROR_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function neverConnected(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECT_ERROR_CODES.has(code)) return true;
  }
  return false;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
