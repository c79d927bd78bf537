import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresOrderStore } from '../src/store/createPostgresOrderStore.js';
import { createSqliteOrderStore } from '../src/store/createSqliteOrderStore.js';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../src/store/migrations.js';
import { openTestPostgres } from './openTestPostgres.js';
import { newOrder } from './orderFixtures.js';

const BEFORE_OWNERS = MIGRATIONS.filter((migration) => migration.version < 3);

/** An order as a store at version 2 held it: no owner, and an idempotency key unique across all callers. */
const OLD_ORDER = ['ord_before_owners', 'shared-key', 'h', 'CONFIRMED', 'FORWARD', 'q', '{}', '{}', 'CARD', '1.00', 'EUR', 0, 1, 1, 0];
const OLD_COLUMNS =
  'id, idempotency_key, request_hash, status, phase, quote_token, quote, buyer, payment_method, total_amount, total_currency, escrow, created_at, updated_at, next_attempt_at, lease_until';

describe('the SQLite file', () => {
  it('is readable by its owner only (it holds buyers’ names and addresses), with its folder and WAL', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'orders-mode-')), 'data');
    try {
      const store = createSqliteOrderStore({ file: join(dir, 'orders.sqlite') });
      await store.migrate();
      await store.createOrder(newOrder());
      expect(statSync(join(dir, 'orders.sqlite')).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'orders.sqlite-wal')).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      await store.close();
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });
});

describe('the owners migration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orders-owners-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on SQLite, keeps orders and their steps, gives old orders no owner, and makes idempotency keys unique per owner', async () => {
    const file = join(dir, 'orders.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
    for (const migration of BEFORE_OWNERS) {
      for (const statement of migration.sqlite) old.exec(statement);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(migration.version, migration.name);
    }
    old
      .prepare(
        `INSERT INTO orders (${OLD_COLUMNS}) VALUES (${OLD_COLUMNS.split(',')
          .map(() => '?')
          .join(', ')})`,
      )
      .run(...OLD_ORDER, 0);
    old.prepare("INSERT INTO order_steps VALUES ('ord_before_owners', 'CONFIRM', 5, 'DONE', 1, 0, 1, 1, 1, NULL, NULL)").run();
    old.close();

    const store = createSqliteOrderStore({ file });
    expect(await store.migrate()).toBe(LATEST_SCHEMA_VERSION);
    const kept = await store.getOrder('ord_before_owners');
    expect(kept).toMatchObject({ ownerKeyId: '', buyerReference: null, status: 'CONFIRMED' });
    expect((await store.listSteps(['ord_before_owners'])).get('ord_before_owners')!.map((step) => step.name)).toEqual(['CONFIRM']);
    const { order, created } = await store.createOrder(newOrder({ ownerKeyId: 'key-b', idempotencyKey: 'shared-key' }));
    expect(created).toBe(true);
    expect(order.id).not.toBe('ord_before_owners');
    // foreign keys are back on: a step of no order is refused
    await expect(store.addSteps('ord_nobody', [{ name: 'CONFIRM', status: 'PENDING' }], 1)).rejects.toThrow(/FOREIGN KEY/);
    await store.close();
  });

  it('on PostgreSQL, does the same', async (context) => {
    const database = await openTestPostgres();
    if (!database) return context.skip();
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${database.schema}`);
      await client.query(`SET search_path = ${database.schema}`);
      await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      for (const migration of BEFORE_OWNERS) {
        for (const statement of migration.postgres) await client.query(statement);
        await client.query('INSERT INTO schema_migrations VALUES ($1, $2, 0)', [migration.version, migration.name]);
      }
      await client.query(
        `INSERT INTO orders (${OLD_COLUMNS}) VALUES (${OLD_COLUMNS.split(',')
          .map((_, i) => `$${i + 1}`)
          .join(', ')})`,
        [...OLD_ORDER, 0],
      );
    } finally {
      await client.end();
    }
    const store = createPostgresOrderStore({ connectionString: database.url, schema: database.schema });
    try {
      expect(await store.migrate()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.getOrder('ord_before_owners')).toMatchObject({ ownerKeyId: '', buyerReference: null });
      const { order, created } = await store.createOrder(newOrder({ ownerKeyId: 'key-b', idempotencyKey: 'shared-key' }));
      expect(created).toBe(true);
      expect(order.id).not.toBe('ord_before_owners');
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
