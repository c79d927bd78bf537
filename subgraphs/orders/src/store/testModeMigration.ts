import type { Migration } from './migrations.js';

/**
 * Orders remember whether a test-mode key placed them (`test_mode`, 0/1 as every flag here), so a
 * saga resumed by recovery, long after the request, still passes its test triggers on. Orders from
 * before this migration are live.
 */
export const TEST_MODE_MIGRATION: Migration = {
  version: 7,
  name: 'orders placed with a test-mode key',
  sqlite: ['ALTER TABLE orders ADD COLUMN test_mode INTEGER NOT NULL DEFAULT 0'],
  postgres: ['ALTER TABLE orders ADD COLUMN test_mode INTEGER NOT NULL DEFAULT 0'],
};
