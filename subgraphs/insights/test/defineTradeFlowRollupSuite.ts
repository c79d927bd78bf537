import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBatch, type OrderEvent } from '#packages/events/index.js';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { createTradeFlowReader } from '../src/ingest/createTradeFlowReader.js';
import type { CellSource } from '../src/query/queryTradeFlowCells.js';
import { runTradeFlows } from '../src/query/runTradeFlows.js';
import type { TradeFlowQuery } from '../src/query/TradeFlowQuery.js';
import type { TradeFlowStore } from '../src/store/TradeFlowStore.js';
import { cancelledEvent, confirmedEvent, deliveredEvent } from './support/tradeEvents.js';

const hs = loadHsNomenclature();
const ORIGINS = ['CN', 'JP', 'US'];
const DESTINATIONS = ['DE', 'FR'];
const CODES = ['610910', '620342', '851712'];
const MODES = ['POSTAL', 'EXPRESS'] as const;

/** Questions of every shape: each must read the same rows from the rollup as from the orders. */
const QUESTIONS: ReadonlyArray<Omit<TradeFlowQuery, 'filter'> & { filter?: TradeFlowQuery['filter'] }> = [
  { flow: 'IMPORT', groupBy: [], data: 'REAL' },
  { flow: 'IMPORT', groupBy: [], data: 'ALL' },
  { flow: 'IMPORT', groupBy: ['REPORTER', 'PARTNER', 'HS4'], data: 'REAL' },
  { flow: 'EXPORT', groupBy: ['MONTH', 'PARTNER', 'HS6'], data: 'ALL' },
  { flow: 'IMPORT', groupBy: ['QUARTER', 'CARRIER', 'MARKETPLACE'], data: 'ALL' },
  { flow: 'IMPORT', groupBy: ['YEAR', 'REPORTER', 'MODE'], data: 'SYNTHETIC', filter: { monthFrom: 202610, monthTo: 202611, hs: ['61'] } },
  { flow: 'IMPORT', groupBy: ['PARTNER', 'HS2'], data: 'REAL', filter: { reporters: ['DE'] } },
  { flow: 'EXPORT', groupBy: ['MONTH', 'MODE'], data: 'REAL', filter: { reporters: ['CN'], partners: ['FR'], modes: ['EXPRESS'] } },
];

/**
 * The rollup (`src/store/tradeFlowRollup.ts`) against the orders it sums, on DuckDB and on
 * PostgreSQL: the same rows for questions of every shape, through re-deliveries and through
 * orders that change after they were counted. `open` gives undefined when the server is missing.
 */
