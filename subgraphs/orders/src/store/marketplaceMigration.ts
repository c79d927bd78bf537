import type { Migration } from './migrations.js';

/**
 * Each order names the marketplace it was booked at (`marketplace_id`), as the catalog's
 * reservation reported it (the RESERVE_STOCK step's `marketplaceId`), so a marketplace's own key
 * can page through its orders (`Marketplace.orders`). Orders reserved before it are filled in from
 * that step; orders that never reserved stock have none.
 */
const index = 'CREATE INDEX orders_marketplace_newest ON orders (marketplace_id, created_at DESC, id DESC)';

export const MARKETPLACE_MIGRATION: Migration = {
  version: 5,
  name: 'orders by marketplace',
  sqlite: [
    'ALTER TABLE orders ADD COLUMN marketplace_id TEXT',
    `UPDATE orders SET marketplace_id = (
       SELECT json_extract(s.result, '$.marketplaceId') FROM order_steps s
       WHERE s.order_id = orders.id AND s.name = 'RESERVE_STOCK' AND s.result IS NOT NULL)`,
    index,
  ],
  postgres: [
    'ALTER TABLE orders ADD COLUMN marketplace_id TEXT',
    `UPDATE orders o SET marketplace_id = s.result::json->>'marketplaceId' FROM order_steps s
     WHERE s.order_id = o.id AND s.name = 'RESERVE_STOCK' AND s.result IS NOT NULL`,
    index,
  ],
};
