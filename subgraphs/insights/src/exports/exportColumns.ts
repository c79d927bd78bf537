import type { TradeFlowRowModel } from '../query/toTradeFlowRow.js';

type Kind = 'VARCHAR' | 'BOOLEAN' | 'BIGINT' | 'DOUBLE' | 'DECIMAL(18,2)';

/**
 * The columns of an export, in Comtrade's names where it has one. Money stays exact
 * (DECIMAL(18,2)), so sums read back from a file equal the query's to the cent. `period` and
 * `reporter` are the Hive partition keys of Parquet exports.
 */
export const EXPORT_COLUMNS: ReadonlyArray<readonly [string, Kind, (row: TradeFlowRowModel) => string | number | boolean | null]> = [
  ['flowCode', 'VARCHAR', (row) => row.flowCode],
  ['period', 'VARCHAR', (row) => row.period],
  ['reporter', 'VARCHAR', (row) => row.reporter?.code ?? null],
  ['reporterDesc', 'VARCHAR', (row) => row.reporter?.name ?? null],
  ['partnerCode', 'VARCHAR', (row) => row.partner?.code ?? null],
  ['partnerDesc', 'VARCHAR', (row) => row.partner?.name ?? null],
  ['cmdCode', 'VARCHAR', (row) => row.commodity?.code ?? null],
  ['cmdDesc', 'VARCHAR', (row) => row.commodity?.description ?? null],
  ['mode', 'VARCHAR', (row) => row.mode],
  ['carrier', 'VARCHAR', (row) => row.carrier],
  ['marketplace', 'VARCHAR', (row) => row.marketplace],
  ['synthetic', 'BOOLEAN', (row) => row.synthetic],
  ['suppressed', 'BOOLEAN', (row) => row.suppressed],
  ['orders', 'BIGINT', (row) => row.orders],
  ['qty', 'BIGINT', (row) => row.qty],
  ['netWgt', 'DOUBLE', (row) => row.netWgt],
  ['primaryValueUsd', 'DECIMAL(18,2)', (row) => row.primaryValue?.usd ?? null],
  ['primaryValueEur', 'DECIMAL(18,2)', (row) => row.primaryValue?.eur ?? null],
  ['dutiesUsd', 'DECIMAL(18,2)', (row) => row.duties?.usd ?? null],
  ['dutiesEur', 'DECIMAL(18,2)', (row) => row.duties?.eur ?? null],
  ['taxesUsd', 'DECIMAL(18,2)', (row) => row.taxes?.usd ?? null],
  ['taxesEur', 'DECIMAL(18,2)', (row) => row.taxes?.eur ?? null],
  ['feesUsd', 'DECIMAL(18,2)', (row) => row.fees?.usd ?? null],
  ['feesEur', 'DECIMAL(18,2)', (row) => row.fees?.eur ?? null],
  ['transitMedianDays', 'DOUBLE', (row) => row.transitDays?.median ?? null],
  ['transitP90Days', 'DOUBLE', (row) => row.transitDays?.p90 ?? null],
  ['onTimeRate', 'DOUBLE', (row) => row.onTimeRate],
  ['deMinimisShare', 'DOUBLE', (row) => row.deMinimisShare],
];
