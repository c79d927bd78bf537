import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { createSandboxServer } from '#packages/sandbox/index.js';
import { DAILY_RATES_PATH, addDays, isoDate, utcMidnight } from '#packages/fx/index.js';
import { CUSTOMS_SERIES, customsPublication, isPublished, type CustomsSeries } from './customsSeries.js';
import { dailyDocument, historyDocument, SANDBOX_SENDER, truncatedDocument } from './eurofxrefXml.js';
import { isTargetBusinessDay, latestPublication, publicationFor } from './targetCalendar.js';

export const HISTORY_90D_PATH = '/stats/eurofxref/eurofxref-hist-90d.xml';
/** Sandbox addition: customs administrations' own series, `GET /customs-rates/<series>?date=YYYY-MM-DD`. */
export const CUSTOMS_RATES_PATH = '/customs-rates/';
/** The first day of the euro reference rates. */
const FIRST_PUBLICATION = '1999-01-04';

/**
 * Euro foreign exchange reference rates in the ECB's style: XML files of units of currency per
 * 1 EUR, a new day published at 16:00 CET on every TARGET business day, none on weekends and
 * holidays. Rates are made up but deterministic (`referenceRates.ts`). `POST /__sandbox/clock`
 * `{"now": "<ISO instant>" | null}` pins the sandbox's "now", so tests know which day is latest.
 */
export const fxRefRatesSandbox = {
  id: 'fx-refrates',
  description: 'FX reference rates, ECB style (eurofxref XML, per 1 EUR, 16:00 CET on TARGET business days)',
  defaultPort: 4120,
  create: ({ logger, fault }) => {
    let pinnedNow: number | undefined;
    const now = (): number => pinnedNow ?? Date.now();
    return createSandboxServer({
      id: 'fx-refrates',
      logger,
      fault,
      routes: [
        {
          method: 'GET',
          path: DAILY_RATES_PATH,
          endpoint: 'eurofxref-daily',
          handle: () => xml(200, dailyDocument(latestPublication(now()))),
        },
        { method: 'GET', path: HISTORY_90D_PATH, endpoint: 'eurofxref-hist-90d', handle: (request) => history(request, now()) },
        ...CUSTOMS_SERIES.map((series) => ({
          method: 'GET' as const,
          path: `${CUSTOMS_RATES_PATH}${series}`,
          endpoint: `customs-rates-${series}`,
          handle: (request: SandboxRequest) => customsRates(series, request, now()),
        })),
        {
          method: 'POST',
          path: '/__sandbox/clock',
          endpoint: 'clock',
          handle: (request) => {
            const pinned = readClock(request.body);
            if (pinned === undefined) return { status: 400, body: { error: 'body must be {"now": "<ISO instant>"} or {"now": null}' } };
            pinnedNow = pinned ?? undefined;
            logger.info('sandbox clock set', { upstream: 'fx-refrates', now: pinned === null ? null : new Date(pinned).toISOString() });
            return { body: { upstream: 'fx-refrates', now: new Date(now()).toISOString(), latest: latestPublication(now()) } };
          },
        },
      ],
      garbage: () => xml(200, truncatedDocument(latestPublication(now()))),
    });
  },
} satisfies SandboxUpstream;

/**
 * The last 90 calendar days of publications, newest first, as the ECB's file. Sandbox addition:
 * `?date=YYYY-MM-DD` gives only the publication in force that day — for a weekend or holiday,
 * the business day before, as readers of ECB data use it.
 */
function history(request: SandboxRequest, now: number): SandboxResponse {
  const latest = latestPublication(now);
  const requested = request.query.get('date');
  if (requested !== null) {
    try {
      utcMidnight(requested);
    } catch {
      return text(400, `date must be YYYY-MM-DD, not "${requested}"`);
    }
    if (requested > isoDate(now)) return text(404, `no reference rates for ${requested} yet`);
    const day = requested >= latest ? latest : publicationFor(requested);
    if (day < FIRST_PUBLICATION) return text(404, `reference rates start on ${FIRST_PUBLICATION}`);
    return xml(200, historyDocument([day]));
  }
  const days: string[] = [];
  for (let day = latest; day > addDays(isoDate(now), -90); day = addDays(day, -1)) if (isTargetBusinessDay(day)) days.push(day);
  return xml(200, historyDocument(days));
}

/**
 * One publication of a customs series as JSON: the period it applies to, the day it was fixed and
 * its rates per 1 EUR. A period whose rates are not fixed yet is 404, as at a real publisher.
 */
function customsRates(series: CustomsSeries, request: SandboxRequest, now: number): SandboxResponse {
  const date = request.query.get('date') ?? isoDate(now);
  try {
    utcMidnight(date);
  } catch {
    return text(400, `date must be YYYY-MM-DD, not "${date}"`);
  }
  if (date < FIRST_PUBLICATION) return text(404, `no ${series} rates before ${FIRST_PUBLICATION}`);
  const publication = customsPublication(series, date);
  if (!isPublished(publication, now)) return text(404, `${series} rates for ${date} are not published yet`);
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: {
      series,
      publisher: `${SANDBOX_SENDER}: ${series} customs rates`,
      base: 'EUR',
      validFrom: publication.validFrom,
      validTo: publication.validTo,
      fixedOn: publication.fixedOn,
      rates: Object.fromEntries(publication.rates),
    },
  };
}

/** `{"now": "<ISO instant>"}` → its time; `{"now": null}` → null (follow the real clock); else undefined. */
function readClock(body: string): number | null | undefined {
  try {
    const { now } = JSON.parse(body || '{}') as { now?: unknown };
    if (now === null) return null;
    const time = typeof now === 'string' ? Date.parse(now) : NaN;
    return Number.isNaN(time) ? undefined : time;
  } catch {
    return undefined;
  }
}

const xml = (status: number, body: string): SandboxResponse => ({ status, headers: { 'content-type': 'text/xml; charset=utf-8' }, body });
const text = (status: number, body: string): SandboxResponse => ({ status, body });
