import { createPostgresOrderStore } from '../src/store/createPostgresOrderStore.js';
import { defineOrderStoreSuite } from './defineOrderStoreSuite.js';
import { openTestPostgres } from './openTestPostgres.js';

defineOrderStoreSuite('PostgreSQL', async () => {
  const database = await openTestPostgres();
  if (!database) return undefined;
  const store = createPostgresOrderStore({ connectionString: database.url, schema: database.schema });
  await store.migrate();
  const replica = createPostgresOrderStore({ connectionString: database.url, schema: database.schema });
  return {
    store,
    replica,
    async dispose() {
      await store.close();
      await replica.close();
      await database.drop();
    },
  };
});
