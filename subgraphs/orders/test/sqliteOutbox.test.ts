import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteOutboxReader } from '#packages/events/index.js';
import { createSqliteOrderStore } from '../src/store/createSqliteOrderStore.js';
import { defineOutboxSuite } from './defineOutboxSuite.js';

defineOutboxSuite('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'orders-outbox-'));
  const file = join(dir, 'orders.sqlite');
  const store = createSqliteOrderStore({ file });
  await store.migrate();
  const reader = createSqliteOutboxReader({ file });
  return {
    store,
    reader,
    async dispose() {
      await reader.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
