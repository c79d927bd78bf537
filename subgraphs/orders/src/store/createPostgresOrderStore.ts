import pg from 'pg';
import { FOLLOW_UP_STEPS, stepPosition, type StepName, type StepStatus } from '../saga/stepNames.js';
import { MIGRATIONS } from './migrations.js';
import { createStatementNames } from './statementNames.js';
import { RETURN_COLUMNS, returnAssignments, returnValues, toReturnRecord } from '../returns/returnRows.js';
import { OUTBOX_COLUMNS, OUTBOX_WRITE_LOCK, outboxValues, toListedEvent } from './outboxRows.js';
import type { OrderEvent } from '#packages/events/index.js';
import {
  reachInstants,
  type NewOrder,
  type OrderChange,
  type OrderPageRequest,
  type OrderPatch,
  type OrderStore,
  type StepPatch,
  type StepRecord,
} from './OrderStore.js';
import { ADD_REACH_COUNT_POSTGRES, toReachRow } from './reachRows.js';
import { DISPUTE_COLUMNS, disputeAssignments, disputeValues, toDisputeRecord } from '../disputes/disputeRows.js';
import {
  ORDER_COLUMNS,
  ORDER_ROW_COLUMNS,
  orderAssignments,
  orderValues,
  stepAssignments,
  toOrderRecord,
  toStepRecord,
  type Row,
} from './rowMapping.js';

export interface PostgresOrderStoreOptions {
  connectionString: string;
  /** The schema the tables live in; created if missing. Tests use one per run. */
  schema: string;
  /** Connections in the pool. Default: 10. */
  maxConnections?: number;
  /**
   * Told when a pooled connection fails outside any query (the server restarted, a proxy dropped
   * it, an operator terminated the backend). The pool discards that connection and opens another
   * on the next query; without a listener the error would end the process. Default: ignored.
   */
  onConnectionError?: (error: Error) => void;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** PostgreSQL types of `OUTBOX_COLUMNS`, in order, for writing several events as arrays. */
const OUTBOX_TYPES: Readonly<Record<(typeof OUTBOX_COLUMNS)[number], string>> = {
  id: 'text',
  order_id: 'text',
  type: 'text',
  version: 'int',
  occurred_at: 'bigint',
  payload: 'text',
};

/**
 * The store at scale: PostgreSQL through a `pg` pool, shared by every orders replica. Idempotency
 * rests on the unique index of `(owner_key_id, idempotency_key)`: `INSERT … ON CONFLICT DO NOTHING` makes a
 * concurrent duplicate wait for the first insert to commit, then read that order back.
 */
export function createPostgresOrderStore(options: PostgresOrderStoreOptions): OrderStore {
  const { schema } = options;
  if (!SCHEMA_NAME.test(schema)) throw new Error(`DATABASE_SCHEMA "${schema}" must be a lower-case SQL identifier`);
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Every connection resolves table names in our schema, so the SQL stays schema-free.
    options: `-c search_path=${schema}`,
    // a server that is gone fails the query in seconds instead of holding it until TCP gives up
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (error) => options.onConnectionError?.(error));

  const rows = async (sql: string, params: unknown[] = []): Promise<Row[]> => (await pool.query(sql, params)).rows as Row[];

  const statementName = createStatementNames('orders');
  /**
   * A statement whose result has a fixed shape (no `SELECT *`, no `RETURNING *`), sent as a named
   * statement: each connection parses it once (see `createStatementNames`).
   */
  const prepared = (sql: string, params: unknown[] = []) => {
    const name = statementName(sql);
    return pool.query(name === undefined ? { text: sql, values: params } : { name, text: sql, values: params });
  };
  const preparedRows = async (sql: string, params: unknown[] = []): Promise<Row[]> => (await prepared(sql, params)).rows as Row[];

