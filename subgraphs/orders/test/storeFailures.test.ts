import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { freePort } from '#packages/cache/redisTestServer.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createLogger } from '#packages/log/index.js';
import { connectOrderStore } from '../src/store/connectOrderStore.js';
import { createOrderStore } from '../src/store/createOrderStore.js';
import { createPostgresOrderStore } from '../src/store/createPostgresOrderStore.js';
import { createSqliteOrderStore } from '../src/store/createSqliteOrderStore.js';
import { createFakeParticipants } from './support/createFakeParticipants.js';
import { openTestPostgres } from './openTestPostgres.js';
import { startOrders } from './support/startOrders.js';

const silent = createLogger('orders', { level: 'silent' });

describe('the PostgreSQL order store when its connection drops', () => {
  it('survives the server terminating its pooled connection, and reconnects on the next query', async () => {
    const database = await openTestPostgres();
    if (!database) return;
    // An application name of our own, so only this store's connections are terminated.
    const applicationName = `tg_drop_${randomBytes(4).toString('hex')}`;
    const url = new URL(database.url);
    url.searchParams.set('application_name', applicationName);
    const lost: Error[] = [];
    const store = createPostgresOrderStore({
      connectionString: url.href,
      schema: database.schema,
      onConnectionError: (error) => lost.push(error),
    });
    const admin = new pg.Client({ connectionString: database.url });
    try {
      await store.migrate();
      expect(await store.getOrder('before')).toBeUndefined(); // one idle connection in the pool now
      await admin.connect();
      const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        applicationName,
      ]);
      expect(rowCount).toBeGreaterThan(0);
      await expect.poll(() => lost.length, { timeout: 5_000 }).toBeGreaterThan(0);
      // Still here (an unhandled pool error would have ended the process), and the store works again.
      expect(await store.getOrder('after')).toBeUndefined();
    } finally {
      await admin.end().catch(() => undefined);
      await store.close();
      await database.drop();
    }
  });
});

describe('opening the order store with retries', () => {
  it('keeps trying a database that is not there, failing calls meanwhile as retryable, and says why', async () => {
    const port = await freePort();
    const connection = connectOrderStore({
      kind: 'postgres',
      open: () =>
        createOrderStore({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/test`, DATABASE_SCHEMA: 'public', DATA_DIR: '.' }),
      logger: silent,
      initialDelayMs: 20,
      maxDelayMs: 50,
    });
    try {
      await expect
        .poll(() => connection.status(), { timeout: 10_000 })
        .toMatchObject({ connected: false, reason: expect.stringMatching(/ECONNREFUSED/) });
      await expect.poll(() => (connection.status() as { attempts: number }).attempts, { timeout: 10_000 }).toBeGreaterThan(2);
      const refused = await connection.store.getOrder('x').catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(UpstreamError);
      expect(refused).toMatchObject({ retryable: true, reached: false });
    } finally {
      await connection.close();
    }
  });

  it('serves from the store once an attempt succeeds', async () => {
    let attempts = 0;
    const connection = connectOrderStore({
      kind: 'sqlite',
      open: async () => {
        if (++attempts < 3) throw new Error(`attempt ${attempts} failed`);
        const store = createSqliteOrderStore({ file: ':memory:' });
        await store.migrate();
        return store;
      },
      logger: silent,
      initialDelayMs: 5,
    });
    await connection.connected;
    expect(attempts).toBe(3);
    expect(connection.status()).toEqual({ connected: true });
    expect(await connection.store.getOrder('none')).toBeUndefined();
    expect(connection.store.kind).toBe('sqlite');
    await connection.close();
  });

  it('lets the orders service start, alive but not ready, naming the reason, while its database is unreachable', async () => {
    const port = await freePort();
    const orders = await startOrders(createFakeParticipants(), { DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/test` });
    try {
      const origin = new URL(orders.url).origin;
      expect((await fetch(`${origin}/health`)).status).toBe(200);
      const ready = await fetch(`${origin}/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({
        ready: false,
        store: 'postgres',
        reason: expect.stringMatching(/order store not connected/),
      });
      const answer = await orders.query('{ orders(first: 1) { edges { cursor } } }');
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', retryable: true });
    } finally {
      await orders.stop();
    }
  });
});
