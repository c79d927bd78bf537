/**
 * `npm run bench:insights -- --orders 1000000 --months 24 [--stores duckdb,postgres] [--runs 20] [--rows 1000000]`
 * `npm run bench:insights -- --queries-of path/to/insights.duckdb [--runs 20]`
 *
 * For each store: ingest the synthetic history through the event reader (events/s), time the
 * tradeFlows questions of up to three dimensions (p95), run the finest Parquet export job, and
 * write `--rows` rows (a million by default) with the export writer. Every figure is printed with its target and its
 * ratio to a baseline measured in the same run. PostgreSQL: `INSIGHTS_DATABASE_URL` or the local
 * `test` database, in a schema made for the run and dropped after. `--queries-of` times only the
 * questions, on a DuckDB file already seeded (`npm run insights:seed`), which it migrates.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDuckDbStore } from '#subgraphs/insights/src/store/createDuckDbStore.js';
import { createPostgresStore } from '#subgraphs/insights/src/store/createPostgresStore.js';
import type { TradeFlowStore } from '#subgraphs/insights/src/store/TradeFlowStore.js';
import { measureExportJob, measureExportWriter } from './measureExport.js';
import { measureIngest } from './measureIngest.js';
import { measureQueries } from './measureQueries.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '1000000' },
    months: { type: 'string', default: '24' },
    stores: { type: 'string', default: 'duckdb,postgres' },
    runs: { type: 'string', default: '20' },
    rows: { type: 'string', default: '1000000' },
    'queries-of': { type: 'string' },
  },
});
const history = { orders: Number(values.orders), months: Number(values.months) };
const POSTGRES_URL = process.env.INSIGHTS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const lines: string[] = [];
const out = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

function printQueries(queries: Awaited<ReturnType<typeof measureQueries>>) {
  out(
    `\n| tradeFlows question | rollup p95 ms | target 150 ms | rollup CPU ms | orders p95 ms | orders CPU ms | rollup ÷ orders (p95) | rollup ÷ COUNT(*) (p95 ${queries.baseline.p95Ms.toFixed(1)} ms) |\n| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |`,
  );
  for (const { name, rollup, orders } of queries.results)
    out(
      `| ${name} | ${rollup.p95Ms.toFixed(1)} | ${rollup.p95Ms <= 150 ? 'met' : 'MISSED'} | ${rollup.cpuMs.toFixed(1)} | ${orders.p95Ms.toFixed(1)} | ${orders.cpuMs.toFixed(1)} | ${(rollup.p95Ms / orders.p95Ms).toFixed(2)}× | ${(rollup.p95Ms / queries.baseline.p95Ms).toFixed(1)}× |`,
    );
}

async function open(kind: string): Promise<{ store: TradeFlowStore; dispose(): Promise<void> }> {
  if (kind === 'duckdb') {
    const dir = mkdtempSync(join(tmpdir(), 'bench-insights-'));
    const store = await createDuckDbStore({ file: join(dir, 'insights.duckdb') });
    return { store, dispose: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const schema = `bench_insights_${randomBytes(4).toString('hex')}`;
  const store = createPostgresStore({ connectionString: POSTGRES_URL, schema });
  return {
    store,
    async dispose() {
      await store.close();
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => admin.end());
    },
  };
}

if (values['queries-of'] !== undefined) {
  const store = await createDuckDbStore({ file: values['queries-of'] });
  await store.migrate();
  const [{ orders }] = (await store.query({ text: 'SELECT COUNT(*) AS orders FROM trade_flows', params: [] })) as [{ orders: string }];
  out(
    `# insights questions on ${values['queries-of']} (${orders} orders); load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')} on ${cpus().length} cores`,
  );
  printQueries(await measureQueries(store, Number(values.runs)));
  out(
    `\nload average at the end: ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}`,
  );
  await store.close();
  process.exit(0);
}

out(
  `# insights benchmark: ${history.orders} orders over ${history.months} months (Node ${process.version}); load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(', ')} on ${cpus().length} cores`,
);
for (const kind of values.stores.split(',')) {
  const { store, dispose } = await open(kind);
  try {
    await store.migrate();
    out(`\n## ${kind}\n`);
    const ingest = await measureIngest(store, history);
    out(
      `ingest: ${ingest.events} events, ${Math.round(ingest.eventsPerSecond)} events/s (target ≥ 20000: ${(ingest.eventsPerSecond / 20_000).toFixed(2)}×); JSON.parse alone ${Math.round(ingest.parseOnlyPerSecond)} events/s (ingest ÷ parse ${(ingest.eventsPerSecond / ingest.parseOnlyPerSecond).toFixed(2)}×)`,
    );
    out(
      `ingest CPU: ${ingest.cpuSeconds.toFixed(1)} s of this process, ${Math.round(ingest.eventsPerCpuSecond)} events per CPU second (${((1000 * 1000) / ingest.eventsPerCpuSecond).toFixed(1)} µs an event${kind === 'postgres' ? ', the server not counted' : ''}); JSON.parse alone ${Math.round(ingest.parseOnlyPerCpuSecond)} (ingest ÷ parse ${(ingest.eventsPerCpuSecond / ingest.parseOnlyPerCpuSecond).toFixed(2)}×)`,
    );
    printQueries(await measureQueries(store, Number(values.runs)));
    const job = await measureExportJob(store);
    out(
      `\nexport job (finest grouping, Parquet, ${job.status}): ${job.rows} rows in ${job.seconds.toFixed(1)} s (${Math.round(job.rows / job.seconds)} rows/s)`,
    );
  } finally {
    await dispose();
  }
}
const writer = await measureExportWriter(Number(values.rows), values.stores.split(',').includes('postgres') ? POSTGRES_URL : undefined);
const perMillion = (seconds: number) => (seconds * 1_000_000) / writer.rows;
const verdict = (seconds: number) =>
  `${perMillion(seconds).toFixed(1)} s a million (target ≤ 10 s: ${perMillion(seconds) <= 10 ? 'met' : 'MISSED'})`;
out(
  `\nexport writer, ${writer.rows.toLocaleString('en')} rows as partitioned Parquet: one COPY inside DuckDB (the DuckDB store's path) ${writer.copySeconds.toFixed(1)} s, ${verdict(writer.copySeconds)}${writer.streamedSeconds === undefined ? '' : `; streamed from PostgreSQL by COPY … TO STDOUT into DuckDB (the PostgreSQL store's path) ${writer.streamedSeconds.toFixed(1)} s, ${verdict(writer.streamedSeconds)}`}; baselines: rows through JavaScript ${writer.parquetSeconds.toFixed(1)} s (COPY ÷ JavaScript ${(writer.copySeconds / writer.parquetSeconds).toFixed(2)}×), CSV through JavaScript ${writer.csvSeconds.toFixed(1)} s`,
);
out(
  `\nload average (1, 5, 15 min) at the end: ${loadavg()
    .map((load) => load.toFixed(1))
    .join(', ')} on ${cpus().length} cores`,
);
