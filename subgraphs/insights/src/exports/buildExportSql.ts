import { ASSIGNED_COUNTRY_CODES, countryName } from '#packages/countries/index.js';
import type { HsNomenclature } from '#packages/hs/index.js';
import { buildRollupSql } from '../query/buildRollupSql.js';
import { MONEY_COLUMNS } from '../store/tradeFlowRollup.js';
import { keyColumns } from '../query/buildTradeFlowSql.js';
import type { Dimension, TradeFlowQuery } from '../query/TradeFlowQuery.js';
import type { SqlStatement } from '../store/TradeFlowStore.js';
import { EXPORT_COLUMNS } from './exportColumns.js';

const NOT_IN_HS = 'Not in the HS 2022 nomenclature';
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
/** `Math.round(value × 10^digits) / 10^digits` in DOUBLE arithmetic, as `toTradeFlowRow` rounds, so both give the same numbers. */
const rounded = (value: string, digits: number) =>
  `floor(CAST(${value} AS DOUBLE) * ${10 ** digits} + CAST(0.5 AS DOUBLE)) / ${10 ** digits}`;
const ratio = (part: string, whole: string) =>
  `CASE WHEN COALESCE(${whole}, 0) > 0 THEN ${rounded(`CAST(${part} AS DOUBLE) / CAST(${whole} AS DOUBLE)`, 4)} END`;

/**
 * An export's rows as one DuckDB query over the rollup, column for column what
 * `toTradeFlowRow` and `EXPORT_COLUMNS` make of each cell in JavaScript: keys named (country names
 * and HS descriptions joined from literal tables), small cells suppressed, shares and days
 * rounded alike. The store `COPY`s it straight to CSV or partitioned Parquet, so no row passes
 * through JavaScript. `hsCodes` are the HS6 codes the cells hold; only their descriptions are sent.
 * `cells` is where the rollup's rows come from: its query on DuckDB, or (PostgreSQL) the same rows
 * streamed to a CSV file (`cellsFromCsv`).
 */
