import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticEvents } from '../src/seed/createSyntheticHistory.js';
import { ANALYST, startInsights, type TestInsights } from './support/startInsights.js';

const REQUEST = /* GraphQL */ `
  mutation Export($format: ExportFormat!, $groupBy: [TradeFlowDimension!]!) {
    requestTradeFlowExport(flow: IMPORT, groupBy: $groupBy, format: $format) {
      id
      status
      progress
      rows
      url
      expiresAt
    }
  }
`;
const JOB = /* GraphQL */ `
  query Job($id: ID!) {
    tradeFlowExport(id: $id) {
      id
      status
      progress
      rows
      url
      expiresAt
      error
    }
  }
`;
const SUMS = /* GraphQL */ `
  query Sums {
    tradeFlows(flow: IMPORT, groupBy: [MONTH, REPORTER, PARTNER], first: 1000) {
      totalCount
      rows {
        suppressed
        orders
        primaryValue {
          usd
          eur
        }
        duties {
          eur
        }
      }
    }
  }
`;

interface Job {
  id: string;
  status: string;
  progress: number;
  rows: number | null;
  url: string | null;
  expiresAt: string | null;
}

describe('trade-flow exports', () => {
  let insights: TestInsights;
  let work: string;
  beforeAll(async () => {
    insights = await startInsights({ INSIGHTS_EXPORT_MAX_ROWS: '1200', INSIGHTS_EXPORT_TTL_SECONDS: '3' });
    await insights.ingest([...syntheticEvents({ orders: 2_000, months: 6 })]);
    work = mkdtempSync(join(tmpdir(), 'insights-export-read-'));
  }, 60_000);
  afterAll(async () => {
    await insights?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  async function exportOf(format: 'CSV' | 'PARQUET', groupBy: string[]): Promise<Job> {
    const asked = await insights.query<{ requestTradeFlowExport: Job }>(REQUEST, { format, groupBy }, ANALYST);
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestTradeFlowExport).toMatchObject({ status: 'PENDING', progress: 0, url: null });
    await insights.service.exports.runWaiting();
    const { data } = await insights.query<{ tradeFlowExport: Job }>(JOB, { id: asked.data!.requestTradeFlowExport.id }, ANALYST);
    return data!.tradeFlowExport;
  }

  it('writes Parquet partitioned by period and reporter that DuckDB reads back with the same sums', async () => {
    const job = await exportOf('PARQUET', ['PARTNER']);
    expect(job).toMatchObject({ status: 'DONE', progress: 1 });
    const download = await fetch(job.url!);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/x-tar');
    const archive = join(work, 'flows.tar');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(archive, Buffer.from(await download.arrayBuffer()));
    execFileSync('tar', ['-xf', archive, '-C', work]);
    expect(execFileSync('find', [work, '-name', '*.parquet'], { encoding: 'utf8' })).toMatch(/period=\d{6}\/reporter=[A-Z]{2}\//);

    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const read = await duck.runAndReadAll(
      `SELECT COUNT(*) AS rows, SUM(orders) AS orders, CAST(SUM("primaryValueUsd") AS VARCHAR) AS usd, CAST(SUM("primaryValueEur") AS VARCHAR) AS eur,
              CAST(SUM("dutiesEur") AS VARCHAR) AS duties, COUNT(DISTINCT period) AS periods
       FROM read_parquet('${work}/**/*.parquet', hive_partitioning = true)`,
    );
    const fromFile = read.getRowObjects()[0]!;
    duck.closeSync();

    const { data } = await insights.query<{
      tradeFlows: {
        totalCount: number;
        rows: Array<{
          suppressed: boolean;
          orders: number | null;
          primaryValue: { usd: string; eur: string } | null;
          duties: { eur: string } | null;
        }>;
      };
    }>(SUMS, {}, ANALYST);
    const shown = data!.tradeFlows.rows.filter((row) => !row.suppressed);
    const sum = (values: string[]) => values.reduce((total, value) => total + Math.round(Number(value) * 100), 0) / 100;
    expect(Number(fromFile.rows)).toBe(data!.tradeFlows.totalCount);
    expect(Number(fromFile.rows)).toBe(job.rows);
    expect(Number(fromFile.orders)).toBe(shown.reduce((total, row) => total + row.orders!, 0));
    expect(Number(fromFile.usd)).toBe(sum(shown.map((row) => row.primaryValue!.usd)));
    expect(Number(fromFile.eur)).toBe(sum(shown.map((row) => row.primaryValue!.eur)));
    expect(Number(fromFile.duties)).toBe(sum(shown.map((row) => row.duties!.eur)));
    expect(Number(fromFile.periods)).toBe(6);
  });

  it('writes CSV with a header, and the link stops working once it expires (410), or when it is not ours (403)', async () => {
    const job = await exportOf('CSV', []);
    const response = await fetch(job.url!);
    expect(response.status).toBe(200);
    const [header] = (await response.text()).split('\n');
    expect(header).toContain('flowCode,period,reporter,reporterDesc,partnerCode');
    const forged = new URL(job.url!);
    forged.searchParams.set('expires', String(Date.parse(job.expiresAt!) + 86_400_000));
    expect((await fetch(forged)).status).toBe(403);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(job.expiresAt!) - Date.now() + 50)));
    expect((await fetch(job.url!)).status).toBe(410);
  });

  it('refuses an export over the row cap, stating the cap', async () => {
    const cells = await insights.query<{ tradeFlows: { totalCount: number } }>(
      '{ tradeFlows(flow: IMPORT, groupBy: [MONTH, REPORTER, PARTNER, HS6], first: 1) { totalCount } }',
      {},
      ANALYST,
    );
    expect(cells.data!.tradeFlows.totalCount).toBeGreaterThan(1200);
    const { errors } = await insights.query(REQUEST, { format: 'CSV', groupBy: ['MONTH', 'REPORTER', 'PARTNER', 'HS6'] }, ANALYST);
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/over the cap of 1200 rows/);
  });

  it('finishes a job asked for before a restart', async () => {
    const before = await startInsights({}, { keepData: true });
    await before.ingest([...syntheticEvents({ orders: 300, months: 3 })]);
    const asked = await before.query<{ requestTradeFlowExport: Job }>(REQUEST, { format: 'PARQUET', groupBy: [] }, ANALYST);
    await before.stop(); // never ran it
    const after = await startInsights({}, { dataDir: before.dataDir });
    try {
      await after.service.exports.runWaiting();
      const { data } = await after.query<{ tradeFlowExport: Job }>(JOB, { id: asked.data!.requestTradeFlowExport.id }, ANALYST);
      expect(data!.tradeFlowExport).toMatchObject({ status: 'DONE', progress: 1 });
      expect(data!.tradeFlowExport.rows).toBeGreaterThan(0);
    } finally {
      await after.stop();
    }
  });

  it('shows a job only to the key that asked for it', async () => {
    const asked = await insights.query<{ requestTradeFlowExport: Job }>(REQUEST, { format: 'CSV', groupBy: [] }, ANALYST);
    const other = await insights.query<{ tradeFlowExport: Job | null }>(
      JOB,
      { id: asked.data!.requestTradeFlowExport.id },
      { ...ANALYST, keyId: 'analyst-2' },
    );
    expect(other.data?.tradeFlowExport).toBeNull();
  });
});
