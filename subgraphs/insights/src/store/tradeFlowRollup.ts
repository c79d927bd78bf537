import type { Dialect } from './tables.js';

/**
 * The rollup kept beside `trade_flows`, so that a question reads cells instead of a million
 * orders. A cell is every counted order (confirmed, not cancelled) of one month × origin ×
 * destination × HS6 × mode × carrier × marketplace × synthetic: every column a question filters or
 * groups by, so every question answers from it. Its measures add up: counts, sums of quantity and
 * weight, and money as BIGINT cents (a BIGINT sum is several times cheaper than an exact DECIMAL
 * one, and just as exact). Percentiles do not add up, so transit times are kept as a histogram per
 * cell (`trade_flow_transit`: orders per exact transit value); the quantiles of any group of cells
 * are read from the merged histogram and equal those of the orders themselves.
 *
 * The ingest keeps both up to date in the transaction that writes the orders: the contribution of
 * each order the batch touches is taken away as it was, and added back as it is after the upsert.
 * So a re-delivered event changes nothing, and a later stage (cancelled, delivered) moves the
 * order exactly once.
 */
export const CELL_KEYS = ['month', 'origin', 'destination', 'hs6', 'mode', 'carrier', 'marketplace', 'synthetic'] as const;

/** Additive measures of a cell: name in the cell, and its value for one order of `trade_flows`. */
const DAY_MS = 86_400_000;
const DELIVERED = 'delivered_at IS NOT NULL AND dispatched_at IS NOT NULL';
const PROMISE_KNOWN = `${DELIVERED} AND promised_max_days IS NOT NULL`;
const cents = (column: string) => `CAST(COALESCE(${column}, 0) * 100 AS BIGINT)`;
const flag = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
export const MONEY_COLUMNS = [
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
] as const;
const CELL_MEASURES: ReadonlyArray<readonly [string, string]> = [
  ['orders', '1'],
  ['quantity', 'COALESCE(quantity, 0)'],
  ['net_weight_g', 'COALESCE(net_weight_g, 0)'],
  ...MONEY_COLUMNS.map((column) => [`${column}_cents`, cents(column)] as const),
  ['delivered_orders', flag(PROMISE_KNOWN)],
  ['on_time_orders', flag(`${PROMISE_KNOWN} AND delivered_at - dispatched_at <= CAST(promised_max_days AS BIGINT) * ${DAY_MS}`)],
  ['de_minimis_known', flag('de_minimis IS NOT NULL')],
  ['de_minimis_orders', flag('de_minimis IS TRUE')],
];
export const CELL_MEASURE_NAMES = CELL_MEASURES.map(([name]) => name);
/** Days between dispatch and delivery, exactly as the order-level percentiles read it. */
export const TRANSIT_DAYS_SQL = `CAST((delivered_at - dispatched_at) / ${DAY_MS}.0 AS REAL)`;

/** One text key per cell (a primary key cannot hold the nullable key columns themselves). */
const cellKeySql = (): string =>
  CELL_KEYS.map((key) =>
    key === 'synthetic' ? `CASE WHEN synthetic THEN 'S' ELSE 'R' END` : `COALESCE(CAST(${key} AS VARCHAR), '')`,
  ).join(` || '|' || `);

const keyColumnsSql = `month INTEGER, origin VARCHAR, destination VARCHAR, hs6 VARCHAR, mode VARCHAR, carrier VARCHAR, marketplace VARCHAR, synthetic BOOLEAN`;

export function rollupTableStatements(dialect: Dialect): string[] {
  const measures = CELL_MEASURE_NAMES.map((name) => `${name} BIGINT NOT NULL`).join(', ');
  return [
    `CREATE TABLE IF NOT EXISTS trade_flow_cells (cell VARCHAR PRIMARY KEY, ${keyColumnsSql}, ${measures})`,
    `CREATE TABLE IF NOT EXISTS trade_flow_transit (
       cell VARCHAR NOT NULL, transit_days REAL NOT NULL, ${keyColumnsSql}, orders BIGINT NOT NULL, PRIMARY KEY (cell, transit_days))`,
    ...(dialect === 'duckdb'
      ? [`CREATE TABLE IF NOT EXISTS ${DELTA} (cell VARCHAR, ${keyColumnsSql}, ${measures}, transit_days REAL)`]
      : []),
  ];
}

/** Where a batch's changes to the cells are gathered: a table on DuckDB, a temporary one per transaction on PostgreSQL. */
export const DELTA = 'trade_flow_rollup_delta';
export const POSTGRES_DELTA_STATEMENT = `CREATE TEMPORARY TABLE ${DELTA} (cell VARCHAR, ${keyColumnsSql}, ${CELL_MEASURE_NAMES.map((name) => `${name} BIGINT NOT NULL`).join(', ')}, transit_days REAL) ON COMMIT DROP`;

/**
 * Adds the contribution of the counted orders `orders` selects (a condition on `trade_flows`) to
 * the delta, with `sign` -1 (as they stood before the batch) or +1 (as they stand after).
 */
export function contributionSql(orders: string, sign: 1 | -1): string {
  const signed = (value: string) => (sign === 1 ? value : `-(${value})`);
  return `INSERT INTO ${DELTA}
    SELECT ${cellKeySql()}, ${CELL_KEYS.join(', ')}, ${CELL_MEASURES.map(([, value]) => signed(value)).join(', ')},
           CASE WHEN ${DELIVERED} THEN ${TRANSIT_DAYS_SQL} END
    FROM trade_flows
    WHERE confirmed_at IS NOT NULL AND cancelled IS NOT TRUE AND (${orders})`;
}

/** Folds the delta into the cells and the transit histogram, drops what emptied, and clears the delta. */
export function applyDeltaStatements(): string[] {
  const keys = CELL_KEYS.join(', ');
  return [
    `INSERT INTO trade_flow_cells (cell, ${keys}, ${CELL_MEASURE_NAMES.join(', ')})
     SELECT cell, ${keys}, ${CELL_MEASURE_NAMES.map((name) => `SUM(${name})`).join(', ')}
     FROM ${DELTA} GROUP BY cell, ${keys} ORDER BY cell
     ON CONFLICT (cell) DO UPDATE SET ${CELL_MEASURE_NAMES.map((name) => `${name} = trade_flow_cells.${name} + excluded.${name}`).join(', ')}`,
    `DELETE FROM trade_flow_cells WHERE orders = 0 AND cell IN (SELECT cell FROM ${DELTA})`,
    `INSERT INTO trade_flow_transit (cell, transit_days, ${keys}, orders)
     SELECT cell, transit_days, ${keys}, SUM(orders) FROM ${DELTA} WHERE transit_days IS NOT NULL
     GROUP BY cell, transit_days, ${keys} ORDER BY cell, transit_days
     ON CONFLICT (cell, transit_days) DO UPDATE SET orders = trade_flow_transit.orders + excluded.orders`,
    `DELETE FROM trade_flow_transit WHERE orders = 0 AND cell IN (SELECT cell FROM ${DELTA})`,
    `DELETE FROM ${DELTA}`,
  ];
}

/** Fills an empty rollup from `trade_flows`: a store written before the rollup existed. */
export function rebuildStatements(): string[] {
  return [contributionSql('TRUE', 1), ...applyDeltaStatements()];
}

/** True when the orders are there but their cells are not (the rollup is new to this store). */
export const NEEDS_REBUILD_SQL = `SELECT (SELECT COUNT(*) FROM trade_flow_cells) = 0 AND EXISTS (SELECT 1 FROM trade_flows) AS needed`;
