import type { Dialect } from './tables.js';

/** Hundredths of a day in a millisecond, and half of one: transit days are kept to 0.01 day (14.4 minutes). */
const HUNDREDTH_MS = 864_000;

/**
 * Days from dispatch to delivery in hundredths, rounded to the nearest (halves up), in integer
 * arithmetic that both stores do alike (their integer division truncates toward zero); null until
 * both stages are known. The percentiles read these: sorting small integers cost about half what
 * converting and sorting a million instants did, and the answer is shown to two decimals anyway.
 */
export function transitHundredthsSql(dialect: Dialect, alias = ''): string {
  const divide = dialect === 'duckdb' ? '//' : '/';
  return `CASE WHEN ${alias}delivered_at IS NOT NULL AND ${alias}dispatched_at IS NOT NULL THEN CAST((${alias}delivered_at - ${alias}dispatched_at + ${HUNDREDTH_MS / 2}) ${divide} ${HUNDREDTH_MS} AS INTEGER) END`;
}

/** The column of `trade_flows` that keeps `transitHundredthsSql` per order. */
export const TRANSIT_COLUMN = 'transit_hundredths';

/**
 * Adds the column to `trade_flows`, new or written before it existed. PostgreSQL keeps it itself
 * (a stored generated column, so its upsert is untouched); DuckDB has only virtual generated
 * columns, so its store sets it after each batch (`transitUpdateSql`) and fills older rows here.
 */
export function transitColumnStatements(dialect: Dialect): string[] {
  return dialect === 'postgres'
    ? [
        `ALTER TABLE trade_flows ADD COLUMN IF NOT EXISTS ${TRANSIT_COLUMN} INTEGER GENERATED ALWAYS AS (${transitHundredthsSql(dialect)}) STORED`,
      ]
    : [
        `ALTER TABLE trade_flows ADD COLUMN IF NOT EXISTS ${TRANSIT_COLUMN} INTEGER`,
        `UPDATE trade_flows SET ${TRANSIT_COLUMN} = ${transitHundredthsSql(dialect)}
         WHERE ${TRANSIT_COLUMN} IS NULL AND delivered_at IS NOT NULL AND dispatched_at IS NOT NULL`,
      ];
}

/** DuckDB: sets the column of the orders `orders` selects (a condition on `trade_flows`), after their facts are merged. */
export function transitUpdateSql(orders: string): string {
  return `UPDATE trade_flows SET ${TRANSIT_COLUMN} = ${transitHundredthsSql('duckdb')}
    WHERE (${orders}) AND delivered_at IS NOT NULL AND dispatched_at IS NOT NULL`;
}
