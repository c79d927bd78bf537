import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresOutboxReader, type OutboxReader } from '#packages/events/index.js';
import { createPostgresOrderStore } from '../src/store/createPostgresOrderStore.js';
import type { OrderStore } from '../src/store/OrderStore.js';
import { defineOutboxSuite } from './defineOutboxSuite.js';
import { newOrder } from './orderFixtures.js';
import { openTestPostgres, type TestPostgres } from './openTestPostgres.js';

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

describe('PostgreSQL outbox readers of one name in two processes', () => {
  let database: TestPostgres | undefined;
  let store: OrderStore | undefined;
  const readers: OutboxReader[] = [];
  beforeAll(async () => {
    database = await openTestPostgres();
    if (!database) return;
    store = createPostgresOrderStore({ connectionString: database.url, schema: database.schema });
    await store.migrate();
    for (let i = 0; i < 2; i++) readers.push(createPostgresOutboxReader({ connectionString: database.url, schema: database.schema }));
  });
  afterAll(async () => {
    for (const reader of readers) await reader.close();
    await store?.close();
    await database?.drop();
  });

  it('take turns: every event is delivered once, in order, however their polls overlap', async (context) => {
    if (!store) return context.skip();
    const draft = newOrder();
    await store.createOrder(draft);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const id = randomUUID();
      ids.push(id);
      await store.updateOrder(draft.id, {}, 100 + i, [
        {
          id,
          type: 'order.failed',
          version: 1,
          orderId: draft.id,
          occurredAt: '2026-12-01T10:00:00.000Z',
          data: { step: 'RESERVE_STOCK', code: 'OUT_OF_STOCK', message: 'none left', failedAt: '2026-12-01T10:00:00.000Z' },
        },
      ]);
    }
    const name = `reader_${randomUUID().slice(0, 8)}`;
    const delivered: string[] = [];
    let inDelivery = 0;
    let overlapped = false;
    // Each reader polls until a poll of its own finds nothing, while the other holds or has just
    // given up the lock; a delivery lets other work run (a few macrotask turns) before it ends.
    const follow = async (reader: OutboxReader) => {
      let idlePolls = 0;
      while (idlePolls < 20) {
        const count = await reader.deliverNext(name, 3, async (rows) => {
          inDelivery += 1;
          if (inDelivery > 1) overlapped = true;
          for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
          delivered.push(...rows.map((row) => row.id));
          inDelivery -= 1;
        });
        idlePolls = count === 0 ? idlePolls + 1 : 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(readers.map(follow));
    expect(overlapped).toBe(false);
    expect(delivered.filter((id) => ids.includes(id))).toEqual(ids);
    expect(new Set(delivered).size).toBe(delivered.length);
  });
});
