import { createPostgresOutboxReader } from '#packages/events/index.js';
import { createPostgresOrderStore } from '../src/store/createPostgresOrderStore.js';
import { defineOutboxSuite } from './defineOutboxSuite.js';
import { openTestPostgres } from './openTestPostgres.js';

defineOutboxSuite('PostgreSQL', async () => {
  const database = await openTestPostgres();
  if (!database) return undefined;
  const store = createPostgresOrderStore({ connectionString: database.url, schema: database.schema });
  await store.migrate();
  const reader = createPostgresOutboxReader({ connectionString: database.url, schema: database.schema });
  return {
    store,
    reader,
    async dispose() {
      await reader.close();
      await store.close();
      await database.drop();
    },
  };
});
