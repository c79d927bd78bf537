import { userInputError } from '#packages/errors/index.js';
import { isCountryCode } from '#packages/countries/index.js';
import type { HsNomenclature } from '#packages/hs/index.js';
import { DIMENSIONS, type DataOrigin, type Dimension, type FlowDirection, type TradeFlowQuery } from './TradeFlowQuery.js';

/** The most dimensions one query groups by. */
export const MAX_DIMENSIONS = 4;

export interface TradeFlowArgs {
  readonly filter?: {
    readonly period?: { readonly from: string; readonly to: string } | null;
    readonly reporters?: readonly string[] | null;
    readonly partners?: readonly string[] | null;
    readonly hs?: readonly string[] | null;
    readonly modes?: readonly string[] | null;
    readonly marketplaces?: readonly string[] | null;
    readonly carriers?: readonly string[] | null;
  } | null;
  readonly groupBy: readonly string[];
  readonly flow: string;
  readonly data?: string | null;
}

/**
 * Checks a trade-flow question before any SQL is built: each problem is `BAD_USER_INPUT` naming
 * the field (`filter.period`, `filter.reporters`, `filter.hs`, `groupBy`), as clients branch on it.
 */
export function readTradeFlowArgs(args: TradeFlowArgs, hs: HsNomenclature): TradeFlowQuery {
  const groupBy = readGroupBy(args.groupBy);
  const filter = args.filter ?? {};
  const period = filter.period ? readPeriod(filter.period) : undefined;
  return {
    flow: args.flow as FlowDirection,
    groupBy,
    data: (args.data ?? 'ALL') as DataOrigin,
    filter: {
      ...period,
      ...(filter.reporters && { reporters: readCountries(filter.reporters, 'filter.reporters') }),
      ...(filter.partners && { partners: readCountries(filter.partners, 'filter.partners') }),
      ...(filter.hs && { hs: filter.hs.map((code) => readHsCode(code, hs, 'filter.hs')) }),
      ...(filter.modes && { modes: [...filter.modes] }),
      ...(filter.marketplaces && { marketplaces: [...filter.marketplaces] }),
      ...(filter.carriers && { carriers: [...filter.carriers] }),
    },
  };
}

function readGroupBy(values: readonly string[]): Dimension[] {
  if (values.length > MAX_DIMENSIONS)
    throw userInputError(`groupBy: at most ${MAX_DIMENSIONS} dimensions, got ${values.length}`, 'groupBy');
  const seen = new Set<string>();
  for (const value of values) {
    if (!(DIMENSIONS as readonly string[]).includes(value)) throw userInputError(`groupBy: unknown dimension ${value}`, 'groupBy');
    if (seen.has(value)) throw userInputError(`groupBy: ${value} is repeated; each dimension may appear once`, 'groupBy');
    seen.add(value);
  }
  return values as Dimension[];
}

/** `YYYY-MM`, `YYYYMM` or `YYYY` (a whole year: January for `from`, December for `to`). */
function readPeriod(period: { from: string; to: string }): { monthFrom: number; monthTo: number } {
  const monthFrom = readMonth(period.from, 'from');
  const monthTo = readMonth(period.to, 'to');
  if (monthFrom > monthTo) {
    throw userInputError(`filter.period: from ${period.from} is after to ${period.to}`, 'filter.period');
  }
  return { monthFrom, monthTo };
}

function readMonth(text: string, end: 'from' | 'to'): number {
  const year = /^(\d{4})$/.exec(text);
  if (year) return Number(year[1]) * 100 + (end === 'from' ? 1 : 12);
  const month = /^(\d{4})-?(\d{2})$/.exec(text);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return Number(month[1]) * 100 + Number(month[2]);
  throw userInputError(`filter.period.${end}: "${text}" is not a period (YYYY-MM, YYYYMM or YYYY)`, `filter.period.${end}`);
}

/** ISO 3166-1 alpha-2 codes, checked. */
export function readCountries(codes: readonly string[], field: string): string[] {
  return codes.map((code) => readCountry(code, field));
}

export function readCountry(code: string, field: string): string {
  if (!isCountryCode(code)) throw userInputError(`${field}: "${code}" is not an ISO 3166-1 alpha-2 country code`, field);
  return code;
}

/** An HS 2022 chapter, heading or subheading (2, 4 or 6 digits; dots ignored). */
export function readHsCode(code: string, hs: HsNomenclature, field: string): string {
  const digits = code.replace(/[.\s]/g, '');
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(digits)) throw userInputError(`${field}: "${code}" is not an HS code of 2, 4 or 6 digits`, field);
  if (!hs.get(digits)) throw userInputError(`${field}: ${digits} is not in the HS 2022 nomenclature`, field);
  return digits;
}
