import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteOrderStore } from '../src/store/createSqliteOrderStore.js';
import { defineOrderStoreSuite } from './defineOrderStoreSuite.js';

defineOrderStoreSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orders-sqlite-'));
  const file = join(dir, 'orders.sqlite');
  const store = createSqliteOrderStore({ file });
  await store.migrate();
  // A second connection to the same file, as a second process would open it.
  const replica = createSqliteOrderStore({ file });
  return {
    store,
    replica,
    async dispose() {
      await store.close();
      await replica.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