export function buildExportSql(
  query: TradeFlowQuery,
  hs: HsNomenclature,
  minCell: number,
  hsCodes: readonly string[],
  cells: SqlStatement = buildRollupSql(query, 'duckdb'),
): SqlStatement {
  const key = (dimension: Dimension) => {
    const index = query.groupBy.indexOf(dimension);
    return index < 0 ? 'NULL' : `c.k${index}`;
  };
  const period = ['MONTH', 'QUARTER', 'YEAR'].map((dimension) => key(dimension as Dimension)).find((column) => column !== 'NULL') ?? 'NULL';
  const commodity = (['HS6', 'HS4', 'HS2'] as const).map(key).find((column) => column !== 'NULL') ?? 'NULL';
  const level = (['HS6', 'HS4', 'HS2'] as const).find((dimension) => query.groupBy.includes(dimension));
  const codes = new Set(level ? hsCodes.map((code) => code.slice(0, Number(level.slice(2)))) : []);
  const descriptions = [...codes].flatMap((code) => {
    const entry = hs.get(code);
    return entry ? [`(${literal(code)}, ${literal(entry.description)})`] : [];
  });
  const names = ASSIGNED_COUNTRY_CODES.map((code) => `(${literal(code)}, ${literal(countryName(code) ?? code)})`);
  const suppressed = `COALESCE(c.orders, 0) < ${minCell}`;
  const shown = (value: string) => `CASE WHEN ${suppressed} THEN NULL ELSE ${value} END`;
  const money = (column: string) => shown(`CAST(CAST(COALESCE(c.${column}_cents, 0) AS DECIMAL(18,0)) * 0.01 AS DECIMAL(18,2))`);
  const named = (code: string, alias: string) => (code === 'NULL' ? 'NULL' : `COALESCE(${alias}.name, ${code})`);
  const columns: Record<string, string> = {
    flowCode: literal(query.flow === 'IMPORT' ? 'M' : 'X'),
    period,
    reporter: key('REPORTER'),
    reporterDesc: named(key('REPORTER'), 'reporter_name'),
    partnerCode: key('PARTNER'),
    partnerDesc: named(key('PARTNER'), 'partner_name'),
    cmdCode: commodity,
    cmdDesc: commodity === 'NULL' ? 'NULL' : `CASE WHEN ${commodity} IS NOT NULL THEN COALESCE(hs.description, ${literal(NOT_IN_HS)}) END`,
    mode: key('MODE'),
    carrier: key('CARRIER'),
    marketplace: key('MARKETPLACE'),
    synthetic: query.data === 'ALL' ? 'c.synthetic IS TRUE' : query.data === 'SYNTHETIC' ? 'TRUE' : 'FALSE',
    suppressed,
    orders: shown('COALESCE(c.orders, 0)'),
    qty: shown('COALESCE(c.qty, 0)'),
    netWgt: shown(rounded('CAST(COALESCE(c.net_weight_g, 0) AS DOUBLE) / 1000', 3)),
    primaryValueUsd: money('value_usd'),
    primaryValueEur: money('value_eur'),
    dutiesUsd: money('duties_usd'),
    dutiesEur: money('duties_eur'),
    taxesUsd: money('taxes_usd'),
    taxesEur: money('taxes_eur'),
    feesUsd: money('fees_usd'),
    feesEur: money('fees_eur'),
    transitMedianDays: shown(`CASE WHEN c.transit_median IS NOT NULL THEN ${rounded('c.transit_median', 2)} END`),
    transitP90Days: shown(`CASE WHEN c.transit_median IS NOT NULL THEN ${rounded('c.transit_p90', 2)} END`),
    onTimeRate: shown(ratio('c.on_time_orders', 'c.delivered_orders')),
    deMinimisShare: shown(ratio('c.de_minimis_orders', 'c.de_minimis_known')),
  };
  const select = EXPORT_COLUMNS.map(([name, kind]) => {
    const value = columns[name];
    if (value === undefined) throw new Error(`export column ${name} has no SQL`);
    return `CAST(${value} AS ${kind}) AS "${name}"`;
  });
  const text = `
WITH country_names(code, name) AS (VALUES ${names.join(', ')}),
hs_descriptions(code, description) AS (${descriptions.length > 0 ? `VALUES ${descriptions.join(', ')}` : 'SELECT NULL::VARCHAR, NULL::VARCHAR WHERE FALSE'})
SELECT ${select.join(', ')}
FROM (${cells.text}) c
LEFT JOIN country_names reporter_name ON reporter_name.code = ${key('REPORTER')}
LEFT JOIN country_names partner_name ON partner_name.code = ${key('PARTNER')}
LEFT JOIN hs_descriptions hs ON hs.code = ${commodity}
ORDER BY ${['c.value_usd_cents DESC NULLS LAST', ...keyColumns(query).map((column) => `c.${column} NULLS LAST`)].join(', ')}`;
  return { text, params: cells.params };
}

/**
 * The rollup's rows for `query` as `buildRollupSql` gives them, read by DuckDB from a CSV file
 * with a header (PostgreSQL's `COPY … TO STDOUT` of that query). Every column the export reads
 * is typed here; empty quoted text stays text, as PostgreSQL wrote it.
 */
export function cellsFromCsv(query: TradeFlowQuery, file: string): SqlStatement {
  const types: Array<[string, string]> = [
    ...query.groupBy.map((_, i): [string, string] => [`k${i}`, 'VARCHAR']),
    ...(query.data === 'ALL' ? [['synthetic', 'BOOLEAN'] as [string, string]] : []),
    ...['orders', 'qty', 'net_weight_g', 'delivered_orders', 'on_time_orders', 'de_minimis_known', 'de_minimis_orders'].map(
      (column): [string, string] => [column, 'BIGINT'],
    ),
    ...MONEY_COLUMNS.map((column): [string, string] => [`${column}_cents`, 'BIGINT']),
    ['transit_median', 'DOUBLE'],
    ['transit_p90', 'DOUBLE'],
  ];
  const typed = types.map(([column, type]) => `${literal(column)}: ${literal(type)}`).join(', ');
  return {
    text: `SELECT * FROM read_csv(${literal(file)}, header = true, allow_quoted_nulls = false, types = {${typed}})`,
    params: [],
  };
}
