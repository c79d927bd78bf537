import { FACT_COLUMNS } from './TradeFlowFact.js';
import { transitColumnStatements } from './transitColumn.js';

export type Dialect = 'duckdb' | 'postgres';

const sqlType = (kind: (typeof FACT_COLUMNS)[number][1]): string => {
  switch (kind) {
    case 'text':
      return 'VARCHAR';
    case 'boolean':
      return 'BOOLEAN';
    case 'bigint':
      return 'BIGINT';
    case 'integer':
      return 'INTEGER';
    case 'money':
      // Exact: sums of a million orders stay to the cent (DuckDB widens SUM to DECIMAL(38,2)).
      return 'DECIMAL(18,2)';
    default:
      return unreachable(kind);
  }
};

/**
 * The insights tables, the same columns in both stores: `trade_flows` (one row per order, and its
 * transit time in hundredths of a day: `transitColumn.ts`), `event_dead_letters` (events that could
 * not be used, with why) and `export_jobs`.
 */
export function tableStatements(dialect: Dialect): string[] {
  const columns = FACT_COLUMNS.map(([name, kind]) => `${name} ${sqlType(kind)}${name === 'order_id' ? ' PRIMARY KEY' : ''}`);
  return [
    `CREATE TABLE IF NOT EXISTS trade_flows (${columns.join(', ')})`,
    ...transitColumnStatements(dialect),
    `CREATE TABLE IF NOT EXISTS event_dead_letters (
       event_id VARCHAR, source VARCHAR NOT NULL, payload VARCHAR NOT NULL, error VARCHAR NOT NULL, received_at BIGINT NOT NULL)`,
    `CREATE TABLE IF NOT EXISTS export_jobs (
       id VARCHAR PRIMARY KEY, owner VARCHAR NOT NULL, status VARCHAR NOT NULL, format VARCHAR NOT NULL, request VARCHAR NOT NULL,
       progress DOUBLE PRECISION NOT NULL, rows_written BIGINT, path VARCHAR, expires_at BIGINT, error VARCHAR,
       created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, lease_until BIGINT NOT NULL)`,
    ...(dialect === 'postgres'
      ? [
          'CREATE INDEX IF NOT EXISTS trade_flows_month ON trade_flows (month)',
          'CREATE INDEX IF NOT EXISTS trade_flows_lane ON trade_flows (origin, destination)',
        ]
      : []),
  ];
}

/** The upsert of staged facts: a known value replaces the stored one, an unknown (null) one keeps it. */
export function mergeAssignments(): string {
  return FACT_COLUMNS.filter(([name]) => name !== 'order_id')
    .map(([name]) => `${name} = COALESCE(excluded.${name}, trade_flows.${name})`)
    .join(', ');
}

function unreachable(value: never): never {
  throw new Error(`unknown column kind ${String(value)}`);
}
