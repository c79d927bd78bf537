import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadHsNomenclature } from '#packages/hs/index.js';
import { createLogger } from '#packages/log/index.js';
import { createExportRunner, type ExportRunner } from '../src/exports/createExportRunner.js';
import { newExportJob } from '../src/exports/newExportJob.js';
import type { TradeFlowQuery } from '../src/query/TradeFlowQuery.js';
import { createDuckDbStore } from '../src/store/createDuckDbStore.js';
import type { TradeFlowStore } from '../src/store/TradeFlowStore.js';

const QUERY: TradeFlowQuery = { flow: 'IMPORT', groupBy: ['MONTH', 'REPORTER'], data: 'ALL', filter: {} };

/**
 * On DuckDB the runner does not look for jobs on a timer: the file is this process's, so a job is
 * either requested here (and wakes the runner) or was left by a run before a restart (and `start`
 * takes it up). Each look costs DuckDB milliseconds of CPU, on cores the quote's services share.
 */
describe('export runner on DuckDB', () => {
  let folder: string;
  let store: TradeFlowStore;
  let runner: ExportRunner | undefined;
  let looks: number;
  /** Looks for a job that fail as an unreachable store would, before the store answers again. */
  let failingLooks: number;
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    folder = mkdtempSync(join(tmpdir(), 'insights-export-runner-'));
    const duckDb = await createDuckDbStore({ file: join(folder, 'insights.duckdb') });
    await duckDb.migrate();
    looks = 0;
    failingLooks = 0;
    // The real store, counting the runner's looks for a job.
    store = Object.assign(Object.create(duckDb) as TradeFlowStore, {
      claimExportJob: (now: number, leaseUntil: number) => {
        looks += 1;
        if (failingLooks > 0) {
          failingLooks -= 1;
          return Promise.reject(new Error('store unreachable'));
        }
        return duckDb.claimExportJob(now, leaseUntil);
      },
    });
  });
  afterEach(async () => {
    await runner?.stop();
    vi.useRealTimers();
    await store.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const createRunner = () =>
    createExportRunner({
      store,
      hs: loadHsNomenclature(),
      minCell: 5,
      folder: join(folder, 'exports'),
      ttlMs: 60_000,
      logger: createLogger('test', { level: 'silent' }),
    });

  it('takes up a job left before a restart when it starts, and then does not look again while idle', async () => {
    await store.createExportJob(newExportJob('exp_left', 'key', 'CSV', QUERY, Date.now()));
    runner = createRunner();
    runner.start();
    await runner.runWaiting();
    expect(await store.getExportJob('exp_left')).toMatchObject({ status: 'DONE', progress: 1 });
    const afterStart = looks;

    await vi.advanceTimersByTimeAsync(10_000);
    expect(looks).toBe(afterStart);
  });

  it('writes a job requested while it runs as soon as it is woken', async () => {
    runner = createRunner();
    runner.start();
    await runner.runWaiting();
    await store.createExportJob(newExportJob('exp_woken', 'key', 'CSV', QUERY, Date.now()));
    runner.wake();
    // Stopping waits for the run in progress: the job woken above, no timer having fired.
    await runner.stop();
    expect(await store.getExportJob('exp_woken')).toMatchObject({ status: 'DONE', progress: 1 });
  });

  it('looks again after a look that failed, so a requested job is written once the store answers', async () => {
    runner = createRunner();
    runner.start();
    await runner.runWaiting();
    await store.createExportJob(newExportJob('exp_retried', 'key', 'CSV', QUERY, Date.now()));
    failingLooks = 1;
    runner.wake();
    await vi.advanceTimersByTimeAsync(0);
    expect(await store.getExportJob('exp_retried')).toMatchObject({ status: 'PENDING' });

    await vi.advanceTimersByTimeAsync(1_000);
    await runner.stop();
    expect(await store.getExportJob('exp_retried')).toMatchObject({ status: 'DONE', progress: 1 });
  });
});
