import { createWriteStream, mkdirSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { TradeFlowRowModel } from '../query/toTradeFlowRow.js';
import { EXPORT_COLUMNS } from './exportColumns.js';
import { writeTar } from './writeTar.js';

export type ExportFormat = 'CSV' | 'PARQUET';

/**
 * One value as a field of the staging CSV: text always quoted (quotes doubled), so an empty text
 * is `""` and stays apart from NULL, which is the bare empty field; numbers and booleans bare.
 */
const csvField = (value: string | number | boolean | null): string =>
  value === null ? '' : typeof value !== 'string' ? String(value) : value.includes('"') ? `"${value.replaceAll('"', '""')}"` : `"${value}"`;

/** Text of a page of rows, one CSV line each, in `EXPORT_COLUMNS` order. */
export function stagingCsv(rows: readonly TradeFlowRowModel[]): string {
  let text = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < EXPORT_COLUMNS.length; i++) line += (i === 0 ? '' : ',') + csvField(EXPORT_COLUMNS[i]![2](row));
    text += `${line}\n`;
  }
  return text;
}

const written = (stream: WriteStream, text: string) =>
  new Promise<void>((resolve, reject) => stream.write(text, (error) => (error ? reject(error) : resolve())));

/**
 * Writes an export's rows with DuckDB's own writers, whatever store they came from: the rows are
 * staged page by page as CSV text (`onRows` reports progress) — a string per row is what
 * JavaScript makes fastest, where handing DuckDB values one by one cost microseconds each — then
 * DuckDB reads the stage with the export's column types (money exact, `DECIMAL(18,2)`) and copies
 * it out as one CSV file, or as Parquet partitioned `period=…/reporter=…/` packed into one tar.
 * Returns the file's path relative to `folder`.
 */
export async function writeExportFile(options: {
  folder: string;
  jobId: string;
  format: ExportFormat;
  pages: AsyncIterable<readonly TradeFlowRowModel[]>;
  onRows(written: number): Promise<void>;
}): Promise<{ path: string; rows: number }> {
  mkdirSync(options.folder, { recursive: true });
  const stage = join(options.folder, `${options.jobId}.stage.csv`);
  const work = join(options.folder, `${options.jobId}.work`);
  try {
    let rows = 0;
    const stream = createWriteStream(stage);
    try {
      for await (const page of options.pages) {
        await written(stream, stagingCsv(page));
        rows += page.length;
        await options.onRows(rows);
      }
    } finally {
      await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    }
    return { path: await copyOut({ stage, work, folder: options.folder, jobId: options.jobId, format: options.format }), rows };
  } finally {
    rmSync(stage, { force: true });
    rmSync(work, { recursive: true, force: true });
  }
}

/** The staged CSV read with the export's types and written in the asked format; the file's path relative to `folder`. */
async function copyOut(options: { stage: string; work: string; folder: string; jobId: string; format: ExportFormat }): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const columns = EXPORT_COLUMNS.map(([name, kind]) => `'${name}': '${kind}'`).join(', ');
    const source = `SELECT * FROM read_csv('${options.stage}', columns = {${columns}}, header = false, quote = '"', escape = '"', allow_quoted_nulls = false, auto_detect = false)`;
    if (options.format === 'CSV') {
      const path = `${options.jobId}.csv`;
      await connection.run(`COPY (${source}) TO '${join(options.folder, path)}' (FORMAT csv, HEADER true)`);
      return path;
    }
    rmSync(options.work, { recursive: true, force: true });
    await connection.run(
      `COPY (${source}) TO '${options.work}' (FORMAT parquet, PARTITION_BY (period, reporter), OVERWRITE_OR_IGNORE true)`,
    );
    const path = `${options.jobId}.tar`;
    await writeTar(options.work, join(options.folder, path));
    return path;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
