import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import { fxRefRatesSandbox } from '#upstreams/fx-refrates/createFxRefRatesSandbox.js';
import { SANDBOX_SENDER } from '#upstreams/fx-refrates/eurofxrefXml.js';
import { PUBLISHED_CURRENCIES, referenceRateOn } from '#upstreams/fx-refrates/referenceRates.js';
import { UpstreamError } from '../errors/index.js';
import { createLogger } from '../log/index.js';
import { DAILY_RATES_PATH, createReferenceRatesClient, type ReferenceRatesClient } from './index.js';

/** Thursday 26 November 2026, 16:30 CET: that day's rates are out. */
const THURSDAY_AFTER_PUBLICATION = '2026-11-26T15:30:00Z';
const HOUR = 3_600_000;

let sandbox: TestSandbox;
let clock: number;
let client: ReferenceRatesClient;
let logLines: string[];

const setSandboxClock = async (now: string) => {
  const response = await sandbox.post('/__sandbox/clock', { now });
  if (!response.ok) throw new Error(await response.text());
};
const dailyFetches = async () => (await sandbox.stats()).byEndpoint['eurofxref-daily'] ?? 0;
const makeClient = (cacheTtlMs = 24 * HOUR) =>
  createReferenceRatesClient({
    baseUrl: sandbox.url,
    timeoutMs: 2_000,
    cacheTtlMs,
    logger: createLogger('fx-test', { write: (line) => logLines.push(line) }),
    now: () => clock,
  });

beforeAll(async () => {
  sandbox = await startSandbox(fxRefRatesSandbox);
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  clock = Date.parse(THURSDAY_AFTER_PUBLICATION);
  logLines = [];
  await setSandboxClock(THURSDAY_AFTER_PUBLICATION);
  await sandbox.setFault(null);
  await sandbox.resetStats();
  client = makeClient();
});
afterEach(() => client.close());

describe('createReferenceRatesClient against the fx-refrates sandbox', () => {
  it('reads the day’s rates as published, per 1 EUR, with their source', async () => {
    const { rates, stale, fetchedAt } = await client.latest();
    expect(stale).toBe(false);
    expect(fetchedAt).toBe('2026-11-26T15:30:00.000Z');
    expect(rates.date).toBe('2026-11-26');
    expect(rates.source).toEqual({ name: SANDBOX_SENDER, url: sandbox.url + DAILY_RATES_PATH });
    expect(Object.keys(rates.rates).sort()).toEqual([...PUBLISHED_CURRENCIES].sort());
    expect(rates.rates.USD).toBe(referenceRateOn('USD', '2026-11-26'));
    expect(rates.rates.JPY).toMatch(/^\d+\.\d{2}$/);
    expect(rates.rates).not.toHaveProperty('RUB');
    expect(rates.rates).not.toHaveProperty('AED');
  });

  it('fetches once for many callers, concurrent or not', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => client.latest()));
    for (let i = 0; i < 5; i++) answers.push(await client.latest());
    expect(new Set(answers.map((answer) => answer.rates)).size).toBe(1);
    expect(await dailyFetches()).toBe(1);
  });

  it('keeps the rates until the next publication is due, then reads the new day', async () => {
    await client.latest();
    clock = Date.parse('2026-11-27T14:59:00Z'); // Friday 15:59 CET
    expect((await client.latest()).rates.date).toBe('2026-11-26');
    expect(await dailyFetches()).toBe(1);

    clock = Date.parse('2026-11-27T15:01:00Z');
    await setSandboxClock('2026-11-27T15:01:00Z');
    const friday = await client.latest();
    expect(friday.rates.date).toBe('2026-11-27');
    expect(friday.rates.rates.USD).toBe(referenceRateOn('USD', '2026-11-27'));
    expect(await dailyFetches()).toBe(2);
  });

  it('looks again after cacheTtlMs even before the next publication', async () => {
    client = makeClient(60_000);
    await client.latest();
    clock += 59_000;
    await client.latest();
    clock += 2_000;
    await client.latest();
    expect(await dailyFetches()).toBe(2);
  });

  it('serves the last good rates, marked stale, while the source is down', async () => {
    const good = await client.latest();
    await sandbox.setFault('down');
    clock += 25 * HOUR;
    const during = await client.latest();
    expect(during.stale).toBe(true);
    expect(during.staleReason).toMatch(/fx-refrates is unreachable/);
    expect(during.rates).toEqual(good.rates);
    expect(logLines.some((line) => line.includes('serving stale reference rates'))).toBe(true);

    const triedSoFar = await dailyFetches();
    expect(triedSoFar).toBeGreaterThan(1);
    expect((await client.latest()).stale).toBe(true); // no new attempt right after a failure
    expect(await dailyFetches()).toBe(triedSoFar);

    await sandbox.setFault(null);
    clock += 31_000;
    const after = await client.latest();
    expect(after.stale).toBe(false);
    expect(after.staleReason).toBeUndefined();
  });

  it('fails with bad-response on malformed XML when it has nothing to fall back on', async () => {
    await sandbox.setFault('garbage');
    const error = await client.latest().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).failure).toBe('bad-response');
    expect((error as UpstreamError).upstream).toBe('fx-refrates');
  });

  it('fails with unavailable on an HTTP error when it has nothing to fall back on', async () => {
    await sandbox.setFault('error:503');
    const error = (await client.latest().catch((e: unknown) => e)) as UpstreamError;
    expect(error.failure).toBe('unavailable');
    expect(error.status).toBe(503);
  });
});
