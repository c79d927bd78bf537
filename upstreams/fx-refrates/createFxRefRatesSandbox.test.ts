import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEurofxrefDaily } from '#packages/fx/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import { fxRefRatesSandbox, HISTORY_90D_PATH } from './createFxRefRatesSandbox.js';
import { referenceRateOn } from './referenceRates.js';
import { easterSunday, latestPublication } from './targetCalendar.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startSandbox(fxRefRatesSandbox);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await sandbox.setFault(null);
  await sandbox.post('/__sandbox/clock', { now: '2026-11-28T10:00:00Z' }); // a Saturday
});

const get = (path: string) => fetch(sandbox.url + path);
const days = (xml: string) => [...xml.matchAll(/time="(\d{4}-\d{2}-\d{2})"/g)].map((match) => match[1]);

describe('fx-refrates sandbox', () => {
  it('publishes at 16:00 CET on TARGET business days only', () => {
    expect(latestPublication(Date.parse('2026-11-26T14:59:00Z'))).toBe('2026-11-25'); // Thursday 15:59 CET
    expect(latestPublication(Date.parse('2026-11-26T15:00:00Z'))).toBe('2026-11-26');
    expect(latestPublication(Date.parse('2026-11-29T12:00:00Z'))).toBe('2026-11-27'); // Sunday
    expect(latestPublication(Date.parse('2026-04-06T18:00:00Z'))).toBe('2026-04-02'); // Easter Monday, after Good Friday
    expect(latestPublication(Date.parse('2026-12-28T10:00:00Z'))).toBe('2026-12-24'); // Christmas, 26 Dec, weekend
    expect(latestPublication(Date.parse('2027-01-01T18:00:00Z'))).toBe('2026-12-31');
    expect(['2024', '2025', '2026', '2027'].map((year) => easterSunday(Number(year)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
    ]);
  });

  it('serves the latest day on the daily endpoint, as XML, counted by name', async () => {
    await sandbox.resetStats();
    const response = await get('/stats/eurofxref/eurofxref-daily.xml');
    expect(response.headers.get('content-type')).toMatch(/^text\/xml/);
    const { rates } = parseEurofxrefDaily(await response.text(), 'u');
    expect(rates.date).toBe('2026-11-27');
    expect(rates.rates.MYR).toBe(referenceRateOn('MYR', '2026-11-27'));
    expect((await sandbox.stats()).byEndpoint).toEqual({ 'eurofxref-daily': 1 });
  });

  it('serves 90 days of history newest first, or the day in force on a given date', async () => {
    const all = days(await (await get(HISTORY_90D_PATH)).text());
    expect(all[0]).toBe('2026-11-27');
    expect(all.length).toBeGreaterThan(60);
    expect(all.length).toBeLessThan(66);
    expect(all).not.toContain('2026-11-21'); // a Saturday

    expect(days(await (await get(`${HISTORY_90D_PATH}?date=2026-11-22`)).text())).toEqual(['2026-11-20']); // Sunday → Friday
    expect(days(await (await get(`${HISTORY_90D_PATH}?date=2026-11-28`)).text())).toEqual(['2026-11-27']); // today
    expect((await get(`${HISTORY_90D_PATH}?date=2026-12-01`)).status).toBe(404); // not yet published
    expect((await get(`${HISTORY_90D_PATH}?date=28.11.2026`)).status).toBe(400);
  });

  it('sends a cut-off file under the garbage fault', async () => {
    await sandbox.setFault('garbage');
    const text = await (await get('/stats/eurofxref/eurofxref-daily.xml')).text();
    expect(() => parseEurofxrefDaily(text, 'u')).toThrow(/well-formed XML/);
  });

  it('moves rates a little from day to day, the same on every run', () => {
    const usd = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'].map((day) => Number(referenceRateOn('USD', day)));
    expect(new Set(usd).size).toBeGreaterThan(1);
    for (const rate of usd) expect(Math.abs(rate / 1.16 - 1)).toBeLessThan(0.03);
    expect(referenceRateOn('USD', '2026-11-26')).toBe(referenceRateOn('USD', '2026-11-26'));
    expect(referenceRateOn('AED', '2026-11-26')).toBeUndefined();
  });
});

describe('fx-refrates customs series', () => {
  const series = async (name: string, date: string) => {
    const response = await get(`/customs-rates/${name}?date=${date}`);
    return { status: response.status, body: response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined };
  };

  it('publishes the EU rate per calendar month, fixed from the penultimate Wednesday of the month before (art. 146)', async () => {
    const { body } = await series('EU_CUSTOMS_MONTHLY', '2026-11-20');
    expect(body).toMatchObject({
      series: 'EU_CUSTOMS_MONTHLY',
      base: 'EUR',
      validFrom: '2026-11-01',
      validTo: '2026-11-30',
      fixedOn: '2026-10-21',
    });
    expect((body!['rates'] as Record<string, string>)['USD']).toBe(referenceRateOn('USD', '2026-10-21'));
    // Every day of the month reads the same publication.
    expect((await series('EU_CUSTOMS_MONTHLY', '2026-11-01')).body).toEqual(body);
  });

  it('publishes a weekly JP rate from Sunday and a daily CBP rate; a period not yet fixed is 404', async () => {
    expect((await series('JP_CUSTOMS_WEEKLY', '2026-11-26')).body).toMatchObject({
      validFrom: '2026-11-22',
      validTo: '2026-11-28',
      fixedOn: '2026-11-11',
    });
    expect((await series('US_CBP', '2026-11-27')).body).toMatchObject({
      validFrom: '2026-11-27',
      validTo: '2026-11-27',
      fixedOn: '2026-11-27',
    });
    expect((await series('US_CBP', '2026-11-29')).body).toMatchObject({ fixedOn: '2026-11-27' }); // Sunday: Friday's rate
    expect((await series('EU_CUSTOMS_MONTHLY', '2027-02-01')).status).toBe(404); // fixed on 2027-01-20, after the sandbox's now
    expect((await series('US_CBP', 'yesterday')).status).toBe(400);
  });
});
