import { countryName, regionOf } from '#packages/countries/index.js';
import type { HsNomenclature } from '#packages/hs/index.js';
import type { SqlRow } from '../store/TradeFlowStore.js';
import type { TradeFlowQuery } from './TradeFlowQuery.js';

export interface CountryModel {
  readonly code: string;
  readonly name: string;
  readonly region: string;
}
export interface CommodityModel {
  readonly code: string;
  readonly level: number;
  readonly description: string;
}
export interface AmountsModel {
  readonly usd: string;
  readonly eur: string;
}

/** A trade-flow cell as the schema's `TradeFlowRow`. */
export interface TradeFlowRowModel {
  readonly flowCode: 'M' | 'X';
  readonly period: string | null;
  readonly reporter: CountryModel | null;
  readonly partner: CountryModel | null;
  readonly commodity: CommodityModel | null;
  readonly mode: string | null;
  readonly carrier: string | null;
  readonly marketplace: string | null;
  readonly synthetic: boolean;
  readonly suppressed: boolean;
  readonly orders: number | null;
  readonly qty: number | null;
  readonly netWgt: number | null;
  readonly primaryValue: AmountsModel | null;
  readonly duties: AmountsModel | null;
  readonly taxes: AmountsModel | null;
  readonly fees: AmountsModel | null;
  readonly landedCostShares: { item: number; shipping: number; duties: number; taxes: number; fees: number } | null;
  readonly transitDays: { median: number | null; p90: number | null } | null;
  readonly onTimeRate: number | null;
  readonly deMinimisShare: number | null;
}

export function countryModel(code: string | null): CountryModel | null {
  if (code === null) return null;
  return { code, name: countryName(code) ?? code, region: regionOf(code) ?? 'Unknown' };
}

export function commodityModel(code: string | null, hs: HsNomenclature): CommodityModel | null {
  if (code === null) return null;
  const entry = hs.get(code);
  return { code, level: code.length, description: entry?.description ?? 'Not in the HS 2022 nomenclature' };
}

const text = (value: SqlRow[string] | undefined): string | null => (value === null || value === undefined ? null : String(value));
const number = (value: SqlRow[string] | undefined): number => Number(value ?? 0);
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
/** Exact sums print as `123.40` or `123.4`; the API shows two decimals. */
const amount = (value: SqlRow[string] | undefined): string => (value === null || value === undefined ? '0.00' : Number(value).toFixed(2));

/**
 * A result row as a cell: keys named (countries, HS descriptions), measures derived, and — the
 * privacy rule — every measure withheld when the cell has fewer than `minCell` orders, as
 * statistical offices suppress small cells, so no aggregate describes one order.
 */
export function toTradeFlowRow(row: SqlRow, query: TradeFlowQuery, minCell: number, hs: HsNomenclature): TradeFlowRowModel {
  const key = (dimension: string) => {
    const index = query.groupBy.indexOf(dimension as never);
    return index < 0 ? null : text(row[`k${index}`]);
  };
  const period = key('MONTH') ?? key('QUARTER') ?? key('YEAR');
  const orders = number(row.orders);
  const suppressed = orders < minCell;
  const keys = {
    flowCode: query.flow === 'IMPORT' ? ('M' as const) : ('X' as const),
    period,
    reporter: countryModel(key('REPORTER')),
    partner: countryModel(key('PARTNER')),
    commodity: commodityModel(key('HS6') ?? key('HS4') ?? key('HS2'), hs),
    mode: key('MODE'),
    carrier: key('CARRIER'),
    marketplace: key('MARKETPLACE'),
    synthetic: query.data === 'ALL' ? row.synthetic === true : query.data === 'SYNTHETIC',
    suppressed,
  };
  if (suppressed) {
    return {
      ...keys,
      orders: null,
      qty: null,
      netWgt: null,
      primaryValue: null,
      duties: null,
      taxes: null,
      fees: null,
      landedCostShares: null,
      transitDays: null,
      onTimeRate: null,
      deMinimisShare: null,
    };
  }
  const amounts = (name: string) => ({ usd: amount(row[`${name}_usd`]), eur: amount(row[`${name}_eur`]) });
  const parts = ['item_eur', 'shipping_eur', 'duties_eur', 'taxes_eur', 'fees_eur'].map((column) => number(row[column]));
  const landed = parts.reduce((sum, part) => sum + part, 0);
  const [item, shipping, duties, taxes, fees] = parts.map((part) => (landed > 0 ? round(part / landed) : 0)) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const delivered = number(row.delivered_orders);
  const known = number(row.de_minimis_known);
  return {
    ...keys,
    orders,
    qty: number(row.qty),
    netWgt: round(number(row.net_weight_g) / 1000, 3),
    primaryValue: amounts('value'),
    duties: amounts('duties'),
    taxes: amounts('taxes'),
    fees: amounts('fees'),
    landedCostShares: landed > 0 ? { item, shipping, duties, taxes, fees } : null,
    transitDays:
      row.transit_median === null || row.transit_median === undefined
        ? null
        : { median: round(number(row.transit_median), 2), p90: round(number(row.transit_p90), 2) },
    onTimeRate: delivered > 0 ? round(number(row.on_time_orders) / delivered) : null,
    deMinimisShare: known > 0 ? round(number(row.de_minimis_orders) / known) : null,
  };
}
