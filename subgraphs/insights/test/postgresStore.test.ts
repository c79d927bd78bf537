import { createPostgresStore } from '../src/store/createPostgresStore.js';
import { defineTradeFlowStoreSuite } from './defineTradeFlowStoreSuite.js';
import { openInsightsPostgres } from './support/openInsightsPostgres.js';

defineTradeFlowStoreSuite('PostgreSQL', async () => {
  const database = await openInsightsPostgres();
  if (!database) return undefined;
  const store = createPostgresStore({ connectionString: database.url, schema: database.schema });
  await store.migrate();
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
});
