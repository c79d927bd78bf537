import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '#packages/errors/index.js';
import { exponentOf } from '#packages/money/index.js';
import type { SandboxUpstream } from '#packages/sandbox/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import type { CarrierAdapter, CarrierRole, RateAnswer, RateRequest } from '../src/adapters/ports.js';
import { describeCarrierLabels, type LabelSuiteOptions } from './describeCarrierLabels.js';

export interface CarrierSuiteOptions extends LabelSuiteOptions {
  sandbox: SandboxUpstream;
  create(baseUrl: string, options?: { timeoutMs?: number; badCredentials?: boolean }): CarrierAdapter;
  role: CarrierRole;
  /** The vendor's name for its batch endpoint, as counted in /__sandbox/stats. */
  endpoint: string;
  /** A lane the carrier serves (for a last-mile carrier, `from` equals `to`). */
  servedLane: { from: string; to: string };
  /** A lane it does not serve. */
  unservedLane: { from: string; to: string };
  /** More than it carries in one parcel. */
  overweightGrams: number;
  /** Whether it refuses parcels with lithium batteries (posts do). */
  refusesLithium: boolean;
}

const parcel = (lane: { from: string; to: string }, weightGrams: number, extra: Partial<RateRequest> = {}): RateRequest => ({
  ...lane,
  weightGrams,
  dimensionsCm: [15, 10, 6],
  containsLithiumBattery: false,
  ...extra,
});

const isAnswer = (value: RateAnswer | Error): value is RateAnswer => !(value instanceof Error);

/**
 * What every carrier adapter must do, against its real sandbox over HTTP: many parcels in one
 * call with one answer each in order, refusals as answers (never errors), and vendor failures as
 * `UpstreamError`s with the right failure; and the booking half (`describeCarrierLabels`): labels,
 * tracking, cancellation and customs documents, once per idempotency key.
 */
