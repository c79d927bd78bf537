import { UpstreamError } from '../errors/index.js';
import { createUpstreamClient } from '../http/index.js';
import type { Logger } from '../log/index.js';
import { parseEurofxrefDaily } from './parseEurofxref.js';
import { nextPublicationDue } from './publicationSchedule.js';
import type { ReferenceRates } from './ReferenceRates.js';

/** The upstream id, in errors, logs and `SANDBOX_FAULTS`. */
export const FX_REFRATES_UPSTREAM = 'fx-refrates';
/** Where the ECB (and the sandbox) publish the latest day's rates. */
export const DAILY_RATES_PATH = '/stats/eurofxref/eurofxref-daily.xml';
/** After a failed refresh, how long the last good rates are served before trying again. */
const RETRY_AFTER_FAILURE_MS = 30_000;

export interface ReferenceRatesClientOptions {
  /** Base URL of the publisher: `https://www.ecb.europa.eu`, or the `fx-refrates` sandbox. */
  baseUrl: string;
  /** Time allowed for one attempt; a fetch makes at most two. */
  timeoutMs: number;
  logger?: Logger;
  /** Longest an answer is kept, even when the next publication is not yet due. */
  cacheTtlMs: number;
  /** The clock deciding freshness; tests move it. Default: `Date.now`. */
  now?: () => number;
}

/** The latest reference rates, and whether they are the latest we could get. */
export interface LatestReferenceRates {
  readonly rates: ReferenceRates;
  /** True when a refresh failed and these are the last good rates, kept rather than failing. */
  readonly stale: boolean;
  /** Why the rates are stale (the refresh's error), when they are. */
  readonly staleReason?: string;
  /** When these rates were fetched, ISO 8601. */
  readonly fetchedAt: string;
}

export interface ReferenceRatesClient {
  /**
   * The latest published rates. Fetched once and shared by concurrent callers; kept until the next
   * publication is due or `cacheTtlMs` has passed. Throws `UpstreamError` only when no good rates
   * were ever fetched.
   */
  latest(): Promise<LatestReferenceRates>;
  close(): Promise<void>;
}

interface Cached {
  rates: ReferenceRates;
  fetchedAt: number;
  freshUntil: number;
  failure?: { reason: string; retryAt: number };
}

/** Reads ECB-style euro reference rates over HTTP, with an in-memory cache that outlives outages. */
export function createReferenceRatesClient(options: ReferenceRatesClientOptions): ReferenceRatesClient {
  const { logger, cacheTtlMs } = options;
  const now = options.now ?? Date.now;
  const url = options.baseUrl.replace(/\/$/, '') + DAILY_RATES_PATH;
  const client = createUpstreamClient({
    upstream: FX_REFRATES_UPSTREAM,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: 1,
    logger,
  });
  let cached: Cached | undefined;
  let pending: Promise<LatestReferenceRates> | undefined;

  const answer = (entry: Cached): LatestReferenceRates => ({
    rates: entry.rates,
    stale: entry.failure !== undefined,
    ...(entry.failure ? { staleReason: entry.failure.reason } : {}),
    fetchedAt: new Date(entry.fetchedAt).toISOString(),
  });

  async function fetchRates(): Promise<ReferenceRates> {
    const response = await client.request({ path: DAILY_RATES_PATH, headers: { accept: 'application/xml, text/xml' } });
    if (response.status !== 200) {
      throw new UpstreamError({
        upstream: FX_REFRATES_UPSTREAM,
        failure: 'unavailable',
        status: response.status,
        message: `${FX_REFRATES_UPSTREAM} answered HTTP ${response.status} for the daily rates`,
        detail: response.text.slice(0, 300),
      });
    }
    try {
      const parsed = parseEurofxrefDaily(response.text, url);
      if (parsed.unknownCurrencies.length > 0)
        logger?.warn('reference rates for unknown currencies left out', { currencies: parsed.unknownCurrencies });
      return parsed.rates;
    } catch (error) {
      throw new UpstreamError({
        upstream: FX_REFRATES_UPSTREAM,
        failure: 'bad-response',
        message: `${FX_REFRATES_UPSTREAM} sent unreadable daily rates`,
        detail: error instanceof Error ? error.message : String(error),
        cause: error,
      });
    }
  }

  async function refresh(): Promise<LatestReferenceRates> {
    try {
      const rates = await fetchRates();
      const fetchedAt = now();
      cached = { rates, fetchedAt, freshUntil: freshUntil(rates.date, fetchedAt, cacheTtlMs) };
      return answer(cached);
    } catch (error) {
      if (!(error instanceof UpstreamError) || cached === undefined) throw error;
      // Yesterday's reference rate is a far better answer than no price at all; say it is old.
      cached.failure = { reason: error.message, retryAt: now() + Math.min(cacheTtlMs, RETRY_AFTER_FAILURE_MS) };
      logger?.warn('serving stale reference rates', { upstream: FX_REFRATES_UPSTREAM, date: cached.rates.date, error });
      return answer(cached);
    }
  }

  return {
    latest() {
      const time = now();
      if (cached && (cached.failure ? time < cached.failure.retryAt : time < cached.freshUntil)) return Promise.resolve(answer(cached));
      pending ??= refresh().finally(() => {
        pending = undefined;
      });
      return pending;
    },
    close: () => client.close(),
  };
}

/**
 * Rates are good until the next publication is due, or `ttlMs` after fetching, whichever is first.
 * Once a publication is overdue (a late file, a TARGET holiday) we look again every `ttlMs`.
 */
function freshUntil(date: string, fetchedAt: number, ttlMs: number): number {
  const due = nextPublicationDue(date);
  return due > fetchedAt ? Math.min(due, fetchedAt + ttlMs) : fetchedAt + ttlMs;
}
