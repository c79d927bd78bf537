import { OUTBOX_MIGRATION } from './outboxMigration.js';
import { OWNER_MIGRATION } from './ownerMigration.js';
import { DISPUTES_MIGRATION } from './disputesMigration.js';
import { MARKETPLACE_MIGRATION } from './marketplaceMigration.js';
import { RETURNS_MIGRATION } from '../returns/returnsMigration.js';
import { TEST_MODE_MIGRATION } from './testModeMigration.js';
import { REACH_MIGRATION } from './reachMigration.js';
import { MARKETPLACE_STATUS_MIGRATION } from './marketplaceStatusMigration.js';

/**
 * The store's schema, as numbered migrations. A migration is never edited once released: a change
 * is a new entry. Each dialect gets its own SQL so both stores keep the same columns and meaning;
 * instants are integers (ms since the epoch), flags 0/1 and JSON text in both, so rows read back alike.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: readonly string[];
  readonly postgres: readonly string[];
}

const ordersTable = (integer: string) => `
  CREATE TABLE orders (
    id TEXT PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
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
    created_at ${integer} NOT NULL,
    updated_at ${integer} NOT NULL,
    next_attempt_at ${integer} NOT NULL,
    lease_owner TEXT,
    lease_until ${integer} NOT NULL
  )`;

const stepsTable = (integer: string) => `
  CREATE TABLE order_steps (
    order_id TEXT NOT NULL REFERENCES orders(id),
    name TEXT NOT NULL,
    position INTEGER NOT NULL,
    status TEXT NOT NULL,
    attempt INTEGER NOT NULL,
    compensation_attempt INTEGER NOT NULL,
    started_at ${integer},
    finished_at ${integer},
    updated_at ${integer} NOT NULL,
    result TEXT,
    error TEXT,
    PRIMARY KEY (order_id, name)
  )`;

/** Indexes for the queries the service runs: pages of orders, recovery and the follower. */
const indexes = [
  'CREATE INDEX orders_newest ON orders (created_at DESC, id DESC)',
  'CREATE INDEX orders_due ON orders (status, next_attempt_at)',
  'CREATE INDEX order_steps_open ON order_steps (name, status)',
];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'orders and saga steps',
    sqlite: [ordersTable('INTEGER'), stepsTable('INTEGER'), ...indexes],
    postgres: [ordersTable('BIGINT'), stepsTable('BIGINT'), ...indexes],
  },
  OUTBOX_MIGRATION,
  OWNER_MIGRATION,
  DISPUTES_MIGRATION,
  MARKETPLACE_MIGRATION,
  RETURNS_MIGRATION,
  TEST_MODE_MIGRATION,
  REACH_MIGRATION,
  MARKETPLACE_STATUS_MIGRATION,
];

/** The version a fully migrated store is at. */
export const LATEST_SCHEMA_VERSION = Math.max(...MIGRATIONS.map((migration) => migration.version));
