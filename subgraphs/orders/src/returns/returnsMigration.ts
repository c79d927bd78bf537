import type { Migration } from '../store/migrations.js';

/**
 * Returns: one row per returned order (`order_id` unique: an order is returned once, and two
 * concurrent requests make one return). Money as a decimal string and its currency; the policy and
 * the refund's lines as JSON text; instants in ms.
 */
const returnsTable = (integer: string) => `
  CREATE TABLE order_returns (
    id TEXT PRIMARY KEY,
    order_id TEXT NOT NULL UNIQUE REFERENCES orders(id),
    owner_key_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    quantity INTEGER NOT NULL,
    status TEXT NOT NULL,
    policy TEXT NOT NULL,
    refund_lines TEXT NOT NULL,
    refund_amount TEXT NOT NULL,
    refund_currency TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    label_shipment_id TEXT,
    refunded_at ${integer},
    attention TEXT,
    created_at ${integer} NOT NULL,
    updated_at ${integer} NOT NULL
  )`;

export const RETURNS_MIGRATION: Migration = {
  version: 6,
  name: 'order returns',
  sqlite: [returnsTable('INTEGER')],
  postgres: [returnsTable('BIGINT')],
};
