// Loads every JSON rule file next to this module, validates it (throwing on the first problem,
// naming file and field) and indexes it so `rulesAt(destination, date)` can answer which rules
// are in force on a given day. Only node built-ins: this runs before any other service code.
import { readdirSync, readFileSync } from 'node:fs';
import type {
  AdditionalDutyRule,
  Agreement,
  DeMinimisRule,
  DestinationFile,
  DutyRate,
  DutyRateDefault,
  DutyRateTable,
  FeeRule,
  IsoDate,
  PreferentialRate,
  RuleBase,
  SpecialRegime,
  TaxRule,
  ValuationRule,
} from './types.js';
import { assertNoOverlaps, parseAgreementsFile, parseDestinationFile, parseDutyRateTable, type LocatedRule } from './validate.js';

export interface DutyView {
  table: string;
  /** Undefined for dates before the table's vouched period: better no answer than a wrong one. */
  default: DutyRateDefault | undefined;
  /** MFN rows in force, for listing. */
  rates: DutyRate[];
  /** Longest-prefix match on the digits of an HS code; falls back to the flagged default. */
  rateFor(hsCode: string): DutyRate | DutyRateDefault | undefined;
}

export interface AgreementInForce {
  agreement: Agreement;
  /** Other members in force on the date: the origins that can claim the preference. */
  partners: string[];
  preferentialRates: PreferentialRate[];
  /** Longest-prefix preferential rate for this destination, or undefined (use MFN). */
  preferentialRateFor(hsCode: string): PreferentialRate | undefined;
}

export interface RulesInForce {
  destination: string;
  date: IsoDate;
  union?: string;
  valuation: ValuationRule;
  taxes: TaxRule[];
  deMinimis: DeMinimisRule[];
  specialRegimes: SpecialRegime[];
  additionalDuties: AdditionalDutyRule[];
  fees: FeeRule[];
  duty: DutyView;
  agreements: AgreementInForce[];
}

export interface LoadedRules {
  destinations: ReadonlyMap<string, DestinationFile>;
  dutyTables: ReadonlyMap<string, DutyRateTable>;
  agreements: readonly Agreement[];
  rulesAt(destination: string, date: Date): RulesInForce;
}

/** validTo is inclusive, so a rule ending 2026-06-30 is still in force on that day. */
export function inForce(rule: { validFrom: IsoDate; validTo?: IsoDate }, day: IsoDate): boolean {
  return rule.validFrom <= day && (rule.validTo === undefined || day <= rule.validTo);
}

