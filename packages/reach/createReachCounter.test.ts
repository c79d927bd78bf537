import { describe, expect, it } from 'vitest';
import { createLogger } from '#packages/log/index.js';
import { createReachCounter } from './createReachCounter.js';
import type { ReachCount } from './ReachCount.js';
import { ReachNotSent } from './ReachNotSent.js';

const logger = createLogger('test', { level: 'silent' });

/**
 * The counter's own rules; that its batches land in the real stores (SQLite and PostgreSQL) and
 * survive a failed flush is `subgraphs/orders/test/defineOrderStoreSuite.ts`.
 */
describe('reach counter', () => {
  it('sums counts per marketplace, country, UTC day and kind into one batch', async () => {
    const batches: ReachCount[][] = [];
    let now = Date.parse('2026-12-04T23:59:59.999Z');
    const counter = createReachCounter({
      send: async (batch) => void batches.push([...batch]),
      flushIntervalMs: 3_600_000,
      logger,
      now: () => now,
    });
    counter.count({ marketplaceId: 'cn-jademarket', country: 'DE', kind: 'SHOWN' }, 3);
    counter.count({ marketplaceId: 'cn-jademarket', country: 'DE', kind: 'SHOWN' });
    counter.count({ marketplaceId: 'cn-jademarket', country: undefined, kind: 'SHOWN' });
    counter.count({ marketplaceId: 'cn-jademarket', country: 'DE', kind: 'QUOTED' }, 0); // nothing to count
    now += 1; // the next UTC day
    counter.count({ marketplaceId: 'cn-jademarket', country: 'DE', kind: 'SHOWN' });
    await counter.close();
    expect(batches).toEqual([
      [
        { marketplaceId: 'cn-jademarket', country: 'DE', day: '2026-12-04', kind: 'SHOWN', count: 4 },
        { marketplaceId: 'cn-jademarket', country: '', day: '2026-12-04', kind: 'SHOWN', count: 1 },
        { marketplaceId: 'cn-jademarket', country: 'DE', day: '2026-12-05', kind: 'SHOWN', count: 1 },
      ],
    ]);
  });

  it('counts that arrive while a flush is in flight go in the next batch, none lost or sent twice', async () => {
    const batches: ReachCount[][] = [];
    let release: () => void = () => undefined;
    let slow = true;
    const counter = createReachCounter({
      send: async (batch) => {
        batches.push([...batch]);
        if (slow) await new Promise<void>((resolve) => (release = resolve));
      },
      flushIntervalMs: 3_600_000,
      logger,
    });
    counter.count({ marketplaceId: 'ke-soko', country: 'KE', kind: 'QUOTED' }, 2);
    const first = counter.flush();
    await expect.poll(() => batches.length, { timeout: 10_000, interval: 10 }).toBe(1); // the first batch is being sent
    counter.count({ marketplaceId: 'ke-soko', country: 'KE', kind: 'QUOTED' }, 5);
    const second = counter.flush(); // waits for the first
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches.map((batch) => batch[0]!.count)).toEqual([2]);
    slow = false;
    release();
    await Promise.all([first, second]);
    await counter.close();
    expect(batches.map((batch) => batch[0]!.count)).toEqual([2, 5]);
  });

  it('after a batch sent in part, keeps only what was not written', async () => {
    const written: ReachCount[] = [];
    let failAfter: number | undefined = 1;
    const counter = createReachCounter({
      send: async (batch) => {
        if (failAfter !== undefined) {
          written.push(...batch.slice(0, failAfter));
          throw new ReachNotSent('orders went away', batch.slice(failAfter));
        }
        written.push(...batch);
      },
      flushIntervalMs: 3_600_000,
      logger,
      now: () => Date.parse('2026-12-05T10:00:00Z'),
    });
    counter.count({ marketplaceId: 'jp-ichiba', country: 'US', kind: 'SHOWN' }, 2);
    counter.count({ marketplaceId: 'jp-ichiba', country: 'FR', kind: 'SHOWN' }, 3);
    await counter.flush();
    failAfter = undefined;
    await counter.close();
    expect(written.map((entry) => [entry.country, entry.count])).toEqual([
      ['US', 2],
      ['FR', 3],
    ]);
  });

  it('flushes by itself every interval', async () => {
    const batches: ReachCount[][] = [];
    const counter = createReachCounter({ send: async (batch) => void batches.push([...batch]), flushIntervalMs: 100, logger });
    counter.count({ marketplaceId: 'br-feira', country: 'AR', kind: 'SHOWN' });
    await expect.poll(() => batches.length, { timeout: 10_000, interval: 50 }).toBe(1);
    await counter.close();
    expect(batches).toHaveLength(1); // nothing left for the last flush
  });
});
