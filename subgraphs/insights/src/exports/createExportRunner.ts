import type { HsNomenclature } from '#packages/hs/index.js';
import type { Logger } from '#packages/log/index.js';
import { queryTradeFlowCells } from '../query/queryTradeFlowCells.js';
import { toTradeFlowRow, type TradeFlowRowModel } from '../query/toTradeFlowRow.js';
import type { TradeFlowQuery } from '../query/TradeFlowQuery.js';
import type { ExportJob, TradeFlowStore } from '../store/TradeFlowStore.js';
import { buildExportSql } from './buildExportSql.js';
import { copyExportFile } from './copyExportFile.js';
import { writeExportFile } from './writeExportFile.js';

/** Rows read from the store at once; progress moves page by page. */
const PAGE_ROWS = 100_000;

export interface ExportRunner {
  /** Runs every job waiting now, one after another; resolves when none is left. */
  runWaiting(): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs export jobs in the background. A job is claimed with a lease (renewed as pages are
 * written), so after a crash or restart a job left RUNNING is taken up again once its lease
 * lapses, and a PENDING one is started: jobs survive restarts.
 */
export function createExportRunner(options: {
  store: TradeFlowStore;
  hs: HsNomenclature;
  minCell: number;
  folder: string;
  ttlMs: number;
  leaseMs?: number;
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
    const written = store.copyTo ? await copied(job, query, store.copyTo.bind(store)) : await paged(job, query);
    await store.updateExportJob(
      job.id,
      { status: 'DONE', progress: 1, rowsWritten: written.rows, path: written.path, expiresAt: now() + options.ttlMs },
      now(),
    );
    logger.info('trade-flow export written', { jobId: job.id, rows: written.rows, format: job.format });
  }

  /** One COPY inside the store (DuckDB). The lease is renewed while it runs, as pages renew it on the other path. */
  async function copied(job: ExportJob, query: TradeFlowQuery, copyTo: NonNullable<TradeFlowStore['copyTo']>) {
    const codes = await store.query({ text: 'SELECT DISTINCT hs6 FROM trade_flow_cells WHERE hs6 IS NOT NULL', params: [] });
    const statement = buildExportSql(
      query,
      options.hs,
      options.minCell,
      codes.map((row) => String(row.hs6)),
    );
    const renew = setInterval(() => {
      store.updateExportJob(job.id, { leaseUntil: now() + leaseMs }, now()).catch(() => undefined);
    }, leaseMs / 3);
    try {
      return await copyExportFile({
        store: { copyTo },
        statement,
        folder: options.folder,
        jobId: job.id,
        format: job.format,
        // Packing the Parquet tree is the last tenth.
        onCopied: () => store.updateExportJob(job.id, { progress: 0.9, leaseUntil: now() + leaseMs }, now()),
      });
    } finally {
      clearInterval(renew);
    }
  }

  /** Pages of cells through JavaScript into the export writer (PostgreSQL). */
  async function paged(job: ExportJob, query: TradeFlowQuery) {
    const pageAt = (offset: number) => queryTradeFlowCells(store, query, { limit: PAGE_ROWS, offset });
    // The first page tells how many cells there are in all: no separate count of the whole aggregation.
    const first = await pageAt(0);
    const total = Number(first[0]?.total_cells ?? 0);
    async function* pages(): AsyncIterable<TradeFlowRowModel[]> {
      for (let offset = 0; offset < total; offset += PAGE_ROWS) {
        const rows = offset === 0 ? first : await pageAt(offset);
        yield rows.map((row) => toTradeFlowRow(row, query, options.minCell, options.hs));
      }
    }
    return writeExportFile({
      folder: options.folder,
      jobId: job.id,
      format: job.format,
      pages: pages(),
      // The last tenth is writing the file itself.
      onRows: (rows) =>
        store.updateExportJob(job.id, { progress: total === 0 ? 0.9 : (0.9 * rows) / total, leaseUntil: now() + leaseMs }, now()),
    });
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

  const tick = () => {
    running = runWaiting()
      .catch((error: unknown) => logger.warn('could not look for export jobs', { error }))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, options.intervalMs ?? 500);
      });
  };

  return {
    runWaiting: async () => {
      await running;
      await runWaiting();
    },
    start: tick,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
