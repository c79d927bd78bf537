import type { Dialect } from '../store/tables.js';
import { transitHundredthsSql } from '../store/transitColumn.js';
import type { SqlStatement } from '../store/TradeFlowStore.js';
import type { Dimension, TradeFlowQuery } from './TradeFlowQuery.js';

const DAY_MS = 86_400_000;

/**
 * The grouping expression of each dimension, for a flow direction (reporter and partner swap).
 * Periods group as integers (YYYYMM, YYYY, YYYY×10+quarter), cheaper to hash than text; `keySql`
 * spells them as the API shows them, which sorts as the integers do.
 */
export function groupSql(dimension: Dimension, query: TradeFlowQuery, dialect: Dialect): string {
  const [reporter, partner] = query.flow === 'IMPORT' ? ['destination', 'origin'] : ['origin', 'destination'];
  switch (dimension) {
    case 'MONTH':
      return 'month';
    case 'QUARTER':
      return `(${div('month', 100, dialect)} * 10 + ${div('((month % 100) - 1)', 3, dialect)} + 1)`;
    case 'YEAR':
      return div('month', 100, dialect);
    case 'REPORTER':
      return reporter;
    case 'PARTNER':
      return partner;
    case 'HS2':
      return 'substr(hs6, 1, 2)';
    case 'HS4':
      return 'substr(hs6, 1, 4)';
    case 'HS6':
      return 'hs6';
    case 'MODE':
      return 'mode';
    case 'CARRIER':
      return 'carrier';
    case 'MARKETPLACE':
      return 'marketplace';
    default:
      return unreachable(dimension);
  }
}

/** A dimension's key as a row carries it: periods as text (`202611`, `2026Q4`, `2026`), the rest as grouped. */
export function keySql(dimension: Dimension, query: TradeFlowQuery, dialect: Dialect): string {
  const group = groupSql(dimension, query, dialect);
  switch (dimension) {
    case 'MONTH':
    case 'YEAR':
      return `CAST(${group} AS VARCHAR)`;
    case 'QUARTER':
      return `CAST(${div(group, 10, dialect)} AS VARCHAR) || 'Q' || CAST(${group} % 10 AS VARCHAR)`;
    default:
      return group;
  }
}

const div = (a: string, b: number, dialect: Dialect) => (dialect === 'duckdb' ? `(${a} // ${b})` : `(${a} / ${b})`);

/** The key columns a query's rows carry: `k0…` for its dimensions, then `synthetic` when real and synthetic rows are both asked for. */
export function keyColumns(query: TradeFlowQuery): string[] {
  return [...query.groupBy.map((_, i) => `k${i}`), ...(query.data === 'ALL' ? ['synthetic'] : [])];
}

/**
 * WHERE conditions and their parameters. Over `trade_flows` they also keep to counted orders
 * (confirmed, not cancelled); the rollup's cells hold only those (`countedOnly: false`).
 */
export function whereSql(
  query: TradeFlowQuery,
  dialect: Dialect,
  countedOnly = true,
): { text: string; params: Array<string | number | boolean> } {
  const params: Array<string | number | boolean> = [];
  const param = (value: string | number | boolean) => {
    params.push(value);
    return `$${params.length}`;
  };
  const [reporter, partner] = query.flow === 'IMPORT' ? ['destination', 'origin'] : ['origin', 'destination'];
  const conditions = countedOnly ? ['confirmed_at IS NOT NULL', 'cancelled IS NOT TRUE'] : ['TRUE'];
  if (query.data !== 'ALL') conditions.push(`synthetic = ${param(query.data === 'SYNTHETIC')}`);
  const { filter } = query;
  if (filter.monthFrom !== undefined) conditions.push(`month >= ${param(filter.monthFrom)}`);
  if (filter.monthTo !== undefined) conditions.push(`month <= ${param(filter.monthTo)}`);
  const within = (column: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0) conditions.push(`${column} IN (${values.map(param).join(', ')})`);
  };
  within(reporter, filter.reporters);
  within(partner, filter.partners);
  within('mode', filter.modes);
  within('marketplace', filter.marketplaces);
  within('carrier', filter.carriers);
  if (filter.lane) conditions.push(`origin = ${param(filter.lane.origin)}`, `destination = ${param(filter.lane.destination)}`);
  if (filter.hs && filter.hs.length > 0) conditions.push(`(${filter.hs.map((code) => `hs6 LIKE ${param(`${code}%`)}`).join(' OR ')})`);
  void dialect;
  return { text: conditions.join(' AND '), params };
}

