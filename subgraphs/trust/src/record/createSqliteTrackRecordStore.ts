import Database from 'better-sqlite3';
import type { OrderOutcome } from '../score/SellerEvidence.js';
import { emptyTally, withOrderChanged, type OrderTally } from './OrderTally.js';
import type { TrackRecordChange, TrackRecordStore } from './TrackRecordStore.js';

/** Sellers' tallies kept in memory: at a few hundred bytes each, about 20 MB. */
const TALLIES_KEPT = 50_000;

interface OrderRow {
  order_id: string;
  seller_id: string;
  confirmed_at: number;
  on_time: number | null;
  cancelled_by_seller: number;
  dispute: OrderOutcome['dispute'];
  returned: OrderOutcome['returned'];
  last_event_at: number;
}

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
  // A seller's orders summed up (an OrderTally as JSON), moved with each change to one of them.
  'CREATE TABLE IF NOT EXISTS seller_tallies (seller_id TEXT PRIMARY KEY, tally TEXT NOT NULL)',
  'CREATE TABLE IF NOT EXISTS applied_events (event_id TEXT PRIMARY KEY)',
  `CREATE TABLE IF NOT EXISTS event_dead_letters (
     event_id TEXT, source TEXT NOT NULL, payload TEXT NOT NULL, error TEXT NOT NULL, at INTEGER NOT NULL
   )`,
];

