import type { Migration } from './migrations.js';

/**
 * Every order belongs to the API key that placed it (`owner_key_id`), with the buyer reference its
 * app may pass; idempotency keys become unique per owner, so one key's client can never claim
 * another's order by replaying its idempotency key. Orders placed before this migration have no
 * owner (`''`): no key sees them through the API.
 *
 * SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt as its documentation
 * describes (the store runs migrations with foreign keys off and checks them before committing).
 */
const COLUMNS = [
  'id',
  'idempotency_key',
  'request_hash',
  'status',
  'phase',
  'quote_token',
  'quote',
  'buyer',
  'payment_method',
  'total_amount',
  'total_currency',
  'escrow',
  'shipment_id',
  'payment_id',
  'failure',
  'created_at',
  'updated_at',
  'next_attempt_at',
  'lease_owner',
  'lease_until',
].join(', ');

const ownerIndexes = [
  'CREATE UNIQUE INDEX orders_owner_idempotency_key ON orders (owner_key_id, idempotency_key)',
  'CREATE INDEX orders_owner_newest ON orders (owner_key_id, created_at DESC, id DESC)',
];

export const OWNER_MIGRATION: Migration = {
  version: 3,
  name: 'orders belong to an API key; idempotency keys unique per owner',
  sqlite: [
    `CREATE TABLE orders_owned (
      id TEXT PRIMARY KEY,
      idempotency_key TEXT NOT NULL,
      request_hash TEXT NOT NULL,
      status TEXT NOT NULL,
      phase TEXT NOT NULL,
      quote_token TEXT NOT NULL,
      quote TEXT NOT NULL,
      buyer TEXT NOT NULL,
      payment_method TEXT NOT NULL,
      total_amount TEXT NOT NULL,
      total_currency TEXT NOT NULL,
      escrow INTEGER NOT NULL,
      shipment_id TEXT,
      payment_id TEXT,
      failure TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL,
      next_attempt_at INTEGER NOT NULL,
      lease_owner TEXT,
      lease_until INTEGER NOT NULL,
      owner_key_id TEXT NOT NULL,
      buyer_reference TEXT
    )`,
    `INSERT INTO orders_owned (${COLUMNS}, owner_key_id, buyer_reference) SELECT ${COLUMNS}, '', NULL FROM orders`,
    'DROP TABLE orders',
    'ALTER TABLE orders_owned RENAME TO orders',
    'CREATE INDEX orders_newest ON orders (created_at DESC, id DESC)',
    'CREATE INDEX orders_due ON orders (status, next_attempt_at)',
    ...ownerIndexes,
  ],
  postgres: [
    "ALTER TABLE orders ADD COLUMN owner_key_id TEXT NOT NULL DEFAULT ''",
    'ALTER TABLE orders ALTER COLUMN owner_key_id DROP DEFAULT',
    'ALTER TABLE orders ADD COLUMN buyer_reference TEXT',
    'ALTER TABLE orders DROP CONSTRAINT orders_idempotency_key_key',
    ...ownerIndexes,
  ],
};
