import Database from 'better-sqlite3';
import { ensurePrivateFile } from '#packages/secrets/index.js';
import { FOLLOW_UP_STEPS, stepPosition, type StepName, type StepStatus } from '../saga/stepNames.js';
import { MIGRATIONS } from './migrations.js';
import { RETURN_COLUMNS, returnAssignments, returnValues, toReturnRecord } from '../returns/returnRows.js';
import { OUTBOX_COLUMNS, outboxValues, toListedEvent } from './outboxRows.js';
import type { OrderEvent } from '#packages/events/index.js';
import { ADD_REACH_COUNT, toReachRow } from './reachRows.js';
import {
  reachInstants,
  type NewOrder,
  type OrderChange,
  type OrderPageRequest,
  type OrderPatch,
  type OrderRecord,
  type OrderStore,
  type StepPatch,
  type StepRecord,
} from './OrderStore.js';
import { DISPUTE_COLUMNS, disputeAssignments, disputeValues, toDisputeRecord } from '../disputes/disputeRows.js';
import { ORDER_COLUMNS, orderAssignments, orderValues, stepAssignments, toOrderRecord, toStepRecord, type Row } from './rowMapping.js';

export interface SqliteOrderStoreOptions {
  /** The database file; `:memory:` for a throwaway store. */
  file: string;
  /** How long a write waits for another process holding the file's write lock. Default: 5000 ms. */
  busyTimeoutMs?: number;
}

const FOLLOW_UP_PLACEHOLDERS = FOLLOW_UP_STEPS.map(() => '?').join(', ');

/**
 * The default store: one SQLite file (better-sqlite3, WAL mode). better-sqlite3 is synchronous;
 * each method runs whole on the event loop, so in one process writes never interleave, and
 * several processes on one file queue behind SQLite's single writer (`busy_timeout`).
 * `synchronous = FULL`: a write the saga relies on survives a power cut, not only a crash.
 */