export function defineCarrierAdapterSuite(options: CarrierSuiteOptions, carrierSpecific?: (sandbox: () => TestSandbox) => void): void {
  let sandbox: TestSandbox;
  let adapter: CarrierAdapter;

  describe(`${options.sandbox.id} adapter (conformance)`, () => {
    beforeAll(async () => {
      sandbox = await startSandbox(options.sandbox);
      adapter = options.create(sandbox.url);
    });
    afterAll(async () => {
      await adapter.close();
      await sandbox.close();
    });
    afterEach(async () => {
      await sandbox.setFault(null);
    });

    it('describes its carrier', () => {
      expect(adapter.carrier.id).toBe(options.sandbox.id);
      expect(adapter.carrier.modes.length).toBeGreaterThan(0);
      expect(adapter.role).toBe(options.role);
    });

    it('reads its published clearance fee table if it clears customs (a last mile does not), and refuses an unreadable one', async () => {
      if (options.role === 'last-mile') {
        expect(adapter.clearanceFees).toBeUndefined();
        return;
      }
      const table = await adapter.clearanceFees!();
      expect(table.carrier).toBe(options.sandbox.id);
      expect(table.source).toContain(sandbox.url);
      expect(table.fees.length).toBeGreaterThan(0);
      for (const fee of table.fees) {
        expect(fee.country).toMatch(/^[A-Z]{2}$/);
        expect(fee.fixed.minor >= 0n && fee.rateBp >= 0 && fee.rateBp <= 10_000).toBe(true);
        if (fee.minimum) expect(fee.minimum.currency).toBe(fee.fixed.currency);
      }
      await sandbox.setFault('error:503');
      await expect(adapter.clearanceFees!()).rejects.toBeInstanceOf(UpstreamError);
    });

    it('rates a batch of 60 parcels in one call, one answer per parcel, in order', async () => {
      const weights = Array.from({ length: 60 }, (_, i) => 100 + ((i * 37) % 60) * 30); // 100 g to 1870 g, shuffled
      await sandbox.resetStats();
      const answers = await adapter.quote(weights.map((grams) => parcel(options.servedLane, grams)));
      expect((await sandbox.stats()).byEndpoint).toEqual({ [options.endpoint]: 1 });
      expect(answers).toHaveLength(60);
      const cheapestByWeight = answers.map((answer, i) => {
        if (!isAnswer(answer)) throw answer;
        expect(answer.refusals).toEqual([]);
        for (const quote of answer.quotes) {
          expect(quote.cost.minor).toBeGreaterThan(0n);
          expect(exponentOf(quote.cost.currency)).toBeGreaterThanOrEqual(0);
          expect(quote.transitDays.min).toBeLessThanOrEqual(quote.transitDays.max);
          expect(quote.breakdown).toMatch(/rate card/);
          // the carrier's own name for the service, as its answer gives it: not its code
          expect(quote.serviceName).toMatch(/^\S.*\S$/);
          expect(quote.serviceName).not.toBe(quote.service);
        }
        expect(new Set(answer.quotes.map((quote) => quote.serviceName)).size).toBe(answer.quotes.length);
        return { grams: weights[i]!, cost: answer.quotes[0]!.cost.minor };
      });
      // Answers matched to the wrong parcel would break this: heavier never costs less.
      cheapestByWeight.sort((a, b) => a.grams - b.grams);
      for (let i = 1; i < cheapestByWeight.length; i++)
        expect(cheapestByWeight[i]!.cost).toBeGreaterThanOrEqual(cheapestByWeight[i - 1]!.cost);
    });

    it('answers refusals as refusals, in the same batch as the parcels it takes', async () => {
      const requests = [
        parcel(options.servedLane, 500),
        parcel(options.servedLane, options.overweightGrams),
        parcel(options.unservedLane, 500),
        parcel(options.servedLane, 500, { containsLithiumBattery: true }),
      ];
      await sandbox.resetStats();
      const [served, overweight, unserved, lithium] = await adapter.quote(requests);
      expect((await sandbox.stats()).total).toBeLessThanOrEqual(1);
      for (const answer of [served, overweight, unserved, lithium]) expect(answer).not.toBeInstanceOf(Error);
      expect((served as RateAnswer).quotes.length).toBeGreaterThan(0);
      for (const refused of [overweight, unserved] as RateAnswer[]) {
        expect(refused.quotes).toEqual([]);
        expect(refused.refusals[0]?.reason.length).toBeGreaterThan(5);
      }
      expect((lithium as RateAnswer).quotes.length === 0).toBe(options.refusesLithium);
      if (options.refusesLithium) expect((lithium as RateAnswer).refusals[0]?.reason).toMatch(/lithium/i);
    });

    it('makes no call for no parcels', async () => {
      await sandbox.resetStats();
      expect(await adapter.quote([])).toEqual([]);
      expect((await sandbox.stats()).total).toBe(0);
    });

    it.each([
      ['down', 'unavailable'],
      ['error:503', 'unavailable'],
      ['garbage', 'bad-response'],
    ] as const)('maps the fault %s to an UpstreamError (%s)', async (fault, failure) => {
      await sandbox.setFault(fault);
      const error = await adapter.quote([parcel(options.servedLane, 500)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe(failure);
      expect((error as UpstreamError).upstream).toBe(options.sandbox.id);
    });

    it('times out a slow carrier', async () => {
      const impatient = options.create(sandbox.url, { timeoutMs: 150 });
      await sandbox.setFault('slow:1000');
      const error = await impatient.quote([parcel(options.servedLane, 500)]).catch((e: unknown) => e);
      await impatient.close();
      expect((error as UpstreamError).failure).toBe('timeout');
    });

    it('retries a rate quote as the read it is, waiting as Retry-After asks', async () => {
      await sandbox.setFault('ratelimit');
      await sandbox.resetStats();
      const started = Date.now();
      const pending = adapter.quote([parcel(options.servedLane, 500)]);
      setTimeout(() => void sandbox.setFault(null), 300);
      const [answer] = await pending;
      expect(answer).not.toBeInstanceOf(Error);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900); // Retry-After: 1
      expect((await sandbox.stats()).byEndpoint).toEqual({ [options.endpoint]: 2 });
    });

    it('is refused with wrong credentials', async () => {
      const stranger = options.create(sandbox.url, { badCredentials: true });
      const error = await stranger.quote([parcel(options.servedLane, 500)]).catch((e: unknown) => e);
      await stranger.close();
      expect((error as UpstreamError).failure).toBe('rejected');
    });

    describeCarrierLabels(
      options,
      () => sandbox,
      () => adapter,
    );

    carrierSpecific?.(() => sandbox);
  });
}
