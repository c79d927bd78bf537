import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteTrackRecordStore } from '../src/record/createSqliteTrackRecordStore.js';
import { readTrackRecords } from '../src/record/readTrackRecords.js';
import type { TrackRecordChange, TrackRecordStore } from '../src/record/TrackRecordStore.js';
import { recordOfOrders } from '../src/score/PlatformRecord.js';
import { scoreSeller } from '../src/score/scoreSeller.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const DAY = 86_400_000;
const HALF_LIFE = 180 * DAY;
const SELLERS = ['s-busy', 's-disputed', 's-new', 's-old'];
const RATING = { average: 4.6, worst: 1, best: 5, count: 12 };

/** A small deterministic generator (mulberry32), so a failing history can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

type Applied = Parameters<TrackRecordStore['apply']>[0][number];

/**
 * Histories as the order events tell them: orders confirmed over two and a half years (some exactly
 * now, some whole half-lives ago), then deliveries, seller cancellations, disputes opened, lost,
 * won and opened again, returns, events stamped before the order's previous one, events for orders
 * trust never saw, and redeliveries of events already applied.
 */
function histories(seed: number): Applied[][] {
  const { next, pick } = random(seed);
  const orders: { orderId: string; confirmedAt: number }[] = [];
  const confirmations: Applied[] = [];
  SELLERS.forEach((sellerId, s) => {
    const count = sellerId === 's-new' ? 2 : 20 + Math.floor(next() * 40);
    for (let i = 0; i < count; i++) {
      const age = sellerId === 's-old' ? 400 + next() * 500 : pick([0, 180, 360, next() * 900, next() * 60]);
      const confirmedAt = NOW - Math.round(age * DAY);
      const orderId = `o-${s}-${i}`;
      orders.push({ orderId, confirmedAt });
      const change: TrackRecordChange = { kind: 'confirmed', orderId, sellerId, marketplaceId: 'ke-soko', confirmedAt };
      confirmations.push({ eventId: `e-${orderId}-confirmed`, at: confirmedAt, change });
    }
  });
  const later: Applied[] = [];
  for (let i = 0; i < orders.length * 3; i++) {
    const { orderId, confirmedAt } = next() < 0.05 ? { orderId: 'o-unknown', confirmedAt: NOW } : pick(orders);
    const change: TrackRecordChange = pick<TrackRecordChange>([
      { kind: 'delivered', orderId, onTime: pick([true, true, false, null]) },
      { kind: 'delivered', orderId, onTime: true },
      { kind: 'cancelledBySeller', orderId },
      { kind: 'dispute', orderId, dispute: pick(['OPEN', 'LOST', 'WON'] as const) },
      { kind: 'returned', orderId, sellerAtFault: next() < 0.5 },
    ]);
    // mostly after the confirmation; now and then stamped before an earlier event of the order
    const at = confirmedAt + Math.round((next() < 0.1 ? -1 : 1) * next() * 30 * DAY);
    later.push({ eventId: `e-${i}`, at, change });
  }
  const all = [...confirmations, ...later];
  const redelivered = all.filter(() => next() < 0.1);
  const batches: Applied[][] = [];
  const stream = [...all, ...redelivered];
  for (let i = 0; i < stream.length; i += 1 + Math.floor(next() * 25)) batches.push(stream.slice(i, i + 25));
  return batches;
}

const assess = (store: TrackRecordStore, sellerId: string, now: number) => {
  const [fromTally] = readTrackRecords(store, [sellerId], now);
  const history = store.ordersOf([sellerId]).get(sellerId);
  const fromOrders = { record: recordOfOrders(history?.orders ?? [], now), lastEventAt: history?.lastEventAt };
  const score = (record: typeof fromOrders) =>
    scoreSeller({ sellerId, verification: 'BUSINESS', rating: RATING, ...record }, 'ke-soko', now);
  return { fromTally: score(fromTally!), fromOrders: score(fromOrders), records: [fromTally!, fromOrders] as const };
};

