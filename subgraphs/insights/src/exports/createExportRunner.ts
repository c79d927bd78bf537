import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { HsNomenclature } from '#packages/hs/index.js';
import type { Logger } from '#packages/log/index.js';
import { buildRollupSql } from '../query/buildRollupSql.js';
import type { TradeFlowQuery } from '../query/TradeFlowQuery.js';
import { copyWithDuckDb } from '../store/createDuckDbStore.js';
import type { ExportJob, SqlStatement, TradeFlowStore } from '../store/TradeFlowStore.js';
import { buildExportSql, cellsFromCsv } from './buildExportSql.js';
import { copyExportFile } from './copyExportFile.js';

export interface ExportRunner {
  /** Runs every job waiting now, one after another; resolves when none is left. */
  runWaiting(): Promise<void>;
  /** Runs the jobs waiting now (those a restart left), then each job as it is requested. */
  start(): void;
  /** A job was requested in this process: run it now (after the one being written, if any). Before `start`, nothing. */
  wake(): void;
  stop(): Promise<void>;
}

/**
 * Runs export jobs in the background. A job is claimed with a lease (renewed while it is
 * written), so after a crash or restart a job left RUNNING is taken up again once its lease
 * lapses, and a PENDING one is started: jobs survive restarts.
 *
 * A job requested here wakes the runner. Only a shared store (PostgreSQL) is also polled, every
 * `intervalMs`, for jobs other replicas were asked for or left with a lapsed lease (any store is
 * looked at again after a look that failed): a DuckDB file belongs to one process, so every job
 * in it was requested here or left by a run before a restart (which `start` takes up). Polling it
 * cost about 3.5 ms of CPU a look (DuckDB wakes its threads even for a statement that finds
 * nothing), twice a second, on a process that shares its cores with the subgraphs answering quotes.
 */
export function createExportRunner(options: {
  store: TradeFlowStore;
  hs: HsNomenclature;
  minCell: number;
  folder: string;
  ttlMs: number;
  leaseMs?: number;
  /** Pause between looks for jobs requested elsewhere, on a shared store only. Default: 500 ms. */
  intervalMs?: number;
  logger: Logger;
  now?: () => number;
}): ExportRunner {
  const { store, logger } = options;
  const now = options.now ?? Date.now;
  const leaseMs = options.leaseMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  async function run(job: ExportJob): Promise<void> {
    const query = JSON.parse(job.request) as TradeFlowQuery;
    await store.updateExportJob(job.id, { rowsWritten: 0, progress: 0 }, now());
    const written = await withLease(job, () => write(job, query));
    await store.updateExportJob(
      job.id,
      { status: 'DONE', progress: 1, rowsWritten: written.rows, path: written.path, expiresAt: now() + options.ttlMs },
      now(),
    );
    logger.info('trade-flow export written', { jobId: job.id, rows: written.rows, format: job.format });
  }

  /** Renews the job's lease while `work` runs, so no other runner takes it up meanwhile. */
  async function withLease<T>(job: ExportJob, work: () => Promise<T>): Promise<T> {
    const renew = setInterval(() => {
      store.updateExportJob(job.id, { leaseUntil: now() + leaseMs }, now()).catch(() => undefined);
    }, leaseMs / 3);
    try {
      return await work();
    } finally {
      clearInterval(renew);
    }
  }

  /**
   * The export's query, with country names, HS descriptions, suppression and rounding in SQL,
   * copied by DuckDB straight to the file: over the store's own rollup on DuckDB; on PostgreSQL
   * over the rollup's rows streamed out as CSV (`COPY … TO STDOUT`) into a file DuckDB reads. No
   * row passes through JavaScript either way.
   */
  async function write(job: ExportJob, query: TradeFlowQuery) {
    const codes = await store.query({ text: 'SELECT DISTINCT hs6 FROM trade_flow_cells WHERE hs6 IS NOT NULL', params: [] });
    const hsCodes = codes.map((row) => String(row.hs6));
    const file = (copyTo: NonNullable<TradeFlowStore['copyTo']>, cells?: SqlStatement) =>
      copyExportFile({
        store: { copyTo },
        statement: buildExportSql(query, options.hs, options.minCell, hsCodes, cells),
        folder: options.folder,
        jobId: job.id,
        format: job.format,
        // Packing the Parquet tree is the last tenth.
        onCopied: () => store.updateExportJob(job.id, { progress: 0.9, leaseUntil: now() + leaseMs }, now()),
      });
    if (store.copyTo) return file(store.copyTo.bind(store));
    if (!store.copyCsvTo) throw new Error(`the ${store.dialect} store can neither copy nor stream an export`);
    mkdirSync(options.folder, { recursive: true });
    const csv = join(options.folder, `${job.id}.cells.csv`);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      await store.copyCsvTo(buildRollupSql(query, store.dialect), csv);
      // Reading the cells out is the first half; DuckDB writing the file the second.
      await store.updateExportJob(job.id, { progress: 0.5, leaseUntil: now() + leaseMs }, now());
      return await file(
        (statement, target, copyOptions) => copyWithDuckDb(connection, statement, target, copyOptions),
        cellsFromCsv(query, csv),
      );
    } finally {
      rmSync(csv, { force: true });
      connection.closeSync();
      instance.closeSync();
    }
  }

  async function runWaiting(): Promise<void> {
    for (;;) {
      const job = await store.claimExportJob(now(), now() + leaseMs);
      if (!job) return;
      try {
        await run(job);
      } catch (error) {
        logger.error('trade-flow export failed', { jobId: job.id, error });
        // The cause is in the log, by job id; the client is told what to do, not our internals.
        await store.updateExportJob(
          job.id,
          { status: 'FAILED', error: `the export could not be written (job ${job.id}); request it again` },
          now(),
        );
      }
    }
  }

  const polls = store.dialect === 'postgres';
  let started = false;
  let busy = false;
  let wokenWhileBusy = false;
  const tick = () => {
    clearTimeout(timer);
    if (busy) {
      wokenWhileBusy = true;
      return;
    }
    busy = true;
    let failed = false;
    running = runWaiting()
      .catch((error: unknown) => {
        failed = true;
        logger.warn('could not look for export jobs', { error });
      })
      .finally(() => {
        busy = false;
        if (stopped) return;
        // a look that failed (the store unreachable) is tried again: a job waiting now is not left until the next request
        if (wokenWhileBusy) {
          wokenWhileBusy = false;
          tick();
        } else if (polls || failed) timer = setTimeout(tick, options.intervalMs ?? 500);
      });
  };

  return {
    runWaiting: async () => {
      await running;
      await runWaiting();
    },
    start() {
      if (started || stopped) return;
      started = true;
      tick();
    },
    wake() {
      if (started && !stopped) tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
