import type { HsNomenclature } from '#packages/hs/index.js';
import { scopeMarketplaces, type InsightsAccess } from '../access/authorizeAnalyst.js';
import { readTradeFlowArgs, type TradeFlowArgs } from './readTradeFlowArgs.js';
import type { TradeFlowQuery } from './TradeFlowQuery.js';

/** The checked question, narrowed to what the caller may see (a marketplace key: its own marketplace). */
export function scopedQuery(args: TradeFlowArgs, access: InsightsAccess, hs: HsNomenclature): TradeFlowQuery {
  const query = readTradeFlowArgs(args, hs);
  const marketplaces = scopeMarketplaces(access, query.filter.marketplaces);
  return { ...query, filter: { ...query.filter, ...(marketplaces && { marketplaces }) } };
}
