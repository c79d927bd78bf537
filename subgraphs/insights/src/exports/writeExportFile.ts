import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { TradeFlowRowModel } from '../query/toTradeFlowRow.js';
import { EXPORT_COLUMNS } from './exportColumns.js';
import { writeTar } from './writeTar.js';

export type ExportFormat = 'CSV' | 'PARQUET';

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
      for (const row of page) {
        for (const [, kind, read] of EXPORT_COLUMNS) {
          const value = read(row);
          if (value === null) appender.appendNull();
          else if (kind === 'BOOLEAN') appender.appendBoolean(value as boolean);
          else if (kind === 'BIGINT') appender.appendBigInt(BigInt(value as number));
          else if (kind === 'DOUBLE') appender.appendDouble(value as number);
          else appender.appendVarchar(String(value));
        }
        appender.endRow();
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
