import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { createLogger } from '#packages/log/index.js';
import { DuckDBInstance } from '@duckdb/node-api';
import { copyExportFile } from '#subgraphs/insights/src/exports/copyExportFile.js';
import { createExportRunner } from '#subgraphs/insights/src/exports/createExportRunner.js';
import { writeExportFile } from '#subgraphs/insights/src/exports/writeExportFile.js';
import type { TradeFlowRowModel } from '#subgraphs/insights/src/query/toTradeFlowRow.js';
import type { TradeFlowQuery } from '#subgraphs/insights/src/query/TradeFlowQuery.js';
import type { SqlStatement, TradeFlowStore } from '#subgraphs/insights/src/store/TradeFlowStore.js';

/** The finest export the history allows: every dimension that varies independently. */
const FINEST: TradeFlowQuery = { flow: 'IMPORT', groupBy: ['MONTH', 'REPORTER', 'PARTNER', 'HS6', 'MODE'], data: 'ALL', filter: {} };

/** A whole export job on the store (one COPY on DuckDB; pages through JavaScript on PostgreSQL; Parquet, tar): its rows and seconds. */
export async function measureExportJob(store: TradeFlowStore) {
  const folder = mkdtempSync(join(tmpdir(), 'bench-export-'));
  try {
    const id = `exp_bench_${Date.now()}`;
    const now = Date.now();
    await store.createExportJob({
      id,
      owner: 'bench',
      status: 'PENDING',
      format: 'PARQUET',
      request: JSON.stringify(FINEST),
      progress: 0,
      rowsWritten: null,
      path: null,
      expiresAt: null,
      error: null,
      createdAt: now,
      updatedAt: now,
      leaseUntil: 0,
    });
    const runner = createExportRunner({
      store,
      hs: loadHsNomenclature(),
      minCell: 5,
      folder,
      ttlMs: 60_000,
      logger: createLogger('bench', { level: 'warn' }),
    });
    const started = performance.now();
    await runner.runWaiting();
    const seconds = (performance.now() - started) / 1000;
    const job = await store.getExportJob(id);
    return { rows: job?.rowsWritten ?? 0, seconds, status: job?.status };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The rows `measureExportWriter` writes, made inside DuckDB for the COPY path: the same values as `row(n)`. */
const GENERATED_ROWS = `SELECT 'M' AS "flowCode", '2026' || lpad(CAST(n % 12 + 1 AS VARCHAR), 2, '0') AS period,
  ['DE', 'US', 'FR', 'GB'][n % 4 + 1] AS reporter, 'Reporter' AS "reporterDesc", 'CN' AS "partnerCode", 'China' AS "partnerDesc",
  CAST(100000 + n % 5000 AS VARCHAR) AS "cmdCode", 'Goods' AS "cmdDesc", 'POSTAL' AS mode, 'post-intl' AS carrier,
  'cn-jademarket' AS marketplace, TRUE AS synthetic, FALSE AS suppressed, CAST(5 + n % 50 AS BIGINT) AS orders,
  CAST(7 + n % 90 AS BIGINT) AS qty, CAST(1.25 AS DOUBLE) AS "netWgt",
  CAST(CAST(n % 9000 AS VARCHAR) || '.25' AS DECIMAL(18,2)) AS "primaryValueUsd", CAST(CAST(n % 8000 AS VARCHAR) || '.10' AS DECIMAL(18,2)) AS "primaryValueEur",
  CAST(1.10 AS DECIMAL(18,2)) AS "dutiesUsd", CAST(1.00 AS DECIMAL(18,2)) AS "dutiesEur", CAST(3.30 AS DECIMAL(18,2)) AS "taxesUsd",
  CAST(3.00 AS DECIMAL(18,2)) AS "taxesEur", CAST(0.55 AS DECIMAL(18,2)) AS "feesUsd", CAST(0.50 AS DECIMAL(18,2)) AS "feesEur",
  CAST(9.5 AS DOUBLE) AS "transitMedianDays", CAST(17.2 AS DOUBLE) AS "transitP90Days", CAST(0.88 AS DOUBLE) AS "onTimeRate",
  CAST(0.4 AS DOUBLE) AS "deMinimisShare"
FROM range($1) t(n)`;

/**
 * The Parquet writer on exactly `rows` rows (more than a million orders aggregate to), two ways:
 * one COPY inside DuckDB (`copyExportFile`, the DuckDB store's path) and the rows made in
 * JavaScript through `writeExportFile` (the PostgreSQL store's path), with the same rows as CSV
 * through JavaScript as a further baseline, all in the same run.
 */
export async function measureExportWriter(rows: number) {
  const folder = mkdtempSync(join(tmpdir(), 'bench-writer-'));
  const row = (n: number): TradeFlowRowModel => ({
    flowCode: 'M',
    period: `2026${String((n % 12) + 1).padStart(2, '0')}`,
    reporter: { code: ['DE', 'US', 'FR', 'GB'][n % 4]!, name: 'Reporter', region: 'Europe' },
    partner: { code: 'CN', name: 'China', region: 'Asia' },
    commodity: { code: String(100000 + (n % 5000)), level: 6, description: 'Goods' },
    mode: 'POSTAL',
    carrier: 'post-intl',
    marketplace: 'cn-jademarket',
    synthetic: true,
    suppressed: false,
    orders: 5 + (n % 50),
    qty: 7 + (n % 90),
    netWgt: 1.25,
    primaryValue: { usd: `${n % 9000}.25`, eur: `${n % 8000}.10` },
    duties: { usd: '1.10', eur: '1.00' },
    taxes: { usd: '3.30', eur: '3.00' },
    fees: { usd: '0.55', eur: '0.50' },
    landedCostShares: { item: 0.6, shipping: 0.2, duties: 0.05, taxes: 0.12, fees: 0.03 },
    transitDays: { median: 9.5, p90: 17.2 },
    onTimeRate: 0.88,
    deMinimisShare: 0.4,
  });
  async function* pages() {
    for (let from = 0; from < rows; from += 100_000) yield Array.from({ length: Math.min(100_000, rows - from) }, (_, i) => row(from + i));
  }
  const time = async (format: 'CSV' | 'PARQUET') => {
    const started = performance.now();
    await writeExportFile({ folder, jobId: `bench-${format}`, format, pages: pages(), onRows: async () => undefined });
    return (performance.now() - started) / 1000;
  };
  const copied = async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const store = {
      async copyTo(statement: SqlStatement, target: string, options: string) {
        const result = await connection.runAndReadAll(`COPY (${statement.text}) TO '${target}' (${options})`, [
          ...statement.params,
        ] as never);
        return Number(result.getRows()[0]?.[0] ?? 0);
      },
    };
    try {
      const started = performance.now();
      await copyExportFile({
        store,
        statement: { text: GENERATED_ROWS, params: [rows] },
        folder,
        jobId: 'bench-copy',
        format: 'PARQUET',
        onCopied: async () => undefined,
      });
      return (performance.now() - started) / 1000;
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  };
  try {
    const copy = await copied();
    const csv = await time('CSV');
    const parquet = await time('PARQUET');
    return { rows, copySeconds: copy, parquetSeconds: parquet, csvSeconds: csv };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
