import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { OrderEventType } from '#packages/events/index.js';
import type { AttemptRecord, DeliveryRecord, DeliveryStatus, WebhookRecord, WebhookStore } from './WebhookStore.js';

type Row = Readonly<Record<string, unknown>>;

const TABLES = [
  `CREATE TABLE IF NOT EXISTS webhooks (
     id TEXT PRIMARY KEY,
     owner TEXT NOT NULL,
     url TEXT NOT NULL,
     events TEXT NOT NULL,
     secret TEXT NOT NULL,
     created_at INTEGER NOT NULL
   )`,
  'CREATE INDEX IF NOT EXISTS webhooks_owner ON webhooks (owner, created_at)',
  `CREATE TABLE IF NOT EXISTS webhook_deliveries (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
     event_id TEXT NOT NULL,
     event_type TEXT NOT NULL,
     order_id TEXT NOT NULL,
     payload TEXT NOT NULL,
     status TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     next_attempt_at INTEGER NOT NULL,
     retry_until INTEGER NOT NULL,
     delivered_at INTEGER,
     attempts_in_round INTEGER NOT NULL,
     UNIQUE (webhook_id, event_id)
   )`,
  'CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at)',
  'CREATE INDEX IF NOT EXISTS webhook_deliveries_order ON webhook_deliveries (webhook_id, order_id, status, seq)',
  `CREATE TABLE IF NOT EXISTS webhook_attempts (
     delivery_id TEXT NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
     at INTEGER NOT NULL,
     response_status INTEGER,
     error TEXT,
     duration_ms INTEGER NOT NULL
   )`,
  'CREATE INDEX IF NOT EXISTS webhook_attempts_delivery ON webhook_attempts (delivery_id, at)',
  `CREATE TABLE IF NOT EXISTS webhook_dead_letters (
     event_id TEXT,
     source TEXT NOT NULL,
     payload TEXT NOT NULL,
     error TEXT NOT NULL,
     at INTEGER NOT NULL
   )`,
];

/**
 * The webhooks store: one SQLite file (better-sqlite3, WAL, `synchronous = FULL`, so a queued
 * delivery survives a power cut). Synchronous calls run whole on the event loop: the dispatcher
 * and the event reader never interleave inside a write.
 */
