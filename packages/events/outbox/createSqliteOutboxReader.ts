import Database from 'better-sqlite3';
import { ensurePrivateFile } from '#packages/secrets/index.js';
import type { OutboxReader, OutboxRow } from './OutboxReader.js';

/**
 * Reads the outbox of the orders SQLite file from another process (WAL lets readers run beside
 * orders' writer). A reader's position moves by compare-and-set: two processes reading under one
 * name may both deliver a batch, which readers absorb (idempotent by event id), but neither moves
 * the position past rows the other has not seen.
 */
export function createSqliteOutboxReader(options: { file: string; busyTimeoutMs?: number }): OutboxReader {
  // a reader that starts before orders creates the file: it holds buyers' details, owner-only
  ensurePrivateFile(options.file);
  const db = new Database(options.file, { fileMustExist: false });
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5_000}`);
  const rowsOf = (raw: unknown[]): OutboxRow[] =>
    (raw as Array<Record<string, unknown>>).map((row) => ({
      seq: Number(row.seq),
      id: String(row.id),
      orderId: String(row.order_id),
      type: String(row.type),
      payload: String(row.payload),
    }));
  const positionOf = (reader: string): number =>
    Number(
      (db.prepare('SELECT last_seq FROM order_event_readers WHERE reader = ?').get(reader) as { last_seq?: number } | undefined)
        ?.last_seq ?? 0,
    );

  return {
    async deliverNext(reader, limit, deliver) {
      const from = positionOf(reader);
      const rows = rowsOf(
        db.prepare('SELECT seq, id, order_id, type, payload FROM order_events WHERE seq > ? ORDER BY seq LIMIT ?').all(from, limit),
      );
      if (rows.length === 0) return 0;
      await deliver(rows);
      const to = rows.at(-1)!.seq;
      db.prepare(
        `INSERT INTO order_event_readers (reader, last_seq, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (reader) DO UPDATE SET last_seq = excluded.last_seq, updated_at = excluded.updated_at
         WHERE order_event_readers.last_seq = ?`,
      ).run(reader, to, Date.now(), from);
      return rows.length;
    },

    async publishNext(limit, publish) {
      const rows = rowsOf(
        db.prepare('SELECT seq, id, order_id, type, payload FROM order_events WHERE published_at IS NULL ORDER BY seq LIMIT ?').all(limit),
      );
      if (rows.length === 0) return 0;
      await publish(rows);
      db.prepare('UPDATE order_events SET published_at = ? WHERE seq >= ? AND seq <= ? AND published_at IS NULL').run(
        Date.now(),
        rows[0]!.seq,
        rows.at(-1)!.seq,
      );
      return rows.length;
    },

    async positionOf(reader) {
      return positionOf(reader);
    },

    async close() {
      db.close();
    },
  };
}