export function defineTradeFlowRollupSuite(
  name: string,
  open: () => Promise<{ store: TradeFlowStore; dispose(): Promise<void> } | undefined>,
): void {
  describe(`${name} trade-flow rollup`, () => {
    let subject: { store: TradeFlowStore; dispose(): Promise<void> } | undefined;
    const marketplace = `mkt-${randomUUID().slice(0, 8)}`;
    // 90 orders over three months, three lanes' origins, two destinations, three goods, two modes;
    // every fourth synthetic; two in three delivered, some after half days; every tenth cancelled.
    const confirmed = Array.from({ length: 90 }, (_, i) =>
      confirmedEvent({
        marketplace,
        origin: ORIGINS[i % 3],
        destination: DESTINATIONS[Math.floor(i / 3) % 2],
        hs: CODES[Math.floor(i / 6) % 3],
        mode: MODES[i % 2],
        confirmedAt: `2026-${['09', '10', '11'][Math.floor(i / 5) % 3]}-0${(i % 9) + 1}T10:00:00.000Z`,
        synthetic: i % 4 === 0,
        deMinimis: i % 5 === 0,
        promisedMax: 6 + (i % 4),
        value: `${(i % 13) * 7 + 20}.${String(i % 100).padStart(2, '0')}`,
      }),
    );
    const delivered = confirmed.filter((_, i) => i % 3 !== 0).map((event, i) => deliveredEvent(event, 2 + (i % 9) + (i % 2 ? 0.5 : 0)));
    const cancelled = confirmed.filter((_, i) => i % 10 === 0).map((event) => cancelledEvent(event));
    const settings = (source: CellSource, minCell = 1) => ({ store: subject!.store, hs, minCell, maxPage: 1_000, source });
    const ask = (question: (typeof QUESTIONS)[number], source: CellSource, minCell = 1) =>
      runTradeFlows(
        settings(source, minCell),
        { ...question, filter: { ...question.filter, marketplaces: [marketplace] } },
        { first: 1_000 },
      );
    const deliver = (events: readonly OrderEvent[]) =>
      deliverBatch(
        createTradeFlowReader({ name: 'rollup-test', store: subject!.store, fallbackRates: async () => ({}) }),
        events.map((event) => ({ payload: JSON.stringify(event), source: `test:${event.id}` })),
      );
    const expectSameRows = async () => {
      for (const question of QUESTIONS) {
        for (const minCell of [1, 5]) {
          const fromOrders = await ask(question, 'orders', minCell);
          expect(fromOrders.rows.length, JSON.stringify(question)).toBeGreaterThan(0);
          expect(await ask(question, 'rollup', minCell), JSON.stringify(question)).toEqual(fromOrders);
        }
      }
    };

    beforeAll(async () => {
      subject = await open();
      if (!subject) return;
      await subject.store.migrate();
      // In three deliveries, as a relay would: orders, then their stages, then cancellations.
      await deliver(confirmed);
      await deliver(delivered);
      await deliver(cancelled);
    });
    afterAll(async () => {
      await subject?.dispose();
    });

    it('reads the same rows from the rollup as from the orders, for questions of every shape', async (context) => {
      if (!subject) return context.skip();
      await expectSameRows();
      const total = await ask(QUESTIONS[1]!, 'rollup');
      expect(total.rows.map((row) => [row.synthetic, row.orders]).sort()).toEqual([
        [false, 63], // 90 orders, 23 synthetic, 9 cancelled (5 of them synthetic)
        [true, 18],
      ]);
    });

    it('counts a re-delivered event once', async (context) => {
      if (!subject) return context.skip();
      const before = await ask(QUESTIONS[2]!, 'rollup');
      await deliver([...confirmed.slice(0, 30), ...delivered.slice(0, 20), ...cancelled]);
      await deliver([confirmed[1]!, confirmed[1]!, delivered[0]!]);
      expect(await ask(QUESTIONS[2]!, 'rollup')).toEqual(before);
      await expectSameRows();
    });

    it('moves an order when it changes: cancelled after confirmation, delivered later, cancelled before it was confirmed', async (context) => {
      if (!subject) return context.skip();
      const lane = { flow: 'IMPORT', groupBy: ['PARTNER'], data: 'REAL', filter: { partners: ['US'], reporters: ['DE'] } } as const;
      const own = `mkt-${randomUUID().slice(0, 8)}`;
      const askOwn = async () =>
        (await runTradeFlows(settings('rollup'), { ...lane, filter: { ...lane.filter, marketplaces: [own] } }, { first: 10 })).rows;
      const orders = Array.from({ length: 3 }, () => confirmedEvent({ marketplace: own, origin: 'US', destination: 'DE', promisedMax: 5 }));
      await deliver(orders);
      expect((await askOwn()).map((row) => [row.orders, row.transitDays])).toEqual([[3, null]]);

      await deliver([deliveredEvent(orders[0]!, 3), deliveredEvent(orders[1]!, 7)]);
      expect((await askOwn()).map((row) => [row.orders, row.transitDays, row.onTimeRate])).toEqual([[3, { median: 5, p90: 6.6 }, 0.5]]);

      await deliver([cancelledEvent(orders[1]!)]);
      expect((await askOwn()).map((row) => [row.orders, row.transitDays, row.primaryValue])).toEqual([
        [2, { median: 3, p90: 3 }, { usd: '22.00', eur: '20.00' }],
      ]);

      // A cancellation that arrives before its confirmation: the order is never counted.
      const late = confirmedEvent({ marketplace: own, origin: 'US', destination: 'DE' });
      await deliver([cancelledEvent(late)]);
      await deliver([late]);
      expect((await askOwn()).map((row) => row.orders)).toEqual([2]);

      await deliver([cancelledEvent(orders[0]!), cancelledEvent(orders[2]!)]);
      expect(await askOwn()).toEqual([]); // the emptied cell is gone, not a row of zeros
      await expectSameRows();
    });

    it('folds each cell to one row when compacted, dropping emptied cells, with the same answers', async (context) => {
      if (!subject) return context.skip();
      const { store } = subject;
      const rowsOf = async (having: string) =>
        Number(
          (
            await store.query({
              text: `SELECT COUNT(*) AS n FROM (SELECT month, origin, destination, hs6, mode, carrier, synthetic, SUM(orders) AS orders
                     FROM trade_flow_cells WHERE marketplace = $1 GROUP BY month, origin, destination, hs6, mode, carrier, synthetic
                     HAVING ${having}) cells`,
              params: [marketplace],
            })
          )[0]!.n,
        );
      // Cancellations and stages appended rows to cells counted before.
      expect(await rowsOf('COUNT(*) > 1 OR SUM(orders) = 0')).toBeGreaterThan(0);
      const before = await Promise.all(QUESTIONS.map((question) => ask(question, 'rollup')));
      await store.compactRollup();
      expect(await rowsOf('COUNT(*) > 1 OR SUM(orders) = 0')).toBe(0);
      expect(await Promise.all(QUESTIONS.map((question) => ask(question, 'rollup')))).toEqual(before);
      await expectSameRows();
    });

    it('fills the rollup and the transit column from the orders when a store that predates them is migrated', async (context) => {
      if (!subject) return context.skip();
      const before = await ask(QUESTIONS[3]!, 'rollup');
      await subject.store.query({ text: 'DELETE FROM trade_flow_cells', params: [] });
      expect((await ask(QUESTIONS[3]!, 'rollup')).rows).toEqual([]);
      // …and before the orders kept their transit times in hundredths of a day.
      await subject.store.query({ text: 'ALTER TABLE trade_flows DROP COLUMN transit_hundredths', params: [] });
      await subject.store.migrate();
      expect(await ask(QUESTIONS[3]!, 'rollup')).toEqual(before);
    });
  });
}
