import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBatch } from '#packages/events/index.js';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { createLogger } from '#packages/log/index.js';
import { openTestPostgres, type TestPostgres } from '#test/support/openTestPostgres.js';
import { createExportRunner } from '../src/exports/createExportRunner.js';
import { newExportJob } from '../src/exports/newExportJob.js';
import { writeExportFile } from '../src/exports/writeExportFile.js';
import { createTradeFlowReader } from '../src/ingest/createTradeFlowReader.js';
import { queryTradeFlowCells } from '../src/query/queryTradeFlowCells.js';
import { toTradeFlowRow } from '../src/query/toTradeFlowRow.js';
import type { TradeFlowQuery } from '../src/query/TradeFlowQuery.js';
import { syntheticEvents } from '../src/seed/createSyntheticHistory.js';
import { createPostgresStore } from '../src/store/createPostgresStore.js';
import type { TradeFlowStore } from '../src/store/TradeFlowStore.js';

const hs = loadHsNomenclature();
const MIN_CELL = 5;
const EXPORTS: readonly TradeFlowQuery[] = [
  { flow: 'IMPORT', groupBy: ['MONTH', 'REPORTER', 'PARTNER', 'HS6', 'MODE'], data: 'ALL', filter: {} },
  { flow: 'EXPORT', groupBy: ['QUARTER', 'REPORTER', 'HS4', 'CARRIER'], data: 'SYNTHETIC', filter: { partners: ['DE', 'US', 'GB'] } },
  { flow: 'IMPORT', groupBy: ['YEAR', 'REPORTER', 'HS2', 'MARKETPLACE'], data: 'ALL', filter: { hs: ['61', '8517'], modes: ['POSTAL'] } },
];

/**
 * PostgreSQL exports stream the rollup's rows out with `COPY … TO STDOUT` into DuckDB's writer:
 * the file must be the one the row-by-row writer makes from the same cells read as the API reads them.
 */
describe('trade-flow export from PostgreSQL, streamed', () => {
  let database: TestPostgres | undefined;
  let store: TradeFlowStore;
  let folder: string;
  beforeAll(async () => {
    database = await openTestPostgres('PostgreSQL export tests', 'insights_export_test');
    if (!database) return;
    store = createPostgresStore({ connectionString: database.url, schema: database.schema });
    await store.migrate();
    const reader = createTradeFlowReader({ name: 'export-test', store, fallbackRates: async () => ({}) });
    const events = [...syntheticEvents({ orders: 3_000, months: 12 })];
    await deliverBatch(
      reader,
      events.map((event) => ({ payload: JSON.stringify(event), source: 'test' })),
    );
    folder = mkdtempSync(join(tmpdir(), 'insights-pg-export-'));
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await database?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  async function runJob(id: string, query: TradeFlowQuery, format: 'CSV' | 'PARQUET') {
    await store.createExportJob(newExportJob(id, 'test', format, query, Date.now()));
    const runner = createExportRunner({
      store,
      hs,
      minCell: MIN_CELL,
      folder,
      ttlMs: 60_000,
      logger: createLogger('test', { level: 'silent' }),
    });
    await runner.runWaiting();
    return (await store.getExportJob(id))!;
  }

  it.each(EXPORTS.map((query, i) => [i, query] as const))('writes the CSV the row-by-row writer writes (export %i)', async (i, query) => {
    if (!database) return;
    const job = await runJob(`exp_pg_${i}`, query, 'CSV');
    expect(job).toMatchObject({ status: 'DONE', progress: 1 });
    const rows = (await queryTradeFlowCells(store, query, undefined)).map((row) => toTradeFlowRow(row, query, MIN_CELL, hs));
    async function* pages() {
      yield rows;
    }
    const written = await writeExportFile({ folder, jobId: `written-${i}`, format: 'CSV', pages: pages(), onRows: async () => undefined });
    expect(job.rowsWritten).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(0);
    expect(readFileSync(join(folder, job.path!), 'utf8')).toBe(readFileSync(join(folder, written.path), 'utf8'));
  });

  it('writes partitioned Parquet, and leaves no streamed cells behind', { timeout: 120_000 }, async () => {
    if (!database) return;
    const job = await runJob('exp_pg_parquet', EXPORTS[0]!, 'PARQUET');
    expect(job).toMatchObject({ status: 'DONE', progress: 1 });
    expect(job.path).toMatch(/\.tar$/);
    expect(job.rowsWritten).toBeGreaterThan(100);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(folder).filter((name) => name.endsWith('.csv') && name.includes('cells'))).toEqual([]);
  });
});
