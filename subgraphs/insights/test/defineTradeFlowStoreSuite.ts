import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBatch, type OrderEvent } from '#packages/events/index.js';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { createTradeFlowReader } from '../src/ingest/createTradeFlowReader.js';
import { runTradeFlows } from '../src/query/runTradeFlows.js';
import type { TradeFlowQuery } from '../src/query/TradeFlowQuery.js';
import type { TradeFlowStore } from '../src/store/TradeFlowStore.js';
import { confirmedEvent, deliveredEvent } from './support/tradeEvents.js';

const hs = loadHsNomenclature();

/** What every trade-flow store must answer alike, run on DuckDB and on PostgreSQL. `open` gives undefined when the server is missing. */
export function defineTradeFlowStoreSuite(
  name: string,
  open: () => Promise<{ store: TradeFlowStore; dispose(): Promise<void> } | undefined>,
): void {
  describe(`${name} trade-flow store`, () => {
    let subject: { store: TradeFlowStore; dispose(): Promise<void> } | undefined;
    // Each run gets its own marketplace, so its cells are its own even on a shared database.
    const marketplace = `mkt-${randomUUID().slice(0, 8)}`;
    const cn = Array.from({ length: 6 }, () => confirmedEvent({ marketplace }));
    const jp = Array.from({ length: 3 }, () => confirmedEvent({ marketplace, origin: 'JP', value: '1650', currency: 'JPY' }));
    const synthetic = Array.from({ length: 5 }, () => confirmedEvent({ marketplace, synthetic: true }));
    const deliveries = cn.slice(0, 5).map((event, i) => deliveredEvent(event, [4, 6, 8, 12, 20][i]!));
    const settings = () => ({ store: subject!.store, hs, minCell: 5, maxPage: 100 });
    const ask = (query: Partial<TradeFlowQuery>) =>
      runTradeFlows(
        settings(),
        { flow: 'IMPORT', groupBy: ['REPORTER', 'PARTNER', 'HS4'], data: 'REAL', filter: { marketplaces: [marketplace] }, ...query },
        { first: 100 },
      );
    const reader = () =>
      createTradeFlowReader({ name: 'insights-test', store: subject!.store, fallbackRates: async () => ({ JPY: '165.00' }) });
    const deliver = (events: readonly OrderEvent[]) =>
      deliverBatch(
        reader(),
        events.map((event) => ({ payload: JSON.stringify(event), source: `test:${event.id}` })),
      );

    beforeAll(async () => {
      subject = await open();
      if (!subject) return;
      await subject.store.migrate(); // again: safe
      await deliver([...cn, ...jp, ...synthetic]);
      await deliver(deliveries);
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it('counts confirmed orders by reporter, partner and HS4, money exact in USD and EUR at each order’s rates', async (context) => {
      if (!subject) return context.skip();
      const page = await ask({});
      const germanyFromChina = page.rows.find((row) => row.partner?.code === 'CN')!;
      expect(germanyFromChina).toMatchObject({
        flowCode: 'M',
        reporter: { code: 'DE', name: 'Germany', region: 'Europe' },
        partner: { code: 'CN', name: 'China', region: 'Asia' },
        commodity: { code: '6109', level: 4 },
        synthetic: false,
        suppressed: false,
        orders: 6,
        qty: 12,
        netWgt: 2.4,
        // 80.00 CNY at 8.00 per EUR = 10.00 EUR = 11.00 USD, six times
        primaryValue: { eur: '60.00', usd: '66.00' },
        duties: { eur: '7.20', usd: '7.92' },
        taxes: { eur: '18.24', usd: '20.04' }, // 3.04 EUR = 3.344 USD, rounded per order to 3.34
        deMinimisShare: 0,
      });
      expect(germanyFromChina.commodity!.description).toMatch(/T-shirts/);
      expect(germanyFromChina.landedCostShares).toEqual({ item: 0.5, shipping: 0.25, duties: 0.06, taxes: 0.152, fees: 0.038 });
    });

    it('names periods as Comtrade does: month YYYYMM, quarter YYYYQn, year YYYY', async (context) => {
      if (!subject) return context.skip();
      const periods = async (dimension: 'MONTH' | 'QUARTER' | 'YEAR') =>
        (await ask({ groupBy: [dimension, 'PARTNER'] })).rows.map((row) => [row.period, row.partner?.code, row.orders]);
      // Every test order was confirmed on 2026-11-02.
      expect(await periods('MONTH')).toEqual([
        ['202611', 'CN', 6],
        ['202611', 'JP', null],
      ]);
      expect(await periods('QUARTER')).toEqual([
        ['2026Q4', 'CN', 6],
        ['2026Q4', 'JP', null],
      ]);
      expect(await periods('YEAR')).toEqual([
        ['2026', 'CN', 6],
        ['2026', 'JP', null],
      ]);
    });

    it('suppresses a cell of fewer than minCell orders, and says so', async (context) => {
      if (!subject) return context.skip();
      const fromJapan = (await ask({})).rows.find((row) => row.partner?.code === 'JP')!;
      expect(fromJapan).toMatchObject({ suppressed: true, orders: null, primaryValue: null, duties: null, transitDays: null });
      expect(fromJapan.reporter?.code).toBe('DE'); // keys stay: the cell exists, its numbers are withheld
    });

    it('measures transit days and the on-time rate on delivered orders against the promised days', async (context) => {
      if (!subject) return context.skip();
      const row = (await ask({ filter: { marketplaces: [marketplace], partners: ['CN'] } })).rows[0]!;
      expect(row.transitDays).toEqual({ median: 8, p90: 16.8 });
      expect(row.onTimeRate).toBe(0.6); // 4, 6 and 8 days within 10; 12 and 20 late
    });

    it('takes transit times to the nearest hundredth of a day, and interpolates the percentiles between them', async (context) => {
      if (!subject) return context.skip();
      const own = `mkt-${randomUUID().slice(0, 8)}`;
      const orders = Array.from({ length: 7 }, () => confirmedEvent({ marketplace: own }));
      // Off the hundredths: a half (5.005 days, up to 5.01), just under one (3.00499…, down to 3.00), and uneven times.
      const days = [5.005, 3 + 431_999 / 86_400_000, 7.2361, 10.1 + 1 / 86_400_000, 2.99999, 6.4449, 12.875];
      const delivered = orders.map((event, i) => deliveredEvent(event, days[i]!));
      await deliver([...orders, ...delivered]);
      const [row] = (await ask({ groupBy: ['PARTNER'], filter: { marketplaces: [own] } })).rows;
      // The same computation in JavaScript: each order's milliseconds to hundredths, halves up, then
      // quantile_cont's interpolation between the two nearest, in days, shown to two decimals.
      const hundredths = delivered
        .map(({ data }) => {
          const { dispatchedAt, deliveredAt } = data as { dispatchedAt: string; deliveredAt: string };
          return Math.floor((Date.parse(deliveredAt) - Date.parse(dispatchedAt) + 432_000) / 864_000);
        })
        .sort((a, b) => a - b);
      expect(hundredths.slice(0, 4)).toEqual([300, 300, 501, 644]);
      const percentile = (p: number) => {
        const at = (hundredths.length - 1) * p;
        const low = hundredths[Math.floor(at)]!;
        const high = hundredths[Math.ceil(at)]!;
        return Math.round(low + (at - Math.floor(at)) * (high - low)) / 100;
      };
      expect(row!.transitDays).toEqual({ median: percentile(0.5), p90: percentile(0.9) });
      expect(row!.transitDays).toEqual({ median: 6.44, p90: 11.21 }); // 300 300 501 644 724 1010 1288
    });

    it('is idempotent: the same events delivered again change nothing', async (context) => {
      if (!subject) return context.skip();
      await deliver([...cn, ...deliveries]);
      await deliver([cn[0]!]);
      const row = (await ask({})).rows.find((candidate) => candidate.partner?.code === 'CN')!;
      expect(row.orders).toBe(6);
      expect(row.primaryValue).toEqual({ eur: '60.00', usd: '66.00' });
    });

    it('keeps synthetic history apart: REAL and SYNTHETIC never mix, ALL flags each row', async (context) => {
      if (!subject) return context.skip();
      const groupBy = ['PARTNER'] as const;
      const real = await ask({ groupBy: [...groupBy], filter: { marketplaces: [marketplace], partners: ['CN'] } });
      const seeded = await ask({ groupBy: [...groupBy], data: 'SYNTHETIC', filter: { marketplaces: [marketplace], partners: ['CN'] } });
      const all = await ask({ groupBy: [...groupBy], data: 'ALL', filter: { marketplaces: [marketplace], partners: ['CN'] } });
      expect(real.rows.map((row) => [row.synthetic, row.orders])).toEqual([[false, 6]]);
      expect(seeded.rows.map((row) => [row.synthetic, row.orders])).toEqual([[true, 5]]);
      expect(all.rows.map((row) => [row.synthetic, row.orders]).sort()).toEqual([
        [false, 6],
        [true, 5],
      ]);
    });

    it('pages with a cursor, and totalCount counts the cells of every page', async (context) => {
      if (!subject) return context.skip();
      const first = await runTradeFlows(
        settings(),
        { flow: 'EXPORT', groupBy: ['REPORTER'], data: 'REAL', filter: { marketplaces: [marketplace] } },
        { first: 1 },
      );
      expect(first.totalCount).toBe(2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await runTradeFlows(
        settings(),
        { flow: 'EXPORT', groupBy: ['REPORTER'], data: 'REAL', filter: { marketplaces: [marketplace] } },
        { first: 1, after: first.pageInfo.endCursor },
      );
      expect([first.rows[0]!.reporter!.code, second.rows[0]!.reporter!.code]).toEqual(['CN', 'JP']);
      expect(second.pageInfo.hasNextPage).toBe(false);
    });

    it('keeps an event it cannot count as a dead letter with its error, and counts the rest', async (context) => {
      if (!subject) return context.skip();
      const noRate = confirmedEvent({ marketplace, value: '10.00', currency: 'ZAR' });
      const fine = confirmedEvent({ marketplace, origin: 'US', value: '10.00', currency: 'USD' });
      await deliverBatch(reader(), [
        { payload: JSON.stringify(noRate), source: 'test:no-rate' },
        { payload: '{"type":"order.confirmed"', source: 'test:truncated' },
        { payload: JSON.stringify(fine), source: 'test:fine' },
      ]);
      const letters = await subject.store.listDeadLetters(10_000);
      expect(letters.find((letter) => letter.source === 'test:no-rate')).toMatchObject({
        eventId: noRate.id,
        error: expect.stringMatching(/ZAR/),
      });
      expect(letters.find((letter) => letter.source === 'test:truncated')).toMatchObject({
        eventId: null,
        error: expect.stringMatching(/not JSON/),
      });
      const fromUs = (await ask({ groupBy: ['PARTNER'], data: 'REAL', filter: { marketplaces: [marketplace], partners: ['US'] } })).rows;
      expect(fromUs.map((row) => row.suppressed)).toEqual([true]); // counted (one order, so suppressed)
    });

    it('keeps export jobs, and gives a job to one runner at a time until its lease lapses', async (context) => {
      if (!subject) return context.skip();
      const { store } = subject;
      const id = `exp_${randomUUID()}`;
      const job = {
        id,
        owner: 'key-1',
        status: 'PENDING' as const,
        format: 'CSV' as const,
        request: '{}',
        progress: 0,
        rowsWritten: null,
        path: null,
        expiresAt: null,
        error: null,
        createdAt: 1,
        updatedAt: 1,
        leaseUntil: 0,
      };
      await store.createExportJob(job);
      const now = 1_000_000_000_000_000;
      const claimed = await store.claimExportJob(now, now + 1000);
      expect(claimed).toMatchObject({ status: 'RUNNING', leaseUntil: now + 1000 });
      await store.updateExportJob(claimed!.id, { progress: 0.5 }, now);
      const again = await store.claimExportJob(now + 10, now + 2000);
      expect(again?.id === claimed!.id).toBe(false);
      const afterLapse = await store.claimExportJob(now + 1000, now + 3000);
      expect(afterLapse).toBeDefined();
      expect((await store.getExportJob(id))?.status).toBe('RUNNING');
    });
  });
}
