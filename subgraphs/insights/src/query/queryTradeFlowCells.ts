import type { SqlRow, TradeFlowStore } from '../store/TradeFlowStore.js';
import { buildRollupSql, centsToDecimals } from './buildRollupSql.js';
import { buildTradeFlowSql } from './buildTradeFlowSql.js';
import type { TradeFlowQuery } from './TradeFlowQuery.js';

/**
 * Where a question's cells are read: the rollup (the default; every question can, since the
 * cells keep every column a question filters or groups by) or the orders themselves, which give
 * the same rows and stay as the reference the rollup is tested against.
 */
export type CellSource = 'rollup' | 'orders';

/** The cells of one page of a question, in the orders' form whatever the source. */
export async function queryTradeFlowCells(
  store: TradeFlowStore,
  query: TradeFlowQuery,
  page: { limit: number; offset: number } | undefined,
  source: CellSource = 'rollup',
): Promise<SqlRow[]> {
  if (source === 'orders') return store.query(buildTradeFlowSql(query, store.dialect, page));
  return (await store.query(buildRollupSql(query, store.dialect, page))).map(centsToDecimals);
}
