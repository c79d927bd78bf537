import type { Migration } from './migrations.js';

/**
 * Buyers' disputes (`src/disputes/`): one row per disputed order (`order_id` unique: an order is
 * disputed once), open until an operator settles it. While a dispute is not `RESOLVED` the payment
 * follower does not release the order's escrow.
 */
const disputesTable = (integer: string) => `
  CREATE TABLE order_disputes (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
    opened_by TEXT NOT NULL,
    reason TEXT NOT NULL,
    evidence TEXT NOT NULL,
    status TEXT NOT NULL,
    outcome TEXT,
    note TEXT,
    resolved_by TEXT,
    payment_status TEXT,
    opened_at ${integer} NOT NULL,
    resolved_at ${integer},
    updated_at ${integer} NOT NULL
  )`;

const indexes = ['CREATE INDEX order_disputes_status ON order_disputes (status)'];

export const DISPUTES_MIGRATION: Migration = {
  version: 4,
  name: 'order disputes',
  sqlite: [disputesTable('INTEGER'), ...indexes],
  postgres: [disputesTable('BIGINT'), ...indexes],
};
