import type { Migration } from './migrations.js';

/**
 * Orders keep the marketplace's id of their order (`marketplace_order_id`, the catalog's
 * `MarketplaceOrder` id that the PLACE_MARKETPLACE_ORDER step got back), so a marketplace's status
 * callback finds our order, and the last status it reported (`marketplace_status`, JSON text with the
 * event id, so a repeated event changes nothing). Orders placed before it are filled in from that step.
 */
const index = 'CREATE INDEX orders_marketplace_order ON orders (marketplace_order_id)';

export const MARKETPLACE_STATUS_MIGRATION: Migration = {
  version: 9,
  name: 'orders by marketplace order id, with its marketplace status',
  sqlite: [
    'ALTER TABLE orders ADD COLUMN marketplace_order_id TEXT',
    'ALTER TABLE orders ADD COLUMN marketplace_status TEXT',
    `UPDATE orders SET marketplace_order_id = (
       SELECT json_extract(s.result, '$.marketplaceOrderId') FROM order_steps s
       WHERE s.order_id = orders.id AND s.name = 'PLACE_MARKETPLACE_ORDER' AND s.result IS NOT NULL)`,
    index,
  ],
  postgres: [
    'ALTER TABLE orders ADD COLUMN marketplace_order_id TEXT',
    'ALTER TABLE orders ADD COLUMN marketplace_status TEXT',
    `UPDATE orders o SET marketplace_order_id = s.result::json->>'marketplaceOrderId' FROM order_steps s
     WHERE s.order_id = o.id AND s.name = 'PLACE_MARKETPLACE_ORDER' AND s.result IS NOT NULL`,
    index,
  ],
};
