import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { createLogger } from '#packages/log/index.js';
import { DuckDBInstance } from '@duckdb/node-api';
import { copyExportFile } from '#subgraphs/insights/src/exports/copyExportFile.js';
import { EXPORT_COLUMNS } from '#subgraphs/insights/src/exports/exportColumns.js';
import { createExportRunner } from '#subgraphs/insights/src/exports/createExportRunner.js';
import { writeExportFile } from '#subgraphs/insights/src/exports/writeExportFile.js';
import type { TradeFlowRowModel } from '#subgraphs/insights/src/query/toTradeFlowRow.js';
import type { TradeFlowQuery } from '#subgraphs/insights/src/query/TradeFlowQuery.js';
import { copyWithDuckDb } from '#subgraphs/insights/src/store/createDuckDbStore.js';
import { createPostgresStore } from '#subgraphs/insights/src/store/createPostgresStore.js';
import type { SqlStatement, TradeFlowStore } from '#subgraphs/insights/src/store/TradeFlowStore.js';

/** The finest export the history allows: every dimension that varies independently. */
const FINEST: TradeFlowQuery = { flow: 'IMPORT', groupBy: ['MONTH', 'REPORTER', 'PARTNER', 'HS6', 'MODE'], data: 'ALL', filter: {} };

/** A whole export job on the store (one COPY on DuckDB; on PostgreSQL the cells streamed out by COPY … TO STDOUT into DuckDB's writer; Parquet, tar): its rows and seconds. */
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

/** The same rows as `GENERATED_ROWS`, made inside PostgreSQL. */
const PG_GENERATED_ROWS = `SELECT 'M' AS "flowCode", '2026' || lpad((n % 12 + 1)::text, 2, '0') AS period,
  (ARRAY['DE', 'US', 'FR', 'GB'])[n % 4 + 1] AS reporter, 'Reporter' AS "reporterDesc", 'CN' AS "partnerCode", 'China' AS "partnerDesc",
  (100000 + n % 5000)::text AS "cmdCode", 'Goods' AS "cmdDesc", 'POSTAL' AS mode, 'post-intl' AS carrier,
  'cn-jademarket' AS marketplace, TRUE AS synthetic, FALSE AS suppressed, (5 + n % 50)::bigint AS orders,
  (7 + n % 90)::bigint AS qty, 1.25::float8 AS "netWgt",
  ((n % 9000)::text || '.25')::numeric(18,2) AS "primaryValueUsd", ((n % 8000)::text || '.10')::numeric(18,2) AS "primaryValueEur",
  1.10::numeric(18,2) AS "dutiesUsd", 1.00::numeric(18,2) AS "dutiesEur", 3.30::numeric(18,2) AS "taxesUsd",
  3.00::numeric(18,2) AS "taxesEur", 0.55::numeric(18,2) AS "feesUsd", 0.50::numeric(18,2) AS "feesEur",
  9.5::float8 AS "transitMedianDays", 17.2::float8 AS "transitP90Days", 0.88::float8 AS "onTimeRate", 0.4::float8 AS "deMinimisShare"
FROM generate_series(0, $1::int - 1) n`;

/**
 * The Parquet writer on exactly `rows` rows (more than a million orders aggregate to): one COPY
 * inside DuckDB (`copyExportFile`, the DuckDB store's path); with `postgresUrl`, the rows made in
 * PostgreSQL and streamed out by `COPY … TO STDOUT` as CSV into DuckDB's writer (the PostgreSQL
 * store's path); and as baselines the rows made in JavaScript through `writeExportFile`, as
 * Parquet and as CSV, all in the same run.
 */
export async function measureExportWriter(rows: number, postgresUrl?: string) {
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
      copyTo: (statement: SqlStatement, target: string, options: string) => copyWithDuckDb(connection, statement, target, options),
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
  const streamed = async (url: string) => {
    const postgres = createPostgresStore({ connectionString: url, schema: 'public' });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const csv = join(folder, 'bench-streamed.csv');
    const types = EXPORT_COLUMNS.map(([name, kind]) => `'${name}': '${kind}'`).join(', ');
    try {
      const started = performance.now();
      await postgres.copyCsvTo!({ text: PG_GENERATED_ROWS, params: [rows] }, csv);
      await copyExportFile({
        store: { copyTo: (statement, target, options) => copyWithDuckDb(connection, statement, target, options) },
        statement: { text: `SELECT * FROM read_csv('${csv}', header = true, allow_quoted_nulls = false, types = {${types}})`, params: [] },
        folder,
        jobId: 'bench-streamed',
        format: 'PARQUET',
        onCopied: async () => undefined,
      });
      return (performance.now() - started) / 1000;
    } finally {
      rmSync(csv, { force: true });
      connection.closeSync();
      instance.closeSync();
      await postgres.close();
    }
  };
  try {
    const copy = await copied();
    const stream = postgresUrl === undefined ? undefined : await streamed(postgresUrl);
    const csv = await time('CSV');
    const parquet = await time('PARQUET');
    return { rows, copySeconds: copy, streamedSeconds: stream, parquetSeconds: parquet, csvSeconds: csv };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
