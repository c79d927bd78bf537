import type { Dialect } from './tables.js';

/**
 * The rollup kept beside `trade_flows`, so that a question reads cells instead of a million
 * orders. A cell is every counted order (confirmed, not cancelled) of one month × origin ×
 * destination × HS6 × mode × carrier × marketplace × synthetic: every column a question filters or
 * groups by, so every question answers from it. Its measures add up: counts, sums of quantity and
 * weight, and money as BIGINT cents (a BIGINT sum is several times cheaper than an exact DECIMAL
 * one, and just as exact). Percentiles do not add up, and the transit times they are read from are
 * continuous (a per-cell histogram of them has as many entries as delivered orders), so they stay
 * with the orders: `buildRollupSql` reads them grouped alike and joins them to the page.
 *
 * The ingest keeps the cells up to date in the transaction that writes the orders: the
 * contribution of each order the batch touches is taken away as it was, and added back as it is
 * after the upsert. So a re-delivered event changes nothing, and a later stage (cancelled,
 * delivered) moves the order exactly once.
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

const keyColumnsSql = `month INTEGER, origin VARCHAR, destination VARCHAR, hs6 VARCHAR, mode VARCHAR, carrier VARCHAR, marketplace VARCHAR, synthetic BOOLEAN`;
const measureColumnsSql = CELL_MEASURE_NAMES.map((name) => `${name} BIGINT NOT NULL`).join(', ');
const KEYS = CELL_KEYS.join(', ');
const SUMS = CELL_MEASURE_NAMES.map((name) => `SUM(${name}) AS ${name}`).join(', ');

export function rollupTableStatements(dialect: Dialect): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS trade_flow_cells (${keyColumnsSql}, ${measureColumnsSql})`,
    ...(dialect === 'duckdb' ? [`CREATE TABLE IF NOT EXISTS ${DELTA} (${keyColumnsSql}, ${measureColumnsSql})`] : []),
  ];
}

/** Where a batch's changes to the cells are gathered: a table on DuckDB, a temporary one per transaction on PostgreSQL. */
export const DELTA = 'trade_flow_rollup_delta';
export const POSTGRES_DELTA_STATEMENT = `CREATE TEMPORARY TABLE ${DELTA} (${keyColumnsSql}, ${measureColumnsSql}) ON COMMIT DROP`;

/**
 * Adds the contribution of the counted orders `orders` selects (a condition on `trade_flows`) to
 * the delta, with `sign` -1 (as they stood before the batch) or +1 (as they stand after).
 */
export function contributionSql(orders: string, sign: 1 | -1): string {
  const signed = (value: string) => (sign === 1 ? value : `-(${value})`);
  return `INSERT INTO ${DELTA}
    SELECT ${KEYS}, ${CELL_MEASURES.map(([, value]) => signed(value)).join(', ')}
    FROM trade_flows
    WHERE confirmed_at IS NOT NULL AND cancelled IS NOT TRUE AND (${orders})`;
}

/**
 * Appends the contribution of the counted orders `orders` selects to the cells directly, one row
 * per cell: for a batch of orders new to the store, which has nothing to take away.
 */
export function newOrdersToCellsSql(orders: string): string {
  return `INSERT INTO trade_flow_cells (${KEYS}, ${CELL_MEASURE_NAMES.join(', ')})
    SELECT ${KEYS}, ${CELL_MEASURES.map(([, value]) => `SUM(${value})`).join(', ')}
    FROM trade_flows
    WHERE confirmed_at IS NOT NULL AND cancelled IS NOT TRUE AND (${orders})
    GROUP BY ${KEYS}`;
}

/**
 * Appends the delta to the cells, one row per cell it changes (a change that cancels out, as a
 * re-delivered event's does, appends nothing), and clears it. A cell may so have several rows:
 * questions sum them anyway, and drop a group whose orders sum to zero. Appending costs a
 * fraction of updating each cell in place (`INSERT … ON CONFLICT` was most of a batch's time on
 * DuckDB); `compactStatements` folds the rows together now and then.
 */
export function applyDeltaStatements(): string[] {
  return [
    `INSERT INTO trade_flow_cells (${KEYS}, ${CELL_MEASURE_NAMES.join(', ')})
     SELECT ${KEYS}, ${SUMS} FROM ${DELTA} GROUP BY ${KEYS}
     HAVING ${CELL_MEASURE_NAMES.map((name) => `SUM(${name}) <> 0`).join(' OR ')}`,
    `DELETE FROM ${DELTA}`,
  ];
}

/** Appended batches after which a store compacts its cells. */
export const COMPACT_EVERY_BATCHES = 25;

/**
 * Folds the cells to one row each and drops the cells that emptied (every order cancelled).
 * Readers see the cells before or after, never half: it is one transaction, and on PostgreSQL
 * writers wait for it (`EXCLUSIVE` lets reads through).
 */
export function compactStatements(dialect: Dialect): string[] {
  return [
    ...(dialect === 'postgres' ? ['LOCK TABLE trade_flow_cells IN EXCLUSIVE MODE'] : []),
    `CREATE TEMPORARY TABLE trade_flow_cells_compacted AS
     SELECT ${KEYS}, ${SUMS} FROM trade_flow_cells GROUP BY ${KEYS} HAVING SUM(orders) <> 0`,
    'DELETE FROM trade_flow_cells',
    `INSERT INTO trade_flow_cells (${KEYS}, ${CELL_MEASURE_NAMES.join(', ')}) SELECT * FROM trade_flow_cells_compacted`,
    'DROP TABLE trade_flow_cells_compacted',
  ];
}

/** Fills an empty rollup from `trade_flows`: a store written before the rollup existed. */
export function rebuildStatements(): string[] {
  return [contributionSql('TRUE', 1), ...applyDeltaStatements()];
}

/** True when the orders are there but their cells are not (the rollup is new to this store). */
export const NEEDS_REBUILD_SQL = `SELECT (SELECT COUNT(*) FROM trade_flow_cells) = 0 AND EXISTS (SELECT 1 FROM trade_flows) AS needed`;
