import type { InsightsAccess } from '../access/authorizeAnalyst.js';
import type { Context } from '../context.js';
import { readCountry, readHsCode } from './readTradeFlowArgs.js';
import { runTradeFlows } from './runTradeFlows.js';
import { scopedQuery } from './scopedQuery.js';
import { commodityModel, countryModel } from './toTradeFlowRow.js';
import type { Dimension, TradeFlowQuery } from './TradeFlowQuery.js';

/** A lane's months shown at most (two years). */
const MONTHS = 24;

/** `CN-DE` or `CN-DE-6109`: readable, and all customs needs to find the rules in force. */
export const laneId = (origin: string, destination: string, hs: string | null) => [origin, destination, ...(hs ? [hs] : [])].join('-');

/**
 * A lane for a seller pricing it: monthly volumes, the landed-cost composition over all orders and
 * each mode's orders and transit spread, all as the IMPORT flow of the destination from the
 * origin, with the same suppression as any trade-flow cell.
 */
export async function laneModel(
  args: { origin: string; destination: string; hs?: string | null; data?: string | null },
  access: InsightsAccess,
  context: Context,
) {
  const origin = readCountry(args.origin, 'origin');
  const destination = readCountry(args.destination, 'destination');
  const hs = args.hs ? readHsCode(args.hs, context.hs, 'hs') : null;
  const base = scopedQuery({ flow: 'IMPORT', groupBy: [], data: args.data ?? 'ALL', filter: hs ? { hs: [hs] } : {} }, access, context.hs);
  const lane = (groupBy: Dimension[]): TradeFlowQuery => ({
    ...base,
    groupBy,
    data: base.data,
    filter: { ...base.filter, lane: { origin, destination } },
  });
  const [volumes, overall, modes] = await Promise.all([
    runTradeFlows(context, lane(['MONTH']), { first: 1_000 }),
    runTradeFlows(context, lane([]), { first: 1 }),
    runTradeFlows(context, lane(['MODE']), { first: 100 }),
  ]);
  return {
    id: laneId(origin, destination, hs),
    origin: countryModel(origin)!,
    destination: countryModel(destination)!,
    commodity: commodityModel(hs, context.hs),
    volumes: [...volumes.rows].sort((a, b) => (a.period ?? '').localeCompare(b.period ?? '')).slice(-MONTHS),
    landedCostShares: overall.rows[0]?.landedCostShares ?? null,
    modes: [...modes.rows],
  };
}