/**
 * The track-record store on one SQLite file (better-sqlite3, WAL). Each order is one row, changed
 * by its events in stream order, and its seller's tally moves with it in the same transaction; an
 * event id is remembered in that transaction too, so a redelivered event changes nothing.
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
  const COLUMNS = 'order_id, seller_id, confirmed_at, on_time, cancelled_by_seller, dispute, returned, last_event_at';
  const sellerOrders = db.prepare(`SELECT ${COLUMNS} FROM seller_orders WHERE seller_id IN (SELECT value FROM json_each(?))`);
  const ordersOfSeller = db.prepare(`SELECT ${COLUMNS} FROM seller_orders WHERE seller_id = ? ORDER BY rowid`);
  const orderRow = db.prepare(`SELECT ${COLUMNS} FROM seller_orders WHERE order_id = ?`);
  const latestLost = db.prepare("SELECT MAX(confirmed_at) AS at FROM seller_orders WHERE seller_id = ? AND dispute = 'LOST'");
  const latestEvent = db.prepare('SELECT MAX(last_event_at) AS at FROM seller_orders WHERE seller_id = ?');
  const tallies = db.prepare('SELECT seller_id, tally FROM seller_tallies WHERE seller_id IN (SELECT value FROM json_each(?))');
  const tallyOf = db.prepare('SELECT tally FROM seller_tallies WHERE seller_id = ?');
  const saveTally = db.prepare(
    'INSERT INTO seller_tallies (seller_id, tally) VALUES (?, ?) ON CONFLICT (seller_id) DO UPDATE SET tally = excluded.tally',
  );
  const deadLetter = db.prepare('INSERT INTO event_dead_letters (event_id, source, payload, error, at) VALUES (?, ?, ?, ?, ?)');

  // Tallies as committed, so that a booking's read of its seller runs no statement: this process is
  // the file's only writer (one replica owns it), so a tally changes only in `apply`, which puts
  // what its transaction wrote here once it has committed (`written`). `null`: no orders. The least
  // recently used go first beyond `TALLIES_KEPT`.
  const kept = new Map<string, OrderTally | null>();
  const keep = (sellerId: string, tally: OrderTally | null) => {
    kept.delete(sellerId);
    kept.set(sellerId, tally);
    if (kept.size > TALLIES_KEPT) kept.delete(kept.keys().next().value!);
  };
  const written = new Map<string, OrderTally>();
  const readTally = (sellerId: string): OrderTally | undefined => {
    const tally = written.get(sellerId) ?? kept.get(sellerId);
    if (tally !== undefined) return tally ?? undefined;
    const row = tallyOf.get(sellerId) as { tally: string } | undefined;
    return row && (JSON.parse(row.tally) as OrderTally);
  };
  const writeTally = (sellerId: string, tally: OrderTally) => {
    saveTally.run(sellerId, JSON.stringify(tally));
    written.set(sellerId, tally);
  };
  // A seller's tally from its orders: for a file written before tallies were kept.
  const rebuildTally = (sellerId: string) => {
    const rows = ordersOfSeller.all(sellerId) as OrderRow[];
    let tally = emptyTally(rows[0]!.confirmed_at);
    let latestLostAt: number | null = null;
    let lastEventAt = rows[0]!.last_event_at;
    for (const row of rows) {
      tally = withOrderChanged(tally, undefined, orderOf(row));
      if (row.dispute === 'LOST') latestLostAt = Math.max(latestLostAt ?? row.confirmed_at, row.confirmed_at);
      lastEventAt = Math.max(lastEventAt, row.last_event_at);
    }
    writeTally(sellerId, { ...tally, latestLostAt, lastEventAt });
  };

  const confirmOrder = (change: Extract<TrackRecordChange, { kind: 'confirmed' }>, at: number) => {
    if (confirm.run(change.orderId, change.sellerId, change.marketplaceId, change.confirmedAt, at).changes === 0) return;
    const known = readTally(change.sellerId);
    const order: OrderOutcome = {
      orderId: change.orderId,
      confirmedAt: change.confirmedAt,
      onTime: null,
      cancelledBySeller: false,
      dispute: 'NONE',
      returned: 'NONE',
    };
    const tally = withOrderChanged(known ?? emptyTally(change.confirmedAt), undefined, order);
    writeTally(change.sellerId, { ...tally, lastEventAt: known ? Math.max(known.lastEventAt, at) : at });
  };

  const changeOrder = (change: Exclude<TrackRecordChange, { kind: 'confirmed' }>, at: number) => {
    const row = orderRow.get(change.orderId) as OrderRow | undefined;
    if (!row) return; // an order trust does not count (synthetic) or has not seen confirmed
    const before = orderOf(row);
    const after = changed(before, change);
    switch (change.kind) {
      case 'delivered':
        deliver.run(change.onTime === null ? null : change.onTime ? 1 : 0, at, change.orderId);
        break;
      case 'cancelledBySeller':
        cancel.run(at, change.orderId);
        break;
      case 'dispute':
        dispute.run(change.dispute, at, change.orderId);
        break;
      case 'returned':
        returned.run(after.returned, at, change.orderId);
        break;
      default:
        throw new Error(`unknown track-record change ${JSON.stringify(change satisfies never)}`);
    }
    const tally = readTally(row.seller_id);
    if (!tally) return rebuildTally(row.seller_id);
    const sellerId = row.seller_id;
    const wasLost = before.dispute === 'LOST';
    const isLost = after.dispute === 'LOST';
    const latestLostAt =
      wasLost === isLost
        ? tally.latestLostAt
        : isLost
          ? Math.max(tally.latestLostAt ?? before.confirmedAt, before.confirmedAt)
          : (latestLost.get(sellerId) as { at: number | null }).at;
    // An event stamped before the order's previous one moves the seller's last change back only if
    // that order held it.
    const lastEventAt =
      at >= tally.lastEventAt || row.last_event_at !== tally.lastEventAt
        ? Math.max(tally.lastEventAt, at)
        : (latestEvent.get(sellerId) as { at: number }).at;
    writeTally(sellerId, { ...withOrderChanged(tally, before, after), latestLostAt, lastEventAt });
  };

  const applyOne = (change: TrackRecordChange, at: number) => {
    if (change.kind === 'confirmed') confirmOrder(change, at);
    else changeOrder(change, at);
  };
  const applyAll = db.transaction((changes: Parameters<TrackRecordStore['apply']>[0]) => {
    for (const { eventId, at, change } of changes) {
      if (remember.run(eventId).changes === 0) continue;
      if (change) applyOne(change, at);
    }
  });

  // A file written before tallies were kept gets one for each seller, from its orders.
  const untallied = db
    .prepare('SELECT DISTINCT seller_id FROM seller_orders WHERE seller_id NOT IN (SELECT seller_id FROM seller_tallies)')
    .pluck()
    .all() as string[];
  if (untallied.length > 0) db.transaction(() => untallied.forEach(rebuildTally))();
  written.clear();

  return {
    apply(changes) {
      written.clear();
      try {
        applyAll(changes);
        for (const [sellerId, tally] of written) keep(sellerId, tally);
      } finally {
        written.clear(); // a batch rolled back leaves the kept tallies as they were
      }
    },
    talliesOf(sellerIds) {
      const found = new Map<string, OrderTally>();
      const unknown = sellerIds.filter((sellerId) => {
        const tally = kept.get(sellerId);
        if (tally) found.set(sellerId, tally);
        return tally === undefined;
      });
      if (unknown.length === 0) return found;
      const rows = tallies.all(JSON.stringify(unknown)) as { seller_id: string; tally: string }[];
      const read = new Map(rows.map((row) => [row.seller_id, JSON.parse(row.tally) as OrderTally]));
      for (const sellerId of unknown) {
        const tally = read.get(sellerId);
        keep(sellerId, tally ?? null);
        if (tally) found.set(sellerId, tally);
      }
      return found;
    },
    ordersOf(sellerIds) {
      const records = new Map<string, { orders: OrderOutcome[]; lastEventAt: number }>();
      if (sellerIds.length === 0) return records;
      for (const row of sellerOrders.all(JSON.stringify(sellerIds)) as OrderRow[]) {
        const record = records.get(row.seller_id) ?? { orders: [], lastEventAt: 0 };
        record.orders.push(orderOf(row));
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

function orderOf(row: OrderRow): OrderOutcome {
  return {
    orderId: row.order_id,
    confirmedAt: row.confirmed_at,
    onTime: row.on_time === null ? null : row.on_time === 1,
    cancelledBySeller: row.cancelled_by_seller === 1,
    dispute: row.dispute,
    returned: row.returned,
  };
}

/** The order after a change other than its confirmation. */
function changed(order: OrderOutcome, change: Exclude<TrackRecordChange, { kind: 'confirmed' }>): OrderOutcome {
  switch (change.kind) {
    case 'delivered':
      return { ...order, onTime: change.onTime };
    case 'cancelledBySeller':
      return { ...order, cancelledBySeller: true };
    case 'dispute':
      return { ...order, dispute: change.dispute };
    case 'returned':
      return { ...order, returned: change.sellerAtFault ? 'SELLER_AT_FAULT' : 'CHANGED_MIND' };
    default:
      throw new Error(`unknown track-record change ${JSON.stringify(change satisfies never)}`);
  }
}
