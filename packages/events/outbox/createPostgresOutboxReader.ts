import pg from 'pg';
import type { OutboxReader, OutboxRow } from './OutboxReader.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const ROW_COLUMNS = 'seq, id, order_id, type, payload';

/** A transaction-local setting that tells the read whether this transaction holds the reader's lock. */
const LOCKED_SETTING = 'tradegraph.outbox_locked';

/**
 * Reads the outbox in the orders PostgreSQL schema. Each delivery runs in one transaction that
 * holds a lock named after the reader, so replicas of a reader take turns and the stream reaches
 * it in `seq` order; the position moves in the same transaction. Writers commit in `seq` order
 * (orders takes a lock before writing events), so no row appears behind a position already passed.
 *
 * A delivery is two round trips: BEGIN, the lock and the read go in one message, and the new
 * position goes with COMMIT in another (six round trips when each statement went alone; these
 * readers poll all the time, in every consuming service). The read is a statement of its own after
 * the lock's: in READ COMMITTED every statement of a message takes its own snapshot, so the read
 * sees the position a replica that held the lock a moment ago committed. Several statements in one
 * message is PostgreSQL's simple query protocol, which takes no parameters: the values go in as
 * literals (numbers as integers, text through `escapeLiteral`).
 */
export function createPostgresOutboxReader(options: { connectionString: string; schema: string }): OutboxReader {
  const { schema } = options;
  if (!SCHEMA_NAME.test(schema)) throw new Error(`outbox schema "${schema}" must be a lower-case SQL identifier`);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2, options: `-c search_path=${schema}` });
  // A pooled connection lost between deliveries is discarded and replaced by the next query; the
  // event must not end the process, and the delivery that needs it reports the failure itself.
  pool.on('error', () => undefined);

  /**
   * Takes `lock` and runs `read` (a SELECT of outbox rows, which finds none unless the lock was
   * taken) in one message, hands the rows to `work`, and commits with the statement `finish` gives
   * for them (nothing when there were none).
   */
  async function exclusively(
    lock: string,
    read: string,
    work: (rows: OutboxRow[]) => Promise<void>,
    finish: (rows: readonly OutboxRow[]) => string,
  ): Promise<number> {
    const client = await pool.connect();
    let broken: Error | undefined;
    const onError = (error: Error) => void (broken = error);
    client.on('error', onError);
    try {
      const results = (await client.query(
        `BEGIN;
         SELECT set_config('${LOCKED_SETTING}', pg_try_advisory_xact_lock(hashtext(${pg.escapeLiteral(`${lock}:${schema}`)}))::text, true);
         ${read}`,
      )) as unknown as pg.QueryResult[];
      const rows = rowsOf(results.at(-1)!.rows as Array<Record<string, unknown>>);
      if (rows.length > 0) await work(rows);
      await client.query(rows.length > 0 ? `${finish(rows)}; COMMIT` : 'COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  return {
    deliverNext(reader, limit, deliver) {
      const name = pg.escapeLiteral(reader);
      return exclusively(
        `tradegraph-order-event-reader:${reader}`,
        `SELECT ${ROW_COLUMNS} FROM order_events
          WHERE current_setting('${LOCKED_SETTING}') = 'true'
            AND seq > COALESCE((SELECT last_seq FROM order_event_readers WHERE reader = ${name}), 0)
          ORDER BY seq LIMIT ${integer(limit)}`,
        deliver,
        (rows) =>
          `INSERT INTO order_event_readers (reader, last_seq, updated_at) VALUES (${name}, ${integer(rows.at(-1)!.seq)}, ${integer(Date.now())})
           ON CONFLICT (reader) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
      );
    },

    publishNext(limit, publish) {
      return exclusively(
        'tradegraph-order-event-publisher',
        `SELECT ${ROW_COLUMNS} FROM order_events
          WHERE current_setting('${LOCKED_SETTING}') = 'true' AND published_at IS NULL
          ORDER BY seq LIMIT ${integer(limit)}`,
        publish,
        (rows) =>
          `UPDATE order_events SET published_at = ${integer(Date.now())} WHERE seq IN (${rows.map((row) => integer(row.seq)).join(', ')})`,
      );
    },

    async positionOf(reader) {
      const { rows } = await pool.query<{ last_seq: string }>('SELECT last_seq FROM order_event_readers WHERE reader = $1', [reader]);
      return Number(rows[0]?.last_seq ?? 0);
    },

    async close() {
      await pool.end();
    },
  };
}

function rowsOf(raw: Array<Record<string, unknown>>): OutboxRow[] {
  return raw.map((row) => ({
    seq: Number(row.seq),
    id: String(row.id),
    orderId: String(row.order_id),
    type: String(row.type),
    payload: String(row.payload),
  }));
}

/** A number written into SQL text: only a safe integer can be, so nothing else reaches the statement. */
function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new Error(`outbox: ${value} is not an integer`);
  return String(value);
}
