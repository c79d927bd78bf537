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

/**
 * Times each question `runs` times through the resolver's own path (SQL built, run, rows named
 * and suppressed; first page of 100), after one warm-up: from the rollup, as the service answers,
 * and from the orders, the way it answered before the rollup (the same rows). The baseline, in
 * the same run: a bare `SELECT COUNT(*)` over the orders, the least any question on them costs.
 */
export async function measureQueries(store: TradeFlowStore, runs = 20) {
  const hs = loadHsNomenclature();
  const settings = { store, hs, minCell: 5, maxPage: 1_000, source: 'rollup' as const };
  const fromOrders = { ...settings, source: 'orders' as const };
  const time = async (work: () => Promise<unknown>) => {
    await work();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await work();
      samples.push(performance.now() - started);
    }
    return p95(samples);
  };
  const baselineMs = await time(() => store.query({ text: 'SELECT COUNT(*) AS n FROM trade_flows', params: [] }));
  const results: Array<{ name: string; p95Ms: number; ordersP95Ms: number }> = [];
  for (const [name, query] of QUERIES) {
    results.push({
      name,
      p95Ms: await time(() => runTradeFlows(settings, { ...query, data: 'ALL' }, { first: 100 })),
      ordersP95Ms: await time(() => runTradeFlows(fromOrders, { ...query, data: 'ALL' }, { first: 100 })),
    });
  }
  return { baselineMs, results };
}
