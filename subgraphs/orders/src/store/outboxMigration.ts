import type { Migration } from './migrations.js';

/**
 * The transactional outbox: `order_events` gets one row per domain event, written in the same
 * transaction as the saga state change it reports (see `OrderStore.updateOrder`/`updateStep`).
 * `seq` orders the stream; readers keep how far they got in `order_event_readers` (the in-process
 * relay) and the JetStream relay marks what it published in `published_at`. The columns are part
 * of the events contract (`packages/events/EVENTS.md`): readers in other services poll this table.
 */
const eventsTable = (serial: string, integer: string) => `
  CREATE TABLE order_events (
    seq ${serial},
    id TEXT NOT NULL UNIQUE,
    order_id TEXT NOT NULL,
    type TEXT NOT NULL,
    version INTEGER NOT NULL,
    occurred_at ${integer} NOT NULL,
    payload TEXT NOT NULL,
    published_at ${integer}
  )`;

const readersTable = (integer: string) => `
  CREATE TABLE order_event_readers (
    reader TEXT PRIMARY KEY,
    last_seq ${integer} NOT NULL,
    updated_at ${integer} NOT NULL
  )`;

const indexes = ['CREATE INDEX order_events_unpublished ON order_events (seq) WHERE published_at IS NULL'];

export const OUTBOX_MIGRATION: Migration = {
  version: 2,
  name: 'order events outbox',
  sqlite: [eventsTable('INTEGER PRIMARY KEY AUTOINCREMENT', 'INTEGER'), readersTable('INTEGER'), ...indexes],
  postgres: [eventsTable('BIGSERIAL PRIMARY KEY', 'BIGINT'), readersTable('BIGINT'), ...indexes],
};