export function createSqliteWebhookStore(options: { file: string }): WebhookStore {
  if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
  const db = new Database(options.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) statements.set(sql, (statement = db.prepare(sql)));
    return statement;
  };
  const rows = (sql: string, ...params: unknown[]): Row[] => prepare(sql).all(...params) as Row[];
  const row = (sql: string, ...params: unknown[]): Row | undefined => prepare(sql).get(...params) as Row | undefined;

  const enqueue = db.transaction((deliveries: readonly DeliveryRecord[]) => {
    for (const d of deliveries) {
      prepare(
        `INSERT INTO webhook_deliveries (id, webhook_id, event_id, event_type, order_id, payload, status, created_at, next_attempt_at, retry_until, delivered_at, attempts_in_round)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (webhook_id, event_id) DO NOTHING`,
      ).run(
        d.id,
        d.webhookId,
        d.eventId,
        d.eventType,
        d.orderId,
        d.payload,
        d.status,
        d.createdAt,
        d.nextAttemptAt,
        d.retryUntil,
        d.deliveredAt,
        d.attemptsInRound,
      );
    }
  });

  const recordAttempt = db.transaction((attempt: AttemptRecord, outcome: Parameters<WebhookStore['recordAttempt']>[1]) => {
    prepare('INSERT INTO webhook_attempts (delivery_id, at, response_status, error, duration_ms) VALUES (?, ?, ?, ?, ?)').run(
      attempt.deliveryId,
      attempt.at,
      attempt.responseStatus,
      attempt.error,
      attempt.durationMs,
    );
    prepare(
      `UPDATE webhook_deliveries SET status = ?, attempts_in_round = attempts_in_round + 1,
         next_attempt_at = ?, delivered_at = ? WHERE id = ?`,
    ).run(
      outcome.status,
      outcome.status === 'PENDING' ? outcome.nextAttemptAt : attempt.at,
      outcome.status === 'DELIVERED' ? attempt.at : null,
      attempt.deliveryId,
    );
  });

  return {
    async migrate() {
      db.transaction(() => {
        for (const sql of TABLES) db.exec(sql);
      }).immediate();
    },
    async addWebhook(webhook) {
      prepare('INSERT INTO webhooks (id, owner, url, events, secret, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        webhook.id,
        webhook.owner,
        webhook.url,
        JSON.stringify(webhook.events),
        webhook.secret,
        webhook.createdAt,
      );
    },
    async listWebhooks(owner) {
      return rows('SELECT * FROM webhooks WHERE owner = ? ORDER BY created_at, id', owner).map(toWebhook);
    },
    async subscribers(owner, type) {
      // Few endpoints per key (WEBHOOK_MAX_PER_KEY): filtering the key's list here is simpler than JSON in SQL.
      return rows('SELECT * FROM webhooks WHERE owner = ? ORDER BY created_at, id', owner)
        .map(toWebhook)
        .filter((webhook) => webhook.events.includes(type));
    },
    async deleteWebhook(owner, id) {
      return prepare('DELETE FROM webhooks WHERE owner = ? AND id = ?').run(owner, id).changes === 1;
    },
    async enqueue(deliveries) {
      enqueue(deliveries);
    },
    async due(now, limit) {
      return rows(
        `SELECT d.*, w.id AS w_id, w.owner AS w_owner, w.url AS w_url, w.events AS w_events, w.secret AS w_secret, w.created_at AS w_created_at
           FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
          WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?
            AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e
                             WHERE e.webhook_id = d.webhook_id AND e.order_id = d.order_id AND e.status = 'PENDING' AND e.seq < d.seq)
          ORDER BY d.seq LIMIT ?`,
        now,
        limit,
      ).map((r) => ({
        delivery: toDelivery(r),
        webhook: toWebhook({
          id: r.w_id,
          owner: r.w_owner,
          url: r.w_url,
          events: r.w_events,
          secret: r.w_secret,
          created_at: r.w_created_at,
        }),
      }));
    },
    async recordAttempt(attempt, outcome) {
      recordAttempt(attempt, outcome);
    },
    async getDelivery(owner, id) {
      const found = row(
        'SELECT d.* FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id WHERE d.id = ? AND w.owner = ?',
        id,
        owner,
      );
      return found && toDelivery(found);
    },
    async listDeliveries(webhookId, { first, status }) {
      return (
        status === undefined
          ? rows('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT ?', webhookId, first)
          : rows('SELECT * FROM webhook_deliveries WHERE webhook_id = ? AND status = ? ORDER BY seq DESC LIMIT ?', webhookId, status, first)
      ).map(toDelivery);
    },
    async listAttempts(deliveryIds) {
      const found = new Map<string, AttemptRecord[]>(deliveryIds.map((id) => [id, []]));
      if (deliveryIds.length === 0) return found;
      const placeholders = deliveryIds.map(() => '?').join(', ');
      for (const r of rows(`SELECT * FROM webhook_attempts WHERE delivery_id IN (${placeholders}) ORDER BY at, rowid`, ...deliveryIds)) {
        found.get(String(r.delivery_id))?.push({
          deliveryId: String(r.delivery_id),
          at: Number(r.at),
          responseStatus: r.response_status == null ? null : Number(r.response_status),
          error: r.error == null ? null : (r.error as string),
          durationMs: Number(r.duration_ms),
        });
      }
      return found;
    },
    async redeliver(id, now, retryUntil) {
      prepare(
        `UPDATE webhook_deliveries SET status = 'PENDING', next_attempt_at = ?, retry_until = ?, delivered_at = NULL, attempts_in_round = 0 WHERE id = ?`,
      ).run(now, retryUntil, id);
      const found = row('SELECT * FROM webhook_deliveries WHERE id = ?', id);
      if (!found) throw new Error(`delivery ${id} vanished`);
      return toDelivery(found);
    },
    async addDeadLetter(letter, at) {
      prepare('INSERT INTO webhook_dead_letters (event_id, source, payload, error, at) VALUES (?, ?, ?, ?, ?)').run(
        letter.eventId,
        letter.source,
        letter.payload,
        letter.error,
        at,
      );
    },
    async close() {
      db.close();
    },
  };
}

function toWebhook(r: Row): WebhookRecord {
  return {
    id: String(r.id),
    owner: String(r.owner),
    url: String(r.url),
    events: JSON.parse(String(r.events)) as OrderEventType[],
    secret: String(r.secret),
    createdAt: Number(r.created_at),
  };
}

function toDelivery(r: Row): DeliveryRecord {
  return {
    id: String(r.id),
    webhookId: String(r.webhook_id),
    eventId: String(r.event_id),
    eventType: String(r.event_type) as OrderEventType,
    orderId: String(r.order_id),
    payload: String(r.payload),
    status: String(r.status) as DeliveryStatus,
    createdAt: Number(r.created_at),
    nextAttemptAt: Number(r.next_attempt_at),
    retryUntil: Number(r.retry_until),
    deliveredAt: r.delivered_at == null ? null : Number(r.delivered_at),
    attemptsInRound: Number(r.attempts_in_round),
  };
}
