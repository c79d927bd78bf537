import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEvent } from '../src/events/orderEvent.js';
import { createPostgresOrderStore } from '../src/store/createPostgresOrderStore.js';
import type { OrderStore } from '../src/store/OrderStore.js';
import { newOrder } from './orderFixtures.js';
import { openTestPostgres, type TestPostgres } from './openTestPostgres.js';
import { countProtocolMessages, type CountingProxy } from './support/countProtocolMessages.js';

/** The statements of a booking as the saga sends them: the order, a write per step, the confirmation with its event, the answer's read. */
async function book(store: OrderStore, at: number): Promise<string> {
  const draft = newOrder({ createdAt: at, leaseUntil: at + 15_000 });
  await store.createOrder(draft);
  const steps = ['RESERVE_STOCK', 'PLACE_MARKETPLACE_ORDER', 'CREATE_SHIPMENT', 'AUTHORIZE_PAYMENT'] as const;
  await store.saveChange(
    draft.id,
    {
      steps: [
        { name: 'VERIFY_QUOTE', patch: { status: 'DONE', attempt: 1, startedAt: at, finishedAt: at } },
        { name: 'RESERVE_STOCK', patch: { status: 'RUNNING', attempt: 1, startedAt: at } },
      ],
    },
    at,
  );
  for (const [index, name] of steps.slice(0, -1).entries()) {
    await store.saveChange(
      draft.id,
      {
        steps: [
          { name, patch: { status: 'DONE', finishedAt: at, result: { step: name }, error: null } },
          { name: steps[index + 1]!, patch: { status: 'RUNNING', attempt: 1, startedAt: at } },
        ],
        ...(name === 'CREATE_SHIPMENT' && { order: { shipmentId: `shp-${draft.id}` } }),
      },
      at,
    );
  }
  const captured = orderEvent('payment.captured', draft, at, {
    paymentId: `pay-${draft.id}`,
    amount: { amount: '41.37', currency: 'EUR' },
    capturedAt: new Date(at).toISOString(),
  });
  await store.saveChange(
    draft.id,
    {
      steps: [
        { name: 'AUTHORIZE_PAYMENT', patch: { status: 'DONE', finishedAt: at, result: { paymentId: `pay-${draft.id}` }, error: null } },
        { name: 'CONFIRM', patch: { status: 'DONE', attempt: 1, startedAt: at, finishedAt: at } },
      ],
      order: { paymentId: `pay-${draft.id}`, status: 'CONFIRMED', phase: 'SETTLED' },
      addSteps: [{ name: 'CAPTURE_PAYMENT', status: 'PENDING' }],
      events: [captured],
      releaseLeaseOf: draft.leaseOwner,
    },
    at,
  );
  await store.getOrder(draft.id);
  return draft.id;
}

describe('PostgreSQL order store statements', () => {
  let database: TestPostgres | undefined;
  let proxy: CountingProxy;
  let store: OrderStore;
  beforeAll(async () => {
    database = await openTestPostgres();
    if (!database) return;
    proxy = await countProtocolMessages(database.url);
    // one connection, so every statement after the first booking finds what that connection has parsed
    store = createPostgresOrderStore({ connectionString: proxy.url, schema: database.schema, maxConnections: 1 });
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('parses the statements a booking sends once per connection, not once per booking', async (context) => {
    if (!database) return context.skip();
    await book(store, 1_700_000_000_000);
    proxy.reset();
    const id = await book(store, 1_700_000_001_000);
    expect(proxy.sent.get('E')).toBe(7); // create, five changes, the read
    expect(proxy.sent.get('P') ?? 0).toBe(0);
    expect(await store.getOrder(id)).toMatchObject({ status: 'CONFIRMED', paymentId: `pay-${id}`, shipmentId: `shp-${id}` });
  });

  it('keeps answering after another replica adds a column to the tables those statements use', async (context) => {
    if (!database) return context.skip();
    const before = await store.getOrder(await book(store, 1_700_000_002_000));
    const migrator = new pg.Client({ connectionString: database.url });
    await migrator.connect();
    try {
      await migrator.query(`ALTER TABLE ${database.schema}.orders ADD COLUMN added_by_a_newer_replica TEXT DEFAULT 'x'`);
      await migrator.query(`ALTER TABLE ${database.schema}.order_steps ADD COLUMN added_by_a_newer_replica TEXT`);
    } finally {
      await migrator.end();
    }
    expect(await store.getOrder(before!.id)).toEqual(before);
    const id = await book(store, 1_700_000_003_000);
    expect(await store.getOrder(id)).toMatchObject({ status: 'CONFIRMED', paymentId: `pay-${id}`, leaseOwner: null });
    expect((await store.listSteps([id])).get(id)!.map((step) => step.status)).toEqual([
      'DONE',
      'DONE',
      'DONE',
      'DONE',
      'DONE',
      'DONE',
      'PENDING',
    ]);
  });
});
