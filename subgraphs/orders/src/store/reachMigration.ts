import type { Migration } from './migrations.js';

/**
 * `marketplace_reach`: how often each marketplace's offers were shown and quoted, per buyer
 * country and UTC day, as the catalog and payments flush their in-memory counts (`recordReach`).
 * One row per counter; a flush adds to it. Bookings are not here: they are the orders themselves.
 */
const table = (integer: string) => `
  CREATE TABLE marketplace_reach (
    marketplace_id TEXT NOT NULL,
    day TEXT NOT NULL,
    country TEXT NOT NULL,
    kind TEXT NOT NULL,
    count ${integer} NOT NULL,
    PRIMARY KEY (marketplace_id, day, country, kind)
  )`;

export const REACH_MIGRATION: Migration = {
  version: 8,
  name: 'marketplace reach',
  sqlite: [table('INTEGER')],
  postgres: [table('BIGINT')],
};
