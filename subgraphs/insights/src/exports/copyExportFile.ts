import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlStatement, TradeFlowStore } from '../store/TradeFlowStore.js';
import type { ExportFormat } from './writeExportFile.js';
import { writeTar } from './writeTar.js';

/**
 * Writes an export the way `writeExportFile` does (one CSV file, or Parquet partitioned
 * `period=…/reporter=…/` packed into one tar) but with one `COPY` of the export's query inside the
 * store, for a store that can (DuckDB): the rows never pass through JavaScript. Returns the file's
 * path relative to `folder`.
 */
export async function copyExportFile(options: {
  store: Required<Pick<TradeFlowStore, 'copyTo'>>;
  statement: SqlStatement;
  folder: string;
  jobId: string;
  format: ExportFormat;
  /** Called once the rows are written, before the Parquet tree is packed. */
  onCopied(rows: number): Promise<void>;
}): Promise<{ path: string; rows: number }> {
  const { store, statement, folder, jobId } = options;
  mkdirSync(folder, { recursive: true });
  if (options.format === 'CSV') {
    const path = `${jobId}.csv`;
    const rows = await store.copyTo(statement, join(folder, path), 'FORMAT csv, HEADER true');
    await options.onCopied(rows);
    return { path, rows };
  }
  const work = join(folder, `${jobId}.work`);
  try {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work);
    const rows = await store.copyTo(statement, work, 'FORMAT parquet, PARTITION_BY (period, reporter), OVERWRITE_OR_IGNORE true');
    await options.onCopied(rows);
    const path = `${jobId}.tar`;
    await writeTar(work, join(folder, path));
    return { path, rows };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