function readJsonDir(dir: URL): { file: string; json: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = new URL(f, dir);
      try {
        return { file: file.pathname, json: JSON.parse(readFileSync(file, 'utf8')) as unknown };
      } catch (e) {
        throw new Error(`${file.pathname}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
}

function digits(hsCode: string): string {
  return hsCode.replace(/\D/g, '');
}

function longestPrefix<T extends { hsPrefix: string }>(rows: readonly T[], hsCode: string): T | undefined {
  const code = digits(hsCode);
  let best: T | undefined;
  for (const row of rows) {
    if (code.startsWith(row.hsPrefix) && (best === undefined || row.hsPrefix.length > best.hsPrefix.length)) best = row;
  }
  return best;
}

function collectRules(file: string, d: DestinationFile): LocatedRule[] {
  const all: RuleBase[] = [...d.valuation, ...d.taxes, ...d.deMinimis, ...d.specialRegimes, ...d.additionalDuties, ...d.fees];
  return all.map((rule) => ({ file, rule }));
}

function checkCrossReferences(
  destinations: ReadonlyMap<string, DestinationFile>,
  tables: ReadonlyMap<string, DutyRateTable>,
  files: ReadonlyMap<string, string>,
): void {
  for (const [code, d] of destinations) {
    const file = files.get(code) ?? code;
    if (d.union !== undefined && !destinations.has(d.union)) throw new Error(`${file}: $.union: unknown union ${d.union}`);
    const table = d.dutyTable ?? (d.union !== undefined ? destinations.get(d.union)?.dutyTable : undefined);
    if (table === undefined || !tables.has(table)) throw new Error(`${file}: $.dutyTable: no duty table ${String(table)} in dutyRates/`);
  }
}

export function loadRules(baseUrl: URL = new URL('./', import.meta.url)): LoadedRules {
  const destinations = new Map<string, DestinationFile>();
  const files = new Map<string, string>();
  const located: LocatedRule[] = [];
  for (const { file, json } of readJsonDir(new URL('destinations/', baseUrl))) {
    const d = parseDestinationFile(file, json);
    const expected = file.slice(file.lastIndexOf('/') + 1, -'.json'.length);
    if (d.destination !== expected) throw new Error(`${file}: $.destination: ${d.destination} does not match the file name ${expected}`);
    destinations.set(d.destination, d);
    files.set(d.destination, file);
    located.push(...collectRules(file, d));
  }
  const dutyTables = new Map<string, DutyRateTable>();
  for (const { file, json } of readJsonDir(new URL('dutyRates/', baseUrl))) {
    const t = parseDutyRateTable(file, json);
    dutyTables.set(t.table, t);
    located.push(...[...t.defaults, ...t.rates].map((rule) => ({ file, rule })));
  }
  const agreementsFile = new URL('agreements.json', baseUrl).pathname;
  const { agreements } = parseAgreementsFile(agreementsFile, JSON.parse(readFileSync(agreementsFile, 'utf8')) as unknown);
  for (const a of agreements)
    located.push({ file: agreementsFile, rule: a }, ...a.preferentialRates.map((rule) => ({ file: agreementsFile, rule })));

  assertNoOverlaps(located);
  checkCrossReferences(destinations, dutyTables, files);

  const rulesAt = (destination: string, date: Date): RulesInForce => {
    const day = date.toISOString().slice(0, 10);
    const own = destinations.get(destination);
    if (own === undefined || destination === 'EU') throw new Error(`rulesAt: unknown destination ${destination}`);
    // Member states inherit the union's rules; national rules are appended after the shared ones.
    const layers = own.union !== undefined ? [destinations.get(own.union), own] : [own];
    const pick = <T extends RuleBase>(f: (d: DestinationFile) => T[]): T[] =>
      layers.flatMap((d) => (d === undefined ? [] : f(d))).filter((r) => inForce(r, day));

    const valuations = pick((d) => d.valuation);
    const valuation = valuations[0];
    if (valuation === undefined || valuations.length > 1) {
      throw new Error(`rulesAt: ${destination} needs exactly one valuation rule on ${day}, found ${valuations.length}`);
    }
    const tableName = own.dutyTable ?? layers[0]?.dutyTable ?? '';
    const table = dutyTables.get(tableName);
    const def = table?.defaults.find((d) => inForce(d, day));
    if (table === undefined) throw new Error(`rulesAt: no duty table ${tableName} for ${destination}`);
    const rates = table.rates.filter((r) => inForce(r, day));

    const parties = new Set([destination, ...(own.union !== undefined ? [own.union] : [])]);
    const agreementsInForce = agreements
      .filter((a) => inForce(a, day) && a.members.some((m) => parties.has(m.country) && inForce(m, day)))
      .map((agreement): AgreementInForce => {
        const prefs = agreement.preferentialRates.filter((p) => inForce(p, day) && (p.importer === '*' || parties.has(p.importer)));
        return {
          agreement,
          partners: agreement.members.filter((m) => inForce(m, day) && !parties.has(m.country)).map((m) => m.country),
          preferentialRates: prefs,
          preferentialRateFor: (hsCode) => longestPrefix(prefs, hsCode),
        };
      });

    return {
      destination,
      date: day,
      ...(own.union !== undefined ? { union: own.union } : {}),
      valuation,
      taxes: pick((d) => d.taxes),
      deMinimis: pick((d) => d.deMinimis),
      specialRegimes: pick((d) => d.specialRegimes),
      additionalDuties: pick((d) => d.additionalDuties),
      fees: pick((d) => d.fees),
      duty: { table: table.table, default: def, rates, rateFor: (hsCode) => longestPrefix(rates, hsCode) ?? def },
      agreements: agreementsInForce,
    };
  };

  return { destinations, dutyTables, agreements, rulesAt };
}