/**
 * The median and p90 of `hundredths` (transit times in hundredths of a day, `store/transitColumn.ts`)
 * in a group, as one array of two, in hundredths: both from one sort of small integers.
 */
export function transitPercentilesSql(hundredths: string, dialect: Dialect): string {
  return dialect === 'duckdb'
    ? `quantile_cont(${hundredths}, [0.5, 0.9])`
    : `percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${hundredths})`;
}

/** One of the two percentiles of `transitPercentilesSql` (1: median, 2: p90), in days. */
export const transitDaysSql = (percentiles: string, index: 1 | 2) => `(${percentiles})[${index}] / 100`;

/** The measures of a cell; money sums as exact text. */
function measuresSql(dialect: Dialect): string {
  // From the instants, not the stored column: the reference the rollup's answers are tested against.
  const percentiles = transitPercentilesSql(transitHundredthsSql(dialect), dialect);
  const money = (column: string) => `CAST(SUM(${column}) AS VARCHAR) AS ${column}`;
  const delivered = 'delivered_at IS NOT NULL AND dispatched_at IS NOT NULL';
  return [
    'COUNT(*) AS orders',
    'SUM(quantity) AS qty',
    'SUM(net_weight_g) AS net_weight_g',
    ...[
      'value_usd',
      'value_eur',
      'duties_usd',
      'duties_eur',
      'taxes_usd',
      'taxes_eur',
      'fees_usd',
      'fees_eur',
      'item_eur',
      'shipping_eur',
    ].map(money),
    `${transitDaysSql(percentiles, 1)} AS transit_median`,
    `${transitDaysSql(percentiles, 2)} AS transit_p90`,
    `COUNT(*) FILTER (WHERE ${delivered} AND promised_max_days IS NOT NULL) AS delivered_orders`,
    `COUNT(*) FILTER (WHERE ${delivered} AND promised_max_days IS NOT NULL AND delivered_at - dispatched_at <= CAST(promised_max_days AS BIGINT) * ${DAY_MS}) AS on_time_orders`,
    'COUNT(*) FILTER (WHERE de_minimis IS NOT NULL) AS de_minimis_known',
    'COUNT(*) FILTER (WHERE de_minimis) AS de_minimis_orders',
  ].join(', ');
}

/**
 * The aggregate query of a page: keys, measures, and the number of cells in all pages. Cells come
 * largest customs value first, then by their keys, so pages are stable.
 */
export function buildTradeFlowSql(query: TradeFlowQuery, dialect: Dialect, page?: { limit: number; offset: number }): SqlStatement {
  const keys = query.groupBy.map((dimension, i) => `${keySql(dimension, query, dialect)} AS k${i}`);
  if (query.data === 'ALL') keys.push('synthetic');
  const where = whereSql(query, dialect);
  const groupBy = [
    ...query.groupBy.map((dimension) => groupSql(dimension, query, dialect)),
    ...(query.data === 'ALL' ? ['synthetic'] : []),
  ];
  const order = ['SUM(value_usd) DESC NULLS LAST', ...keyColumns(query).map((key) => `${key} NULLS LAST`)].join(', ');
  const text = [
    `SELECT ${[...keys, measuresSql(dialect), 'COUNT(*) OVER () AS total_cells'].join(', ')}`,
    'FROM trade_flows',
    `WHERE ${where.text}`,
    groupBy.length > 0 ? `GROUP BY ${groupBy.join(', ')}` : '',
    `ORDER BY ${order}`,
    page ? `LIMIT ${page.limit} OFFSET ${page.offset}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { text, params: where.params };
}

function unreachable(value: never): never {
  throw new Error(`unknown dimension ${String(value)}`);
}
