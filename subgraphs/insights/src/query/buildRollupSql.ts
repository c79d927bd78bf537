import type { Dialect } from '../store/tables.js';
import { MONEY_COLUMNS } from '../store/tradeFlowRollup.js';
import type { SqlRow, SqlStatement } from '../store/TradeFlowStore.js';
import { groupSql, keyColumns, keySql, whereSql } from './buildTradeFlowSql.js';
import type { TradeFlowQuery } from './TradeFlowQuery.js';

const PERCENTILES = [
  ['median', 0.5],
  ['p90', 0.9],
] as const;

/**
 * The page of a question read from the rollup (`store/tradeFlowRollup.ts`) rather than the
 * orders, with the same rows as `buildTradeFlowSql`: the cells' sums grouped as the question asks,
 * sorted and cut to the page first; then, for the page's groups only, their merged transit
 * histograms, from which the two percentiles are read as `quantile_cont` / `percentile_cont`
 * read them from the orders — the values at ranks ⌊(n−1)p⌋ and ⌈(n−1)p⌉, interpolated.
 * Money comes back as cents: `centsToDecimals` turns a row into the orders' form.
 */
export function buildRollupSql(query: TradeFlowQuery, dialect: Dialect, page?: { limit: number; offset: number }): SqlStatement {
  const where = whereSql(query, dialect, false);
  const keys = keyColumns(query);
  const keyed = [
    ...query.groupBy.map((dimension, i) => `${keySql(dimension, query, dialect)} AS k${i}`),
    ...(query.data === 'ALL' ? ['synthetic'] : []),
  ];
  const groups = [...query.groupBy.map((dimension) => groupSql(dimension, query, dialect)), ...(query.data === 'ALL' ? ['synthetic'] : [])];
  const groupBy = groups.length > 0 ? `GROUP BY ${groups.join(', ')}` : '';
  const double = dialect === 'duckdb' ? 'DOUBLE' : 'DOUBLE PRECISION';
  // Keys are codes, never empty text: '' stands for a missing one, so the join can hash.
  const sameKeys =
    keys.length > 0
      ? keys.map((key) => `COALESCE(CAST(p.${key} AS VARCHAR), '') = COALESCE(CAST(d.${key} AS VARCHAR), '')`).join(' AND ')
      : 'TRUE';
  const partition = keys.length > 0 ? `PARTITION BY ${keys.join(', ')} ` : '';
  const rank = (p: number) => `CAST(total - 1 AS ${double}) * ${p}`;
  const measures = [
    'SUM(orders) AS orders',
    'SUM(quantity) AS qty',
    'SUM(net_weight_g) AS net_weight_g',
    ...MONEY_COLUMNS.map((column) => `SUM(${column}_cents) AS ${column}_cents`),
    'SUM(delivered_orders) AS delivered_orders',
    'SUM(on_time_orders) AS on_time_orders',
    'SUM(de_minimis_known) AS de_minimis_known',
    'SUM(de_minimis_orders) AS de_minimis_orders',
    'COUNT(*) OVER () AS total_cells',
  ];
  const order = (alias: string) =>
    [
      `${alias === '' ? 'SUM(value_usd_cents)' : `${alias}value_usd_cents`} DESC NULLS LAST`,
      ...keys.map((key) => `${alias}${key} NULLS LAST`),
    ].join(', ');
  const text = `
WITH page AS (
  SELECT ${[...keyed, ...measures].join(', ')}
  FROM trade_flow_cells WHERE ${where.text} ${groupBy}
  ORDER BY ${order('')}${page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : ''}
),
transit AS (
  SELECT ${[...keyed, 'transit_days', 'orders'].join(', ')} FROM trade_flow_transit WHERE ${where.text}
),
days AS (
  SELECT ${[...keys.map((key) => `d.${key}`), 'd.transit_days'].join(', ')}, SUM(d.orders) AS n
  FROM transit d JOIN page p ON ${sameKeys}
  GROUP BY ${[...keys.map((key) => `d.${key}`), 'd.transit_days'].join(', ')}
),
ranked AS (
  SELECT days.*, SUM(n) OVER (${partition}ORDER BY transit_days ROWS UNBOUNDED PRECEDING) AS upto, SUM(n) OVER (${partition.trim()}) AS total
  FROM days
),
spread AS (
  SELECT ${[
    ...keys,
    ...PERCENTILES.flatMap(([name, p]) => [
      `MIN(transit_days) FILTER (WHERE upto > FLOOR(${rank(p)})) AS lo_${name}`,
      `MIN(transit_days) FILTER (WHERE upto > CEIL(${rank(p)})) AS hi_${name}`,
      `MAX(${rank(p)} - FLOOR(${rank(p)})) AS frac_${name}`,
    ]),
  ].join(', ')}
  FROM ranked ${keys.length > 0 ? `GROUP BY ${keys.join(', ')}` : ''}
)
SELECT p.*, ${PERCENTILES.map(([name]) => `d.lo_${name} + (d.hi_${name} - d.lo_${name}) * d.frac_${name} AS transit_${name}`).join(', ')}
FROM page p LEFT JOIN spread d ON ${sameKeys}
ORDER BY ${order('p.')}`;
  return { text, params: [...where.params] };
}

/** A rollup row in the orders' form: money as exact decimal text, as `SUM` of a DECIMAL column gives it. */
export function centsToDecimals(row: SqlRow): SqlRow {
  const plain: Record<string, SqlRow[string]> = { ...row };
  for (const column of MONEY_COLUMNS) {
    const cents = row[`${column}_cents`];
    delete plain[`${column}_cents`];
    plain[column] = cents === null || cents === undefined ? null : decimalOfCents(BigInt(cents));
  }
  return plain;
}

function decimalOfCents(cents: bigint): string {
  const magnitude = cents < 0n ? -cents : cents;
  return `${cents < 0n ? '-' : ''}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}
