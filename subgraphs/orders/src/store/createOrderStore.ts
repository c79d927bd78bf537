import { join } from 'node:path';
import type { OrdersConfig } from '../config.js';
import { createPostgresOrderStore } from './createPostgresOrderStore.js';
import { createSqliteOrderStore } from './createSqliteOrderStore.js';
import type { OrderStore } from './OrderStore.js';

/**
 * PostgreSQL when `DATABASE_URL` is set, else the SQLite file `DATA_DIR/orders.sqlite`; migrated
 * before use. `onConnectionError` hears of PostgreSQL connections lost between queries.
 */
export async function createOrderStore(
  config: Pick<OrdersConfig, 'DATABASE_URL' | 'DATABASE_SCHEMA' | 'DATA_DIR'> & Partial<Pick<OrdersConfig, 'DATABASE_POOL_SIZE'>>,
  onConnectionError?: (error: Error) => void,
): Promise<OrderStore> {
  const store =
    config.DATABASE_URL !== undefined
      ? createPostgresOrderStore({
          connectionString: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          ...(config.DATABASE_POOL_SIZE !== undefined && { maxConnections: config.DATABASE_POOL_SIZE }),
          ...(onConnectionError !== undefined && { onConnectionError }),
        })
      : createSqliteOrderStore({ file: join(config.DATA_DIR, 'orders.sqlite') });
  try {
    await store.migrate();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
