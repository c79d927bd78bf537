import type { Dialect } from '../store/tables.js';
import { MONEY_COLUMNS } from '../store/tradeFlowRollup.js';
import type { SqlRow, SqlStatement } from '../store/TradeFlowStore.js';
import { TRANSIT_COLUMN } from '../store/transitColumn.js';
import { groupSql, keyColumns, keySql, transitDaysSql, transitPercentilesSql, whereSql } from './buildTradeFlowSql.js';
import type { TradeFlowQuery } from './TradeFlowQuery.js';

/**
 * The page of a question read from the rollup (`store/tradeFlowRollup.ts`), with the same rows as
 * `buildTradeFlowSql` reads from the orders: the cells' sums grouped as the question asks, sorted
 * and cut to the page first. Percentiles do not add up, and cells are so fine (a million orders
 * make about 160,000) that a per-cell histogram of transit times, even to the hundredth of a day,
 * has nearly a row per delivered order: the two percentiles are read from the orders' transit
 * column (hundredths of a day, kept at ingest: `store/transitColumn.ts`), grouped alike and with
 * the same function as the orders' query, and joined to the page. Money comes back as cents:
 * `centsToDecimals` turns a row into the orders' form.
 */
export function buildRollupSql(query: TradeFlowQuery, dialect: Dialect, page?: { limit: number; offset: number }): SqlStatement {
  const where = whereSql(query, dialect, false);
  // The same conditions over the orders, keeping to counted ones; the parameters number alike.
  const orders = whereSql(query, dialect);
  const keys = keyColumns(query);
  const keyed = [
    ...query.groupBy.map((dimension, i) => `${keySql(dimension, query, dialect)} AS k${i}`),
    ...(query.data === 'ALL' ? ['synthetic'] : []),
  ];
  const groups = [...query.groupBy.map((dimension) => groupSql(dimension, query, dialect)), ...(query.data === 'ALL' ? ['synthetic'] : [])];
  const groupBy = groups.length > 0 ? `GROUP BY ${groups.join(', ')}` : '';
  // A cell may have several rows (see `applyDeltaStatements`); a group whose orders were all
  // cancelled sums to zero and is no group, as it is none over the orders.
  const having = groups.length > 0 ? 'HAVING SUM(orders) > 0' : '';
  // Keys may be missing (an order without an HS code): they match as equals. PostgreSQL cannot hash
  // IS NOT DISTINCT FROM, so there keys are codes, never empty text, and '' stands for a missing one.
  const sameKeys =
    keys.length === 0
      ? 'TRUE'
      : keys
          .map((key) =>
            dialect === 'duckdb'
              ? `p.${key} IS NOT DISTINCT FROM d.${key}`
              : `COALESCE(CAST(p.${key} AS VARCHAR), '') = COALESCE(CAST(d.${key} AS VARCHAR), '')`,
          )
          .join(' AND ');
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
  // PostgreSQL otherwise inlined `spread` and could compute it again for each row of the page
  // (a question with an HS and a period filter took 11× its time over the orders).
  const text = `
WITH page AS (
  SELECT ${[...keyed, ...measures].join(', ')}
  FROM trade_flow_cells WHERE ${where.text} ${groupBy} ${having}
  ORDER BY ${order('')}${page ? ` LIMIT ${page.limit} OFFSET ${page.offset}` : ''}
),
spread AS ${dialect === 'postgres' ? 'MATERIALIZED ' : ''}(
  SELECT ${[...keyed, `${transitPercentilesSql(TRANSIT_COLUMN, dialect)} AS q`].join(', ')}
  FROM trade_flows WHERE ${orders.text} AND ${TRANSIT_COLUMN} IS NOT NULL ${groupBy}
)
SELECT p.*, ${transitDaysSql('d.q', 1)} AS transit_median, ${transitDaysSql('d.q', 2)} AS transit_p90
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