export function createSqliteOrderStore(options: SqliteOrderStoreOptions): OrderStore {
  if (options.file !== ':memory:') ensurePrivateFile(options.file);
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);

  // Statements are prepared on first use (tables exist only once `migrate` ran) and then reused.
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const rows = (sql: string, ...params: unknown[]): Row[] => prepare(sql).all(...params) as Row[];
  const row = (sql: string, ...params: unknown[]): Row | undefined => prepare(sql).get(...params) as Row | undefined;

  const insertOrder = `INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${ORDER_COLUMNS.map(() => '?').join(', ')})
     ON CONFLICT (owner_key_id, idempotency_key) DO NOTHING`;
  const insertStep = `INSERT INTO order_steps (order_id, name, position, status, attempt, compensation_attempt, updated_at)
     VALUES (?, ?, ?, ?, 0, 0, ?) ON CONFLICT (order_id, name) DO NOTHING`;

  const insertEvent = `INSERT INTO order_events (${OUTBOX_COLUMNS.join(', ')}) VALUES (${OUTBOX_COLUMNS.map(() => '?').join(', ')})`;
  /** A change and its events, in one transaction: both are kept, or neither. */
  const withEvents = (change: () => void, events: readonly OrderEvent[] = []): void => {
    if (events.length === 0) return change();
    db.transaction(() => {
      change();
      for (const event of events) prepare(insertEvent).run(...outboxValues(event));
    }).immediate();
  };

  const create = db.transaction((order: NewOrder): { order: OrderRecord; created: boolean } => {
    const created = prepare(insertOrder).run(...orderValues(order)).changes === 1;
    if (created) {
      for (const name of order.steps) prepare(insertStep).run(order.id, name, stepPosition(name), 'PENDING', order.createdAt);
    }
    const stored = row('SELECT * FROM orders WHERE owner_key_id = ? AND idempotency_key = ?', order.ownerKeyId, order.idempotencyKey);
    if (!stored) throw new Error(`order with idempotency key ${order.idempotencyKey} vanished`);
    return { order: toOrderRecord(stored), created };
  });

  return {
    kind: 'sqlite',

    async migrate() {
      // IMMEDIATE: two processes starting at once take turns instead of both migrating.
      const run = db.transaction(() => {
        db.exec(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
        );
        const applied = new Set(rows('SELECT version FROM schema_migrations').map((r) => Number(r.version)));
        for (const migration of MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          for (const statement of migration.sqlite) db.exec(statement);
          prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
            migration.version,
            migration.name,
            Date.now(),
          );
        }
        // a rebuilt table (see ownerMigration) must leave every reference whole
        const broken = rows('PRAGMA foreign_key_check');
        if (broken.length > 0) throw new Error(`migration left ${broken.length} broken foreign key references`);
        return Number(row('SELECT MAX(version) AS version FROM schema_migrations')?.version ?? 0);
      });
      // Foreign keys cannot be switched inside a transaction; off while a migration rebuilds a table.
      db.pragma('foreign_keys = OFF');
      try {
        return run.immediate();
      } finally {
        db.pragma('foreign_keys = ON');
      }
    },

    async createOrder(order) {
      return create.immediate(order);
    },

    async getOrder(id) {
      const found = row('SELECT * FROM orders WHERE id = ?', id);
      return found && toOrderRecord(found);
    },

    async getOrders(ids) {
      if (ids.length === 0) return [];
      return rows('SELECT * FROM orders WHERE id IN (SELECT value FROM json_each(?))', JSON.stringify(ids)).map(toOrderRecord);
    },

    async getOwnedOrder(owner, id) {
      const found = row('SELECT * FROM orders WHERE id = ? AND owner_key_id = ?', id, owner);
      return found && toOrderRecord(found);
    },

    async getOrderByMarketplaceOrderId(marketplaceOrderId) {
      const found = row('SELECT * FROM orders WHERE marketplace_order_id = ?', marketplaceOrderId);
      return found && toOrderRecord(found);
    },

    async getOrderByIdempotencyKey(owner, key) {
      const found = row('SELECT * FROM orders WHERE owner_key_id = ? AND idempotency_key = ?', owner, key);
      return found && toOrderRecord(found);
    },

    async listOrders(page: OrderPageRequest) {
      const found = page.after
        ? rows(
            `SELECT * FROM orders WHERE owner_key_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
             ORDER BY created_at DESC, id DESC LIMIT ?`,
            page.owner,
            page.after.createdAt,
            page.after.createdAt,
            page.after.id,
            page.first,
          )
        : rows('SELECT * FROM orders WHERE owner_key_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', page.owner, page.first);
      return found.map(toOrderRecord);
    },

    async listSteps(orderIds) {
      const steps = new Map<string, StepRecord[]>(orderIds.map((id) => [id, []]));
      if (orderIds.length === 0) return steps;
      const found = rows(
        `SELECT * FROM order_steps WHERE order_id IN (${orderIds.map(() => '?').join(', ')}) ORDER BY order_id, position`,
        ...orderIds,
      );
      for (const step of found.map(toStepRecord)) steps.get(step.orderId)?.push(step);
      return steps;
    },

    async updateOrder(id: string, patch: OrderPatch, now: number, events?: readonly OrderEvent[]) {
      const pairs = [...orderAssignments(patch), ['updated_at', now] as [string, unknown]];
      const update = prepare(`UPDATE orders SET ${pairs.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`);
      withEvents(() => void update.run(...pairs.map(([, value]) => value), id), events);
    },

    async addSteps(orderId: string, steps: ReadonlyArray<{ name: StepName; status: StepStatus }>, now: number) {
      db.transaction(() => {
        for (const step of steps) prepare(insertStep).run(orderId, step.name, stepPosition(step.name), step.status, now);
      })();
    },

    async updateStep(orderId: string, name: StepName, patch: StepPatch, now: number, events?: readonly OrderEvent[]) {
      const pairs = [...stepAssignments(patch), ['updated_at', now] as [string, unknown]];
      const update = prepare(
        `UPDATE order_steps SET ${pairs.map(([column]) => `${column} = ?`).join(', ')} WHERE order_id = ? AND name = ?`,
      );
      withEvents(() => void update.run(...pairs.map(([, value]) => value), orderId, name), events);
    },

    async createReturn(record, events) {
      const insert = `INSERT INTO order_returns (${RETURN_COLUMNS.join(', ')}) VALUES (${RETURN_COLUMNS.map(() => '?').join(', ')})
        ON CONFLICT (order_id) DO NOTHING`;
      return db
        .transaction(() => {
          const created = prepare(insert).run(...returnValues(record)).changes === 1;
          if (created) for (const event of events) prepare(insertEvent).run(...outboxValues(event));
          const stored = row('SELECT * FROM order_returns WHERE order_id = ?', record.orderId);
          if (!stored) throw new Error(`return of order ${record.orderId} vanished`);
          return { record: toReturnRecord(stored), created };
        })
        .immediate();
    },

    async getReturnOfOrder(orderId) {
      const found = row('SELECT * FROM order_returns WHERE order_id = ?', orderId);
      return found && toReturnRecord(found);
    },

    async getReturn(id) {
      const found = row('SELECT * FROM order_returns WHERE id = ?', id);
      return found && toReturnRecord(found);
    },

    async updateReturn(id, patch, now, events) {
      const pairs = returnAssignments(patch, now);
      const update = prepare(`UPDATE order_returns SET ${pairs.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`);
      withEvents(() => void update.run(...pairs.map(([, value]) => value), id), events);
    },

    async saveChange(orderId: string, change: OrderChange, now: number) {
      db.transaction(() => {
        for (const { name, patch } of change.steps ?? []) {
          const pairs = [...stepAssignments(patch), ['updated_at', now] as [string, unknown]];
          prepare(`UPDATE order_steps SET ${pairs.map(([column]) => `${column} = ?`).join(', ')} WHERE order_id = ? AND name = ?`).run(
            ...pairs.map(([, value]) => value),
            orderId,
            name,
          );
        }
        if (change.order) {
          const pairs = [...orderAssignments(change.order), ['updated_at', now] as [string, unknown]];
          prepare(`UPDATE orders SET ${pairs.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`).run(
            ...pairs.map(([, value]) => value),
            orderId,
          );
        }
        if (change.releaseLeaseOf !== undefined) {
          prepare('UPDATE orders SET lease_owner = NULL, lease_until = 0 WHERE id = ? AND lease_owner = ?').run(
            orderId,
            change.releaseLeaseOf,
          );
        }
        for (const step of change.addSteps ?? []) prepare(insertStep).run(orderId, step.name, stepPosition(step.name), step.status, now);
        for (const event of change.events ?? []) prepare(insertEvent).run(...outboxValues(event));
      }).immediate();
    },

    async listEvents(afterSeq, limit) {
      return rows('SELECT seq, payload FROM order_events WHERE seq > ? ORDER BY seq LIMIT ?', afterSeq, limit).map(toListedEvent);
    },

    async claimLease(orderId, owner, now, ttlMs) {
      const result = prepare(
        'UPDATE orders SET lease_owner = ?, lease_until = ? WHERE id = ? AND (lease_owner IS NULL OR lease_owner = ? OR lease_until <= ?)',
      ).run(owner, now + ttlMs, orderId, owner, now);
      return result.changes === 1;
    },

    async releaseLease(orderId, owner) {
      prepare('UPDATE orders SET lease_owner = NULL, lease_until = 0 WHERE id = ? AND lease_owner = ?').run(orderId, owner);
    },

    async findResumable(now, limit) {
      return rows(
        `SELECT id FROM orders WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_owner IS NULL OR lease_until <= ?)
         ORDER BY created_at, id LIMIT ?`,
        now,
        now,
        limit,
      ).map((r) => String(r.id));
    },

    async findFollowable(now, limit) {
      return rows(
        `SELECT id FROM orders o WHERE status = 'CONFIRMED' AND (lease_owner IS NULL OR lease_until <= ?)
           AND EXISTS (SELECT 1 FROM order_steps s WHERE s.order_id = o.id AND s.name IN (${FOLLOW_UP_PLACEHOLDERS})
                       AND s.status IN ('PENDING', 'RUNNING'))
         ORDER BY created_at, id LIMIT ?`,
        now,
        ...FOLLOW_UP_STEPS,
        limit,
      ).map((r) => String(r.id));
    },

    async createDispute(dispute, events) {
      const insert = `INSERT INTO order_disputes (${DISPUTE_COLUMNS.join(', ')}) VALUES (${DISPUTE_COLUMNS.map(() => '?').join(', ')})
         ON CONFLICT (order_id) DO NOTHING`;
      return db
        .transaction(() => {
          if (prepare(insert).run(...disputeValues(dispute)).changes !== 1) return false;
          for (const event of events) prepare(insertEvent).run(...outboxValues(event));
          return true;
        })
        .immediate();
    },

    async getDispute(id) {
      const found = row('SELECT * FROM order_disputes WHERE id = ?', id);
      return found && toDisputeRecord(found);
    },

    async listDisputes(orderIds) {
      if (orderIds.length === 0) return new Map();
      const found = rows(`SELECT * FROM order_disputes WHERE order_id IN (${orderIds.map(() => '?').join(', ')})`, ...orderIds);
      return new Map(found.map(toDisputeRecord).map((dispute) => [dispute.orderId, dispute]));
    },

    async updateDispute(id, patch, now, change) {
      const pairs = [...disputeAssignments(patch), ['updated_at', now] as [string, unknown]];
      db.transaction(() => {
        prepare(`UPDATE order_disputes SET ${pairs.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`).run(
          ...pairs.map(([, value]) => value),
          id,
        );
        for (const step of change?.steps ?? []) {
          const assignments = [...stepAssignments(step.patch), ['updated_at', now] as [string, unknown]];
          prepare(
            `UPDATE order_steps SET ${assignments.map(([column]) => `${column} = ?`).join(', ')} WHERE order_id = ? AND name = ?`,
          ).run(...assignments.map(([, value]) => value), change!.orderId, step.name);
        }
        for (const event of change?.events ?? []) prepare(insertEvent).run(...outboxValues(event));
      }).immediate();
    },

    async listMarketplaceOrders(page) {
      const found = page.after
        ? rows(
            `SELECT * FROM orders WHERE marketplace_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))
             ORDER BY created_at DESC, id DESC LIMIT ?`,
            page.marketplaceId,
            page.after.createdAt,
            page.after.createdAt,
            page.after.id,
            page.first,
          )
        : rows('SELECT * FROM orders WHERE marketplace_id = ? ORDER BY created_at DESC, id DESC LIMIT ?', page.marketplaceId, page.first);
      return found.map(toOrderRecord);
    },

    async addReachCounts(counts) {
      const add = prepare(ADD_REACH_COUNT);
      db.transaction(() => {
        for (const entry of counts) add.run(entry.marketplaceId, entry.day, entry.country, entry.kind, entry.count);
      }).immediate();
    },

    async readReach(request) {
      const { from, until } = reachInstants(request);
      const counted = rows(
        `SELECT country, kind, SUM(count) AS count FROM marketplace_reach
         WHERE marketplace_id = ? AND day >= ? AND day <= ? GROUP BY country, kind`,
        request.marketplaceId,
        request.fromDay,
        request.toDay,
      );
      const booked = rows(
        `SELECT json_extract(quote, '$.destinationCountry') AS country, 'BOOKED' AS kind, COUNT(*) AS count FROM orders
         WHERE marketplace_id = ? AND status = 'CONFIRMED' AND created_at >= ? AND created_at < ? GROUP BY 1`,
        request.marketplaceId,
        from,
        until,
      );
      return [...counted, ...booked].map(toReachRow);
    },

    async close() {
      db.close();
    },
  };
}
