import pg from 'pg';
import type { OutboxReader, OutboxRow } from './OutboxReader.js';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads the outbox in the orders PostgreSQL schema. Each delivery runs in one transaction that
 * holds a lock named after the reader, so replicas of a reader take turns and the stream reaches
 * it in `seq` order; the position moves in the same transaction. Writers commit in `seq` order
 * (orders takes a lock before writing events), so no row appears behind a position already passed.
 */
export function createPostgresOutboxReader(options: { connectionString: string; schema: string }): OutboxReader {
  const { schema } = options;
  if (!SCHEMA_NAME.test(schema)) throw new Error(`outbox schema "${schema}" must be a lower-case SQL identifier`);
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 2, options: `-c search_path=${schema}` });
  // A pooled connection lost between deliveries is discarded and replaced by the next query; the
  // event must not end the process, and the delivery that needs it reports the failure itself.
  pool.on('error', () => undefined);

  async function exclusively(lock: string, work: (client: pg.PoolClient) => Promise<number>): Promise<number> {
    const client = await pool.connect();
    let broken: Error | undefined;
    const onError = (error: Error) => void (broken = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        `${lock}:${schema}`,
      ]);
      const done = rows[0]?.locked === true ? await work(client) : 0;
      await client.query('COMMIT');
      return done;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
  const rowsOf = (raw: Array<Record<string, unknown>>): OutboxRow[] =>
    raw.map((row) => ({
      seq: Number(row.seq),
      id: String(row.id),
      orderId: String(row.order_id),
      type: String(row.type),
      payload: String(row.payload),
    }));

  return {
    deliverNext(reader, limit, deliver) {
      return exclusively(`tradegraph-order-event-reader:${reader}`, async (client) => {
        const position = await client.query<{ last_seq: string }>('SELECT last_seq FROM order_event_readers WHERE reader = $1', [reader]);
        const from = Number(position.rows[0]?.last_seq ?? 0);
        const found = await client.query<Record<string, unknown>>(
          'SELECT seq, id, order_id, type, payload FROM order_events WHERE seq > $1 ORDER BY seq LIMIT $2',
          [from, limit],
        );
        const rows = rowsOf(found.rows);
        if (rows.length === 0) return 0;
        await deliver(rows);
        await client.query(
          `INSERT INTO order_event_readers (reader, last_seq, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (reader) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at`,
          [reader, rows.at(-1)!.seq, Date.now()],
        );
        return rows.length;
      });
    },

    publishNext(limit, publish) {
      return exclusively('tradegraph-order-event-publisher', async (client) => {
        const found = await client.query<Record<string, unknown>>(
          'SELECT seq, id, order_id, type, payload FROM order_events WHERE published_at IS NULL ORDER BY seq LIMIT $1',
          [limit],
        );
        const rows = rowsOf(found.rows);
        if (rows.length === 0) return 0;
        await publish(rows);
        await client.query('UPDATE order_events SET published_at = $1 WHERE seq = ANY($2)', [Date.now(), rows.map((row) => row.seq)]);
        return rows.length;
      });
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
