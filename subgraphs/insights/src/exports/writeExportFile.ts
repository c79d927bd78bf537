import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, DuckDBInstance, VARCHAR, type DuckDBValue } from '@duckdb/node-api';
import type { TradeFlowRowModel } from '../query/toTradeFlowRow.js';
import { EXPORT_COLUMNS } from './exportColumns.js';
import { writeTar } from './writeTar.js';

export type ExportFormat = 'CSV' | 'PARQUET';

/** DuckDB's vector size: the most rows one data chunk holds. */
const VECTOR_SIZE = 2_048;
type Kind = (typeof EXPORT_COLUMNS)[number][1];
// Money is staged as text and cast once when the file is written, so it stays exact.
const typeOf = (kind: Kind) => (kind === 'BOOLEAN' ? BOOLEAN : kind === 'BIGINT' ? BIGINT : kind === 'DOUBLE' ? DOUBLE : VARCHAR);
const TYPES = EXPORT_COLUMNS.map(([, kind]) => typeOf(kind));
const chunkValue = (kind: Kind, value: string | number | boolean | null): DuckDBValue =>
  value === null ? null : kind === 'BIGINT' ? BigInt(value) : kind === 'DECIMAL(18,2)' || kind === 'VARCHAR' ? String(value) : value;

/**
 * Writes an export's rows with DuckDB's own writers, whatever store they came from: the rows are
 * appended to an in-memory table page by page (`onRows` reports progress), then copied out as one
 * CSV file, or as Parquet partitioned `period=…/reporter=…/` and packed into one tar.
 * Returns the file's path relative to `folder`.
 */
export async function writeExportFile(options: {
  folder: string;
  jobId: string;
  format: ExportFormat;
  pages: AsyncIterable<readonly TradeFlowRowModel[]>;
  onRows(written: number): Promise<void>;
}): Promise<{ path: string; rows: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const work = join(options.folder, `${options.jobId}.work`);
  try {
    await connection.run(
      `CREATE TABLE flows (${EXPORT_COLUMNS.map(([name, kind]) => `"${name}" ${kind === 'DECIMAL(18,2)' ? 'VARCHAR' : kind}`).join(', ')})`,
    );
    let rows = 0;
    for await (const page of options.pages) {
      const appender = await connection.createAppender('flows');
      // A vector at a time, column by column: one call per column of 2,048 rows, not one per value.
      for (let start = 0; start < page.length; start += VECTOR_SIZE) {
        const slice = page.slice(start, start + VECTOR_SIZE);
        const chunk = DuckDBDataChunk.create(TYPES, slice.length);
        chunk.setColumns(EXPORT_COLUMNS.map(([, kind, read]) => slice.map((row) => chunkValue(kind, read(row)))));
        appender.appendDataChunk(chunk);
      }
      appender.closeSync();
      rows += page.length;
      await options.onRows(rows);
    }
    const typed = EXPORT_COLUMNS.map(([name, kind]) =>
      kind === 'DECIMAL(18,2)' ? `CAST("${name}" AS DECIMAL(18,2)) AS "${name}"` : `"${name}"`,
    ).join(', ');
    mkdirSync(options.folder, { recursive: true });
    if (options.format === 'CSV') {
      const path = `${options.jobId}.csv`;
      await connection.run(`COPY (SELECT ${typed} FROM flows) TO '${join(options.folder, path)}' (FORMAT csv, HEADER true)`);
      return { path, rows };
    }
    rmSync(work, { recursive: true, force: true });
    await connection.run(
      `COPY (SELECT ${typed} FROM flows) TO '${work}' (FORMAT parquet, PARTITION_BY (period, reporter), OVERWRITE_OR_IGNORE true)`,
    );
    const path = `${options.jobId}.tar`;
    await writeTar(work, join(options.folder, path));
    return { path, rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
    connection.closeSync();
    instance.closeSync();
  }
}
