import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh schema for one run in the test database; undefined (with a warning) when PostgreSQL
 * cannot be reached, except under `CI=true`, where that fails the run.
 */
export async function openInsightsPostgres(): Promise<{ url: string; schema: string; drop(): Promise<void> } | undefined> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
  } catch (error) {
    const reason = `PostgreSQL at ${TEST_DATABASE_URL} is unreachable: ${error instanceof Error ? error.message : String(error)}`;
    if (process.env.CI === 'true') throw new Error(`${reason}. CI must run the PostgreSQL trade-flow tests.`);
    console.warn(`SKIPPING the PostgreSQL trade-flow tests: ${reason}`);
    return undefined;
  }
  await client.end();
  const schema = `insights_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  return {
    url: TEST_DATABASE_URL,
    schema,
    async drop() {
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
    },
  };
}
