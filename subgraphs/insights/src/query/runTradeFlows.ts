import { userInputError } from '#packages/errors/index.js';
import type { HsNomenclature } from '#packages/hs/index.js';
import type { TradeFlowStore } from '../store/TradeFlowStore.js';
import { decodeCursor, encodeCursor } from './pageCursor.js';
import { queryTradeFlowCells, type CellSource } from './queryTradeFlowCells.js';
import { toTradeFlowRow, type TradeFlowRowModel } from './toTradeFlowRow.js';
import type { TradeFlowQuery } from './TradeFlowQuery.js';

export interface TradeFlowPage {
  readonly rows: readonly TradeFlowRowModel[];
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly minCell: number;
}

export interface TradeFlowSettings {
  readonly store: TradeFlowStore;
  readonly hs: HsNomenclature;
  /** `INSIGHTS_MIN_CELL`: smaller cells are suppressed. */
  readonly minCell: number;
  /** `INSIGHTS_MAX_PAGE`: the largest `first`. */
  readonly maxPage: number;
  /** Where cells are read: the rollup unless told (tests compare it with the orders). */
  readonly source?: CellSource;
}

/** One page of a trade-flow table. */
export async function runTradeFlows(
  settings: TradeFlowSettings,
  query: TradeFlowQuery,
  page: { first: number; after?: string | null },
): Promise<TradeFlowPage> {
  if (!Number.isSafeInteger(page.first) || page.first < 1 || page.first > settings.maxPage) {
    throw userInputError(`first: between 1 and ${settings.maxPage}, got ${page.first}`, 'first');
  }
  const offset = page.after ? decodeCursor(page.after, query) : 0;
  const rows = await queryTradeFlowCells(settings.store, query, { limit: page.first + 1, offset }, settings.source);
  const shown = rows.slice(0, page.first);
  const totalCount = Number(rows[0]?.total_cells ?? 0);
  const hasNextPage = rows.length > page.first;
  return {
    rows: shown.map((row) => toTradeFlowRow(row, query, settings.minCell, settings.hs)),
    totalCount: rows.length === 0 && offset > 0 ? offset : totalCount,
    pageInfo: { hasNextPage, endCursor: shown.length > 0 ? encodeCursor(query, offset + shown.length) : null },
    minCell: settings.minCell,
  };
}