describe("a seller's tally", () => {
  const dirs: string[] = [];
  const open = () => {
    const dir = mkdtempSync(join(tmpdir(), 'trust-tally-'));
    dirs.push(dir);
    return { file: join(dir, 'trust.sqlite'), store: createSqliteTrackRecordStore(join(dir, 'trust.sqlite')) };
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it.each([1, 2, 3, 4, 5])('scores every seller as its orders do, at any later instant (history %i)', (seed) => {
    const { store } = open();
    for (const batch of histories(seed)) store.apply(batch);
    for (const sellerId of SELLERS)
      for (const now of [NOW, NOW + 1, NOW + 90 * DAY, NOW + HALF_LIFE, NOW + 3 * 365 * DAY]) {
        const { fromTally, fromOrders, records } = assess(store, sellerId, now);
        expect(fromTally).toEqual(fromOrders);
        expect(records[0].record.counts).toEqual(records[1].record.counts);
        expect(records[0].record.latestLostAt).toBe(records[1].record.latestLostAt);
      }
    store.close();
  });

  it('is what a seller is read from: one row a seller, not its orders', () => {
    const { file, store } = open();
    for (const batch of histories(7)) store.apply(batch);
    const before = SELLERS.map((sellerId) => assess(store, sellerId, NOW).fromOrders);
    const db = new Database(file);
    db.exec('DELETE FROM seller_orders');
    db.close();
    expect(SELLERS.map((sellerId) => assess(store, sellerId, NOW).fromTally)).toEqual(before);
    store.close();
  });

  it('is built from the orders for a file written before tallies were kept', () => {
    const { file, store } = open();
    for (const batch of histories(11)) store.apply(batch);
    const expected = SELLERS.map((sellerId) => assess(store, sellerId, NOW + 30 * DAY).fromOrders);
    store.close();
    const db = new Database(file);
    db.exec('DROP TABLE seller_tallies');
    db.close();
    const reopened = createSqliteTrackRecordStore(file);
    expect(reopened.talliesOf(SELLERS).size).toBe(SELLERS.length);
    expect(SELLERS.map((sellerId) => assess(reopened, sellerId, NOW + 30 * DAY).fromTally)).toEqual(expected);
    reopened.close();
  });

  it('stays as committed when a batch fails and is rolled back', () => {
    const { file, store } = open();
    for (const batch of histories(13)) store.apply(batch);
    const before = SELLERS.map((sellerId) => assess(store, sellerId, NOW).fromTally);
    const broken: Applied = {
      eventId: 'e-broken',
      at: NOW,
      change: { kind: 'confirmed', orderId: 'o-broken', sellerId: null as unknown as string, marketplaceId: 'ke-soko', confirmedAt: NOW },
    };
    const good = (sellerId: string): Applied => ({
      eventId: `e-more-${sellerId}`,
      at: NOW,
      change: { kind: 'confirmed', orderId: `o-more-${sellerId}`, sellerId, marketplaceId: 'ke-soko', confirmedAt: NOW },
    });
    expect(() => store.apply([...SELLERS.map(good), broken])).toThrow();
    expect(SELLERS.map((sellerId) => assess(store, sellerId, NOW).fromTally)).toEqual(before);
    const reopened = createSqliteTrackRecordStore(file);
    expect(SELLERS.map((sellerId) => assess(reopened, sellerId, NOW).fromTally)).toEqual(before);
    reopened.close();
    store.close();
  });

  it('weighs an order confirmed after the instant asked (another clock ahead) as one confirmed then, as the orders do', () => {
    const { store } = open();
    const confirm = (orderId: string, confirmedAt: number): Applied => ({
      eventId: orderId,
      at: confirmedAt,
      change: { kind: 'confirmed', orderId, sellerId: 's-ahead', marketplaceId: 'ke-soko', confirmedAt },
    });
    store.apply([confirm('o-1', NOW - 10 * DAY), confirm('o-2', NOW - 5 * DAY), confirm('o-3', NOW + 60_000)]);
    const { fromTally, fromOrders, records } = assess(store, 's-ahead', NOW);
    expect(fromTally).toEqual(fromOrders);
    expect(records[0].record.weighted.orders).toBeCloseTo(1 + 2 ** (-10 / 180) + 2 ** (-5 / 180), 12);
    store.close();
  });
});
