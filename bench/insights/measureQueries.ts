import { loadHsNomenclature } from '#packages/hs/index.js';
import { runTradeFlows } from '#subgraphs/insights/src/query/runTradeFlows.js';
import type { TradeFlowQuery } from '#subgraphs/insights/src/query/TradeFlowQuery.js';
import type { TradeFlowStore } from '#subgraphs/insights/src/store/TradeFlowStore.js';

/** tradeFlows questions of up to three dimensions, the kinds analysts ask. */
export const QUERIES: ReadonlyArray<readonly [string, Omit<TradeFlowQuery, 'data'>]> = [
  ['total', { flow: 'IMPORT', groupBy: [], filter: {} }],
  ['by reporter', { flow: 'IMPORT', groupBy: ['REPORTER'], filter: {} }],
  ['DE by partner, HS2 (contract)', { flow: 'IMPORT', groupBy: ['PARTNER', 'HS2'], filter: { reporters: ['DE'] } }],
  ['DE by month, mode', { flow: 'IMPORT', groupBy: ['MONTH', 'MODE'], filter: { reporters: ['DE'] } }],
  ['reporter, partner, HS4', { flow: 'IMPORT', groupBy: ['REPORTER', 'PARTNER', 'HS4'], filter: {} }],
  ['CN exports by month, partner, HS6', { flow: 'EXPORT', groupBy: ['MONTH', 'PARTNER', 'HS6'], filter: { reporters: ['CN'] } }],
  ['quarter, carrier, marketplace', { flow: 'IMPORT', groupBy: ['QUARTER', 'CARRIER', 'MARKETPLACE'], filter: {} }],
  [
    'year, reporter, mode; 2026 H1, HS 61',
    { flow: 'IMPORT', groupBy: ['YEAR', 'REPORTER', 'MODE'], filter: { monthFrom: 202601, monthTo: 202606, hs: ['61'] } },
  ],
];

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Wall-clock p95 and the median CPU time of the process (DuckDB's threads are in it; PostgreSQL's server is not). */
export interface QueryTiming {
  readonly p95Ms: number;
  readonly cpuMs: number;
}

/**
 * Times each question `runs` times through the resolver's own path (SQL built, run, rows named
 * and suppressed; first page of 100), after one warm-up: from the rollup, as the service answers,
 * and from the orders, the way it answered before the rollup (the same rows). The baseline, in
 * the same run: a bare `SELECT COUNT(*)` over the orders, the least any question on them costs.
 * Each run records its wall time and the process's CPU time (`process.cpuUsage()`): on a shared
 * machine the wall time mostly measures the load, the CPU time much less.
 */
export async function measureQueries(store: TradeFlowStore, runs = 20) {
  const hs = loadHsNomenclature();
  const settings = { store, hs, minCell: 5, maxPage: 1_000, source: 'rollup' as const };
  const fromOrders = { ...settings, source: 'orders' as const };
  const time = async (work: () => Promise<unknown>): Promise<QueryTiming> => {
    await work();
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await work();
      walls.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuBefore);
      cpus.push((cpu.user + cpu.system) / 1000);
    }
    return { p95Ms: p95(walls), cpuMs: median(cpus) };
  };
  const baseline = await time(() => store.query({ text: 'SELECT COUNT(*) AS n FROM trade_flows', params: [] }));
  const results: Array<{ name: string; rollup: QueryTiming; orders: QueryTiming }> = [];
  for (const [name, query] of QUERIES) {
    results.push({
      name,
      rollup: await time(() => runTradeFlows(settings, { ...query, data: 'ALL' }, { first: 100 })),
      orders: await time(() => runTradeFlows(fromOrders, { ...query, data: 'ALL' }, { first: 100 })),
    });
  }
  return { baseline, results };
}