  async function transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    // a connection dropped mid-transaction fails the query in flight; the event itself must not end the process
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
      options.onConnectionError?.(error);
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken); // a broken connection is discarded, not pooled again
    }
  }

  /**
   * A change and its events in one statement, its own transaction: both are kept, or neither. The
   * outbox's write lock (see OUTBOX_WRITE_LOCK) is taken inside the statement, before the events get
   * their `seq`, and let go at its commit: it is held for the server's own work, never across a
   * round trip to this process, so event writers queue behind each other for microseconds, not for
   * the four round trips a BEGIN … COMMIT took (which capped confirmations at a few per second).
   * `OFFSET 0` keeps the planner from folding the lock away.
   */
  async function withEvents(sql: string, params: unknown[], events: readonly OrderEvent[] = []): Promise<void> {
    await allWithEvents([sql], params, events);
  }

  /**
   * Several changes (data-modifying statements on distinct rows, numbered into one `params`) and
   * their events as one statement, as `withEvents` writes one change: each change a CTE, which
   * PostgreSQL runs once whether or not the statement reads it.
   */
  async function allWithEvents(changes: readonly string[], params: unknown[], events: readonly OrderEvent[] = []): Promise<void> {
    const ctes = (count: number) => changes.slice(0, count).map((sql, i) => `change_${i} AS (${sql})`);
    if (events.length === 0) {
      const last = changes.at(-1);
      if (last === undefined) return;
      await prepared(changes.length === 1 ? last : `WITH ${ctes(changes.length - 1).join(', ')} ${last}`, params);
      return;
    }
    const p = params.length;
    const rows = events.map(outboxValues);
    await prepared(
      `${changes.length > 0 ? `WITH ${ctes(changes.length).join(', ')}` : ''}
       INSERT INTO order_events (${OUTBOX_COLUMNS.join(', ')})
       SELECT event.* FROM (SELECT pg_advisory_xact_lock(hashtext($${p + 1})) OFFSET 0) AS write_lock,
         unnest(${OUTBOX_COLUMNS.map((column, i) => `$${p + 2 + i}::${OUTBOX_TYPES[column]}[]`).join(', ')}) AS event(${OUTBOX_COLUMNS.join(', ')})`,
      [...params, `${OUTBOX_WRITE_LOCK}:${schema}`, ...OUTBOX_COLUMNS.map((_, column) => rows.map((row) => row[column]))],
    );
  }

  const insertEvent = (client: pg.PoolClient, event: OrderEvent) =>
    client.query(
      `INSERT INTO order_events (${OUTBOX_COLUMNS.join(', ')}) VALUES (${placeholders(1, OUTBOX_COLUMNS.length)})`,
      outboxValues(event),
    );

  const placeholders = (from: number, count: number) => Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

  return {
    kind: 'postgres',

    async migrate() {
      return transaction(async (client) => {
        // One migrator at a time across replicas; the lock ends with the transaction.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tradegraph-orders-migrations:${schema}`]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
        );
        const applied = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r: Row) => Number(r.version)));
        for (const migration of MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          for (const statement of migration.postgres) await client.query(statement);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            Date.now(),
          ]);
        }
        const latest = await client.query('SELECT MAX(version) AS version FROM schema_migrations');
        return Number((latest.rows[0] as Row | undefined)?.version ?? 0);
      });
    },

    async createOrder(order: NewOrder) {
      // One statement, so one round trip and atomic by itself: the order and its steps, or (the
      // key was used already) nothing, and the order that holds the key is read back.
      const n = ORDER_COLUMNS.length;
      const created = await prepared(
        `WITH inserted AS (
           INSERT INTO orders (${ORDER_COLUMNS.join(', ')}) VALUES (${placeholders(1, n)})
           ON CONFLICT (owner_key_id, idempotency_key) DO NOTHING RETURNING ${ORDER_ROW_COLUMNS.join(', ')}
         ), steps AS (
           INSERT INTO order_steps (order_id, name, position, status, attempt, compensation_attempt, updated_at)
           SELECT inserted.id, step.name, step.position, 'PENDING', 0, 0, $${n + 3}::bigint
           FROM inserted, unnest($${n + 1}::text[], $${n + 2}::int[]) AS step(name, position)
         )
         SELECT * FROM inserted`,
        [...orderValues(order), order.steps, order.steps.map(stepPosition), order.createdAt],
      );
      const inserted = created.rows[0] as Row | undefined;
      if (inserted) return { order: toOrderRecord(inserted), created: true };
      const [found] = await rows('SELECT * FROM orders WHERE owner_key_id = $1 AND idempotency_key = $2', [
        order.ownerKeyId,
        order.idempotencyKey,
      ]);
      if (!found) throw new Error(`order with idempotency key ${order.idempotencyKey} vanished`);
      return { order: toOrderRecord(found), created: false };
    },

    async getOrder(id) {
      const [found] = await preparedRows(`SELECT ${ORDER_ROW_COLUMNS.join(', ')} FROM orders WHERE id = $1`, [id]);
      return found && toOrderRecord(found);
    },

    async getOrders(ids) {
      if (ids.length === 0) return [];
      return (await preparedRows(`SELECT ${ORDER_ROW_COLUMNS.join(', ')} FROM orders WHERE id = ANY($1)`, [[...ids]])).map(toOrderRecord);
    },

    async getOwnedOrder(owner, id) {
      const [found] = await rows('SELECT * FROM orders WHERE id = $1 AND owner_key_id = $2', [id, owner]);
      return found && toOrderRecord(found);
    },

    async getOrderByMarketplaceOrderId(marketplaceOrderId) {
      const [found] = await rows('SELECT * FROM orders WHERE marketplace_order_id = $1', [marketplaceOrderId]);
      return found && toOrderRecord(found);
    },

    async getOrderByIdempotencyKey(owner, key) {
      const [found] = await rows('SELECT * FROM orders WHERE owner_key_id = $1 AND idempotency_key = $2', [owner, key]);
      return found && toOrderRecord(found);
    },

    async listOrders(page: OrderPageRequest) {
      const found = page.after
        ? await rows(
            'SELECT * FROM orders WHERE owner_key_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4',
            [page.owner, page.after.createdAt, page.after.id, page.first],
          )
        : await rows('SELECT * FROM orders WHERE owner_key_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [page.owner, page.first]);
      return found.map(toOrderRecord);
    },

    async listSteps(orderIds) {
      const steps = new Map<string, StepRecord[]>(orderIds.map((id) => [id, []]));
      if (orderIds.length === 0) return steps;
      const found = await rows('SELECT * FROM order_steps WHERE order_id = ANY($1) ORDER BY order_id, position', [[...orderIds]]);
      for (const step of found.map(toStepRecord)) steps.get(step.orderId)?.push(step);
      return steps;
    },

    async updateOrder(id: string, patch: OrderPatch, now: number, events?: readonly OrderEvent[]) {
      const pairs = [...orderAssignments(patch), ['updated_at', now] as [string, unknown]];
      await withEvents(
        `UPDATE orders SET ${pairs.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${pairs.length + 1}`,
        [...pairs.map(([, value]) => value), id],
        events,
      );
    },

    async addSteps(orderId: string, steps: ReadonlyArray<{ name: StepName; status: StepStatus }>, now: number) {
      // One multi-row statement: atomic by itself, one round trip.
      await prepared(
        `INSERT INTO order_steps (order_id, name, position, status, attempt, compensation_attempt, updated_at)
         SELECT $1, step.name, step.position, step.status, 0, 0, $5::bigint
         FROM unnest($2::text[], $3::int[], $4::text[]) AS step(name, position, status)
         ON CONFLICT (order_id, name) DO NOTHING`,
        [orderId, steps.map((step) => step.name), steps.map((step) => stepPosition(step.name)), steps.map((step) => step.status), now],
      );
    },

    async updateStep(orderId: string, name: StepName, patch: StepPatch, now: number, events?: readonly OrderEvent[]) {
      const pairs = [...stepAssignments(patch), ['updated_at', now] as [string, unknown]];
      const n = pairs.length;
      await withEvents(
        `UPDATE order_steps SET ${pairs.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE order_id = $${n + 1} AND name = $${n + 2}`,
        [...pairs.map(([, value]) => value), orderId, name],
        events,
      );
    },

    async createReturn(record, events) {
      return transaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${OUTBOX_WRITE_LOCK}:${schema}`]);
        const inserted = await client.query(
          `INSERT INTO order_returns (${RETURN_COLUMNS.join(', ')}) VALUES (${placeholders(1, RETURN_COLUMNS.length)})
           ON CONFLICT (order_id) DO NOTHING`,
          returnValues(record),
        );
        const created = inserted.rowCount === 1;
        if (created) {
          for (const event of events) {
            await client.query(
              `INSERT INTO order_events (${OUTBOX_COLUMNS.join(', ')}) VALUES (${placeholders(1, OUTBOX_COLUMNS.length)})`,
              outboxValues(event),
            );
          }
        }
        const stored = (await client.query('SELECT * FROM order_returns WHERE order_id = $1', [record.orderId])).rows[0] as Row | undefined;
        if (!stored) throw new Error(`return of order ${record.orderId} vanished`);
        return { record: toReturnRecord(stored), created };
      });
    },

    async getReturnOfOrder(orderId) {
      const [found] = await rows('SELECT * FROM order_returns WHERE order_id = $1', [orderId]);
      return found && toReturnRecord(found);
    },

    async getReturn(id) {
      const [found] = await rows('SELECT * FROM order_returns WHERE id = $1', [id]);
      return found && toReturnRecord(found);
    },

    async updateReturn(id, patch, now, events) {
      const pairs = returnAssignments(patch, now);
      await withEvents(
        `UPDATE order_returns SET ${pairs.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${pairs.length + 1}`,
        [...pairs.map(([, value]) => value), id],
        events,
      );
    },

    async saveChange(orderId: string, change: OrderChange, now: number) {
      // One statement: atomic by itself, one round trip, events under the outbox's lock as ever.
      const params: unknown[] = [orderId];
      const param = (value: unknown) => `$${params.push(value)}`;
      const set = (pairs: Array<[string, unknown]>) => pairs.map(([column, value]) => `${column} = ${param(value)}`).join(', ');
      const changes: string[] = [];
      for (const { name, patch } of change.steps ?? []) {
        const assignments = set([...stepAssignments(patch), ['updated_at', now] as [string, unknown]]);
        changes.push(`UPDATE order_steps SET ${assignments} WHERE order_id = $1 AND name = ${param(name)}`);
      }
      const orderPairs: string[] = [];
      if (change.order) orderPairs.push(set([...orderAssignments(change.order), ['updated_at', now] as [string, unknown]]));
      if (change.releaseLeaseOf !== undefined) {
        // Both sides of SET read the row as it was, so the two CASEs agree on who held the lease.
        const owner = param(change.releaseLeaseOf);
        orderPairs.push(
          `lease_owner = CASE WHEN lease_owner = ${owner} THEN NULL ELSE lease_owner END, lease_until = CASE WHEN lease_owner = ${owner} THEN 0 ELSE lease_until END`,
        );
      }
      if (orderPairs.length > 0) changes.push(`UPDATE orders SET ${orderPairs.join(', ')} WHERE id = $1`);
      const added = change.addSteps ?? [];
      if (added.length > 0) {
        changes.push(
          `INSERT INTO order_steps (order_id, name, position, status, attempt, compensation_attempt, updated_at)
           SELECT $1, step.name, step.position, step.status, 0, 0, ${param(now)}::bigint
           FROM unnest(${param(added.map((step) => step.name))}::text[], ${param(added.map((step) => stepPosition(step.name)))}::int[],
             ${param(added.map((step) => step.status))}::text[]) AS step(name, position, status)
           ON CONFLICT (order_id, name) DO NOTHING`,
        );
      }
      await allWithEvents(changes, params, change.events);
    },

    async listEvents(afterSeq, limit) {
      const listed = await preparedRows('SELECT seq, payload FROM order_events WHERE seq > $1 ORDER BY seq LIMIT $2', [afterSeq, limit]);
      return listed.map(toListedEvent);
    },

    async claimLease(orderId, owner, now, ttlMs) {
      const result = await prepared(
        'UPDATE orders SET lease_owner = $1, lease_until = $2 WHERE id = $3 AND (lease_owner IS NULL OR lease_owner = $1 OR lease_until <= $4)',
        [owner, now + ttlMs, orderId, now],
      );
      return result.rowCount === 1;
    },

    async releaseLease(orderId, owner) {
      await prepared('UPDATE orders SET lease_owner = NULL, lease_until = 0 WHERE id = $1 AND lease_owner = $2', [orderId, owner]);
    },

    async findResumable(now, limit) {
      const found = await preparedRows(
        `SELECT id FROM orders WHERE status = 'PENDING' AND next_attempt_at <= $1 AND (lease_owner IS NULL OR lease_until <= $1)
         ORDER BY created_at, id LIMIT $2`,
        [now, limit],
      );
      return found.map((r) => String(r.id));
    },

    async findFollowable(now, limit) {
      const found = await preparedRows(
        `SELECT id FROM orders o WHERE status = 'CONFIRMED' AND (lease_owner IS NULL OR lease_until <= $1)
           AND EXISTS (SELECT 1 FROM order_steps s WHERE s.order_id = o.id AND s.name = ANY($2) AND s.status IN ('PENDING', 'RUNNING'))
         ORDER BY created_at, id LIMIT $3`,
        [now, [...FOLLOW_UP_STEPS], limit],
      );
      return found.map((r) => String(r.id));
    },

    async createDispute(dispute, events) {
      return transaction(async (client) => {
        if (events.length > 0) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${OUTBOX_WRITE_LOCK}:${schema}`]);
        const inserted = await client.query(
          `INSERT INTO order_disputes (${DISPUTE_COLUMNS.join(', ')}) VALUES (${placeholders(1, DISPUTE_COLUMNS.length)})
           ON CONFLICT (order_id) DO NOTHING`,
          disputeValues(dispute),
        );
        if (inserted.rowCount !== 1) return false;
        for (const event of events) await insertEvent(client, event);
        return true;
      });
    },

    async getDispute(id) {
      const [found] = await rows('SELECT * FROM order_disputes WHERE id = $1', [id]);
      return found && toDisputeRecord(found);
    },

    async listDisputes(orderIds) {
      if (orderIds.length === 0) return new Map();
      const found = await rows('SELECT * FROM order_disputes WHERE order_id = ANY($1)', [[...orderIds]]);
      return new Map(found.map(toDisputeRecord).map((dispute) => [dispute.orderId, dispute]));
    },

    async updateDispute(id, patch, now, change) {
      const pairs = [...disputeAssignments(patch), ['updated_at', now] as [string, unknown]];
      await transaction(async (client) => {
        if ((change?.events.length ?? 0) > 0) {
          await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${OUTBOX_WRITE_LOCK}:${schema}`]);
        }
        await client.query(
          `UPDATE order_disputes SET ${pairs.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE id = $${pairs.length + 1}`,
          [...pairs.map(([, value]) => value), id],
        );
        for (const step of change?.steps ?? []) {
          const assignments = [...stepAssignments(step.patch), ['updated_at', now] as [string, unknown]];
          const n = assignments.length;
          await client.query(
            `UPDATE order_steps SET ${assignments.map(([column], i) => `${column} = $${i + 1}`).join(', ')} WHERE order_id = $${n + 1} AND name = $${n + 2}`,
            [...assignments.map(([, value]) => value), change!.orderId, step.name],
          );
        }
        for (const event of change?.events ?? []) await insertEvent(client, event);
      });
    },

    async listMarketplaceOrders(page) {
      const found = page.after
        ? await rows(
            'SELECT * FROM orders WHERE marketplace_id = $1 AND (created_at, id) < ($2, $3) ORDER BY created_at DESC, id DESC LIMIT $4',
            [page.marketplaceId, page.after.createdAt, page.after.id, page.first],
          )
        : await rows('SELECT * FROM orders WHERE marketplace_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2', [
            page.marketplaceId,
            page.first,
          ]);
      return found.map(toOrderRecord);
    },

    async addReachCounts(counts) {
      if (counts.length === 0) return;
      await transaction(async (client) => {
        for (const entry of counts) {
          await client.query(ADD_REACH_COUNT_POSTGRES, [entry.marketplaceId, entry.day, entry.country, entry.kind, entry.count]);
        }
      });
    },

    async readReach(request) {
      const { from, until } = reachInstants(request);
      const counted = await rows(
        `SELECT country, kind, SUM(count) AS count FROM marketplace_reach
         WHERE marketplace_id = $1 AND day >= $2 AND day <= $3 GROUP BY country, kind`,
        [request.marketplaceId, request.fromDay, request.toDay],
      );
      const booked = await rows(
        `SELECT quote::json->>'destinationCountry' AS country, 'BOOKED' AS kind, COUNT(*) AS count FROM orders
         WHERE marketplace_id = $1 AND status = 'CONFIRMED' AND created_at >= $2 AND created_at < $3 GROUP BY 1`,
        [request.marketplaceId, from, until],
      );
      return [...counted, ...booked].map(toReachRow);
    },

    async close() {
      await pool.end();
    },
  };
}
