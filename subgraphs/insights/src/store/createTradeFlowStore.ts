import { join } from 'node:path';
import type { InsightsConfig } from '../config.js';
import { createDuckDbStore } from './createDuckDbStore.js';
import { createPostgresStore } from './createPostgresStore.js';
import type { TradeFlowStore } from './TradeFlowStore.js';

/** PostgreSQL when `INSIGHTS_DATABASE_URL` is set, else the DuckDB file `DATA_DIR/insights.duckdb`; migrated before use. */
export async function createTradeFlowStore(
  config: Pick<InsightsConfig, 'INSIGHTS_DATABASE_URL' | 'INSIGHTS_DATABASE_SCHEMA' | 'DATA_DIR'>,
): Promise<TradeFlowStore> {
  const store =
    config.INSIGHTS_DATABASE_URL !== undefined
      ? createPostgresStore({ connectionString: config.INSIGHTS_DATABASE_URL, schema: config.INSIGHTS_DATABASE_SCHEMA })
      : await createDuckDbStore({ file: join(config.DATA_DIR, 'insights.duckdb') });
  try {
    await store.migrate();
    return store;
  } catch (error) {
    await store.close().catch(() => undefined);
    throw error;
  }
}
