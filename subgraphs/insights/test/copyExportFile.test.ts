import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverBatch } from '#packages/events/index.js';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { buildExportSql } from '../src/exports/buildExportSql.js';
import { copyExportFile } from '../src/exports/copyExportFile.js';
import { writeExportFile } from '../src/exports/writeExportFile.js';
import { createTradeFlowReader } from '../src/ingest/createTradeFlowReader.js';
import { queryTradeFlowCells } from '../src/query/queryTradeFlowCells.js';
import { toTradeFlowRow } from '../src/query/toTradeFlowRow.js';
import type { TradeFlowQuery } from '../src/query/TradeFlowQuery.js';
import { syntheticEvents } from '../src/seed/createSyntheticHistory.js';
import { createDuckDbStore } from '../src/store/createDuckDbStore.js';

const hs = loadHsNomenclature();
const MIN_CELL = 5;
const EXPORTS: readonly TradeFlowQuery[] = [
  { flow: 'IMPORT', groupBy: ['MONTH', 'REPORTER', 'PARTNER', 'HS6', 'MODE'], data: 'ALL', filter: {} },
  { flow: 'EXPORT', groupBy: ['QUARTER', 'REPORTER', 'HS4', 'CARRIER'], data: 'SYNTHETIC', filter: { partners: ['DE', 'US', 'GB'] } },
  { flow: 'IMPORT', groupBy: ['YEAR', 'REPORTER', 'HS2', 'MARKETPLACE'], data: 'ALL', filter: { hs: ['61', '8517'] } },
];

/** The COPY inside DuckDB against the rows made in JavaScript: the same file, byte for byte. */
describe('trade-flow export by COPY', () => {
  let store: Awaited<ReturnType<typeof createDuckDbStore>>;
  let folder: string;
  beforeAll(async () => {
    store = await createDuckDbStore({ file: ':memory:' });
    await store.migrate();
    const reader = createTradeFlowReader({ name: 'copy-test', store, fallbackRates: async () => ({}) });
    const events = [...syntheticEvents({ orders: 3_000, months: 12 })];
    await deliverBatch(
      reader,
      events.map((event) => ({ payload: JSON.stringify(event), source: 'test' })),
    );
    folder = mkdtempSync(join(tmpdir(), 'insights-copy-'));
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it.each(EXPORTS.map((query, i) => [i, query] as const))('writes the CSV the row-by-row writer writes (export %i)', async (i, query) => {
    const codes = await store.query({ text: 'SELECT DISTINCT hs6 FROM trade_flow_cells WHERE hs6 IS NOT NULL', params: [] });
    const copied = await copyExportFile({
      store,
      statement: buildExportSql(
        query,
        hs,
        MIN_CELL,
        codes.map((row) => String(row.hs6)),
      ),
      folder,
      jobId: `copied-${i}`,
      format: 'CSV',
      onCopied: async () => undefined,
    });
    const rows = (await queryTradeFlowCells(store, query, undefined)).map((row) => toTradeFlowRow(row, query, MIN_CELL, hs));
    async function* pages() {
      yield rows;
    }
    const written = await writeExportFile({ folder, jobId: `written-${i}`, format: 'CSV', pages: pages(), onRows: async () => undefined });
    expect(copied.rows).toBe(rows.length);
    expect(rows.some((row) => row.suppressed) && rows.some((row) => !row.suppressed && row.transitDays !== null)).toBe(true);
    expect(readFileSync(join(folder, copied.path), 'utf8')).toBe(readFileSync(join(folder, written.path), 'utf8'));
  });
});
