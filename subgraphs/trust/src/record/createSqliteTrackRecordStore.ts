import Database from 'better-sqlite3';
import type { OrderOutcome } from '../score/SellerEvidence.js';
import type { TrackRecordChange, TrackRecordStore } from './TrackRecordStore.js';

const TABLES = [
  `CREATE TABLE IF NOT EXISTS seller_orders (
     order_id TEXT PRIMARY KEY,
     seller_id TEXT NOT NULL,
     marketplace_id TEXT NOT NULL,
     confirmed_at INTEGER NOT NULL,
     on_time INTEGER,
     cancelled_by_seller INTEGER NOT NULL DEFAULT 0,
     dispute TEXT NOT NULL DEFAULT 'NONE',
     returned TEXT NOT NULL DEFAULT 'NONE',
     last_event_at INTEGER NOT NULL
   )`,
  'CREATE INDEX IF NOT EXISTS seller_orders_seller ON seller_orders (seller_id)',
  'CREATE TABLE IF NOT EXISTS applied_events (event_id TEXT PRIMARY KEY)',
  `CREATE TABLE IF NOT EXISTS event_dead_letters (
     event_id TEXT, source TEXT NOT NULL, payload TEXT NOT NULL, error TEXT NOT NULL, at INTEGER NOT NULL
   )`,
];

/**
 * The track-record store on one SQLite file (better-sqlite3, WAL). Each order is one row, changed
 * by its events in stream order; an event id is remembered in the same transaction as its change,
 * so a redelivered event changes nothing.
 */
export function createSqliteTrackRecordStore(file: string): TrackRecordStore {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  for (const sql of TABLES) db.exec(sql);
  // A file made before returns were counted gets the column, every order in it not returned.
  const columns = db.prepare('PRAGMA table_info(seller_orders)').all() as Array<{ name: string }>;
  if (!columns.some((column) => column.name === 'returned'))
    db.exec("ALTER TABLE seller_orders ADD COLUMN returned TEXT NOT NULL DEFAULT 'NONE'");

  const remember = db.prepare('INSERT OR IGNORE INTO applied_events (event_id) VALUES (?)');
  const confirm = db.prepare(
    `INSERT INTO seller_orders (order_id, seller_id, marketplace_id, confirmed_at, last_event_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (order_id) DO NOTHING`,
  );
  const deliver = db.prepare('UPDATE seller_orders SET on_time = ?, last_event_at = ? WHERE order_id = ?');
  const cancel = db.prepare('UPDATE seller_orders SET cancelled_by_seller = 1, last_event_at = ? WHERE order_id = ?');
  const dispute = db.prepare('UPDATE seller_orders SET dispute = ?, last_event_at = ? WHERE order_id = ?');
  const returned = db.prepare('UPDATE seller_orders SET returned = ?, last_event_at = ? WHERE order_id = ?');
  // One statement for any number of sellers (a JSON array of ids), prepared once: compiling a
  // statement per call cost more than running it, on the booking path's seller-trust read.
  const sellerOrders = db.prepare(
    `SELECT order_id, seller_id, confirmed_at, on_time, cancelled_by_seller, dispute, returned, last_event_at
     FROM seller_orders WHERE seller_id IN (SELECT value FROM json_each(?))`,
  );
  const deadLetter = db.prepare('INSERT INTO event_dead_letters (event_id, source, payload, error, at) VALUES (?, ?, ?, ?, ?)');

  const applyOne = (change: TrackRecordChange, at: number) => {
    switch (change.kind) {
      case 'confirmed':
        confirm.run(change.orderId, change.sellerId, change.marketplaceId, change.confirmedAt, at);
        return;
      case 'delivered':
        deliver.run(change.onTime === null ? null : change.onTime ? 1 : 0, at, change.orderId);
        return;
      case 'cancelledBySeller':
        cancel.run(at, change.orderId);
        return;
      case 'dispute':
        dispute.run(change.dispute, at, change.orderId);
        return;
      case 'returned':
        returned.run(change.sellerAtFault ? 'SELLER_AT_FAULT' : 'CHANGED_MIND', at, change.orderId);
        return;
      default:
        throw new Error(`unknown track-record change ${JSON.stringify(change satisfies never)}`);
    }
  };
  const applyAll = db.transaction((changes: Parameters<TrackRecordStore['apply']>[0]) => {
    for (const { eventId, at, change } of changes) {
      if (remember.run(eventId).changes === 0) continue;
      if (change) applyOne(change, at);
    }
  });

  return {
    apply: (changes) => applyAll(changes),
    recordsOf(sellerIds) {
      const records = new Map<string, { orders: OrderOutcome[]; lastEventAt: number }>();
      if (sellerIds.length === 0) return records;
      const rows = sellerOrders.all(JSON.stringify(sellerIds)) as {
        order_id: string;
        seller_id: string;
        confirmed_at: number;
        on_time: number | null;
        cancelled_by_seller: number;
        dispute: OrderOutcome['dispute'];
        returned: OrderOutcome['returned'];
        last_event_at: number;
      }[];
      for (const row of rows) {
        const record = records.get(row.seller_id) ?? { orders: [], lastEventAt: 0 };
        record.orders.push({
          orderId: row.order_id,
          confirmedAt: row.confirmed_at,
          onTime: row.on_time === null ? null : row.on_time === 1,
          cancelledBySeller: row.cancelled_by_seller === 1,
          dispute: row.dispute,
          returned: row.returned,
        });
        record.lastEventAt = Math.max(record.lastEventAt, row.last_event_at);
        records.set(row.seller_id, record);
      }
      return records;
    },
    addDeadLetter(letter, at) {
      deadLetter.run(letter.eventId, letter.source, letter.payload, letter.error, at);
    },
    close: () => db.close(),
  };
}
