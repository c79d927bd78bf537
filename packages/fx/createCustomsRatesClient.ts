import { UpstreamError } from '../errors/index.js';
import { createUpstreamClient } from '../http/index.js';
import { isCurrencyCode, type CurrencyCode } from '../money/index.js';
import type { Logger } from '../log/index.js';
import { FX_REFRATES_UPSTREAM } from './createReferenceRatesClient.js';
import type { ReferenceRates } from './ReferenceRates.js';

/** Where the publisher serves a customs series (the fx-refrates sandbox's path). */
export const CUSTOMS_RATES_PATH = '/customs-rates/';

/** A customs administration's own exchange-rate series. */
export type CustomsRateSeries = 'EU_CUSTOMS_MONTHLY' | 'US_CBP' | 'JP_CUSTOMS_WEEKLY';

export interface CustomsRatesClient {
  /**
   * The series' rates that apply on `date` (`YYYY-MM-DD`), as `ReferenceRates` (per 1 EUR, `series`
   * and `validTo` set). One fetch per period (a month, a day, a week) however many callers ask.
   */
  ratesFor(series: CustomsRateSeries, date: string): Promise<ReferenceRates>;
  close(): Promise<void>;
}

export interface CustomsRatesClientOptions {
  baseUrl: string;
  timeoutMs: number;
  logger?: Logger;
  /** Most periods kept in memory. Default 64. */
  maxPeriods?: number;
}

/**
 * Reads customs exchange-rate series over HTTP (`GET /customs-rates/<series>?date=`): each answer
 * says the period it covers, so later dates in the same period are answered from memory. A period's
 * rates never change once published, so nothing expires but by count.
 */
export function createCustomsRatesClient(options: CustomsRatesClientOptions): CustomsRatesClient {
  const client = createUpstreamClient({
    upstream: FX_REFRATES_UPSTREAM,
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: 1,
    logger: options.logger,
  });
  const periods: ReferenceRates[] = [];
  const pending = new Map<string, Promise<ReferenceRates>>();
  const max = options.maxPeriods ?? 64;

  async function fetchPeriod(series: CustomsRateSeries, date: string): Promise<ReferenceRates> {
    const path = `${CUSTOMS_RATES_PATH}${series}?date=${date}`;
    const response = await client.request({ path, headers: { accept: 'application/json' } });
    if (response.status !== 200) {
      throw new UpstreamError({
        upstream: FX_REFRATES_UPSTREAM,
        failure: 'unavailable',
        status: response.status,
        message: `${FX_REFRATES_UPSTREAM} answered HTTP ${response.status} for ${series} rates of ${date}`,
        detail: response.text.slice(0, 300),
      });
    }
    const rates = readPublication(response.text, series, options.baseUrl.replace(/\/$/, '') + path);
    periods.push(rates);
    if (periods.length > max) periods.shift();
    return rates;
  }

  return {
    ratesFor(series, date) {
      const cached = periods.find((p) => p.series === series && p.date <= date && date <= (p.validTo ?? p.date));
      if (cached) return Promise.resolve(cached);
      const key = `${series}:${date}`;
      let inFlight = pending.get(key);
      if (inFlight === undefined) {
        inFlight = fetchPeriod(series, date).finally(() => pending.delete(key));
        pending.set(key, inFlight);
      }
      return inFlight;
    },
    close: () => client.close(),
  };
}

/** The publisher's JSON, checked: a malformed answer is a `bad-response` upstream error, never a guess. */
function readPublication(text: string, series: CustomsRateSeries, url: string): ReferenceRates {
  const fail = (why: string) =>
    new UpstreamError({
      upstream: FX_REFRATES_UPSTREAM,
      failure: 'bad-response',
      message: `unreadable ${series} rates: ${why}`,
      detail: text.slice(0, 300),
    });
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw fail('not JSON');
  }
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (body.series !== series || body.base !== 'EUR') throw fail('another series or base');
  if (typeof body.validFrom !== 'string' || !day.test(body.validFrom) || typeof body.validTo !== 'string' || !day.test(body.validTo))
    throw fail('no period');
  if (typeof body.publisher !== 'string' || typeof body.rates !== 'object' || body.rates === null) throw fail('no rates');
  const rates: Partial<Record<CurrencyCode, string>> = {};
  for (const [code, rate] of Object.entries(body.rates as Record<string, unknown>)) {
    if (!isCurrencyCode(code) || typeof rate !== 'string' || !/^\d+(\.\d+)?$/.test(rate) || /^0+(\.0+)?$/.test(rate))
      throw fail(`rate of ${code}`);
    rates[code] = rate;
  }
  return { date: body.validFrom, validTo: body.validTo, series, source: { name: body.publisher, url }, rates };
}
