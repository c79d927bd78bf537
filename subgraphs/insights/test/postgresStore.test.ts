import { createPostgresStore } from '../src/store/createPostgresStore.js';
import { defineTradeFlowRollupSuite } from './defineTradeFlowRollupSuite.js';
import { defineTradeFlowStoreSuite } from './defineTradeFlowStoreSuite.js';
import { openTestPostgres } from '#test/support/openTestPostgres.js';

const open = async () => {
  const database = await openTestPostgres('PostgreSQL trade-flow store tests', 'insights_test');
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
};
defineTradeFlowStoreSuite('PostgreSQL', open);
defineTradeFlowRollupSuite('PostgreSQL', open);
