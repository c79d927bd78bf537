// Loads every JSON rule file next to this module, validates it with its zod schema (throwing on
// the first file at fault, naming file and field) and indexes it so `rulesAt(destination, date)`
// answers which rules are in force on a given day. Runs once at start-up.
import { assertNoOverlaps, type LocatedRule } from './assertNoOverlaps.js';
import { readRuleFiles } from './readRuleFiles.js';
import type {
  AdditionalDutyRule,
  Agreement,
  DeMinimisRule,
  DestinationFile,
  DomesticSaleRule,
  DutyRate,
  DutyRateDefault,
  DutyRateTable,
  DutySurchargeRule,
  ExchangeRateRule,
  ExciseRule,
  FeeRule,
  IsoDate,
  PreferentialRate,
  ReturnReliefRule,
  RoundingRule,
  RuleBase,
  SpecialRegime,
  TaxRule,
  ValuationRule,
} from './types.js';

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
  /** The currency charges are assessed in. */
  currency: string;
  defaultRegion: DestinationFile['defaultRegion'];
  valuation: ValuationRule;
  rounding: RoundingRule;
  /** The customs exchange-rate series; undefined = the day's reference rate. */
  exchangeRate: ExchangeRateRule | undefined;
  taxes: TaxRule[];
  deMinimis: DeMinimisRule[];
  specialRegimes: SpecialRegime[];
  additionalDuties: AdditionalDutyRule[];
  /** Surcharges on the customs duty itself (IN Social Welfare Surcharge). */
  dutySurcharges: DutySurchargeRule[];
  fees: FeeRule[];
  /** Specific excises (per litre, per litre of alcohol, per gallon) in force. */
  excise: ExciseRule[];
  domesticSale: DomesticSaleRule | undefined;
  /** Reliefs on goods rejected and sent back out (none: no relief stated). */
  returnRelief: ReturnReliefRule[];
  duty: DutyView;
  agreements: AgreementInForce[];
}

export interface LoadedRules {
  destinations: ReadonlyMap<string, DestinationFile>;
  dutyTables: ReadonlyMap<string, DutyRateTable>;
  agreements: readonly Agreement[];
  /** Every rule with the file it came from, for listings (README, tests). */
  located: readonly LocatedRule[];
  rulesAt(destination: string, date: Date): RulesInForce;
}

/** validTo is inclusive, so a rule ending 2026-06-30 is still in force on that day. */
export function inForce(rule: { validFrom: IsoDate; validTo?: IsoDate | undefined }, day: IsoDate): boolean {
  return rule.validFrom <= day && (rule.validTo === undefined || day <= rule.validTo);
}

function longestPrefix<T extends { hsPrefix: string }>(rows: readonly T[], hsCode: string): T | undefined {
  const code = hsCode.replace(/\D/g, '');
  let best: T | undefined;
  for (const row of rows) {
    if (code.startsWith(row.hsPrefix) && (best === undefined || row.hsPrefix.length > best.hsPrefix.length)) best = row;
  }
  return best;
}

/** Every rule of a destination file, whatever its kind. */
export function rulesOf(d: DestinationFile): RuleBase[] {
  return [
    ...d.valuation,
    ...d.exchangeRates,
    ...d.rounding,
    ...d.taxes,
    ...d.deMinimis,
    ...d.specialRegimes,
    ...d.additionalDuties,
    ...d.dutySurcharges,
    ...d.fees,
    ...d.excise,
    ...d.domesticSale,
    ...d.returnRelief,
  ];
}

export function loadRules(baseUrl: URL = new URL('./', import.meta.url)): LoadedRules {
  const files = readRuleFiles(baseUrl);
  const destinations = new Map<string, DestinationFile>();
  const located: LocatedRule[] = [];
  for (const { file, rules } of files.destinations) {
    const expected = file.slice(file.lastIndexOf('/') + 1, -'.json'.length);
    if (rules.destination !== expected)
      throw new Error(`${file}: $.destination: ${rules.destination} does not match the file name ${expected}`);
    destinations.set(rules.destination, rules);
    located.push(...rulesOf(rules).map((rule) => ({ file, rule })));
  }
  const dutyTables = new Map<string, DutyRateTable>();
  for (const { file, rules } of files.dutyTables) {
    dutyTables.set(rules.table, rules);
    located.push(...[...rules.defaults, ...rules.rates].map((rule) => ({ file, rule })));
  }
  const { agreements } = files.agreements.rules;
  for (const a of agreements)
    located.push({ file: files.agreements.file, rule: a }, ...a.preferentialRates.map((rule) => ({ file: files.agreements.file, rule })));

  assertNoOverlaps(located);
  for (const { file, rules } of files.destinations) {
    if (rules.union !== undefined && !destinations.has(rules.union)) throw new Error(`${file}: $.union: unknown union ${rules.union}`);
    const table = rules.dutyTable ?? (rules.union !== undefined ? destinations.get(rules.union)?.dutyTable : undefined);
    if (table === undefined || !dutyTables.has(table))
      throw new Error(`${file}: $.dutyTable: no duty table ${String(table)} in dutyRates/`);
  }

  // The rules in force are a function of destination and day over data loaded once, and a quote
  // asks for them once or twice per shipping option: filtering the duty table each time was most
  // of customs' CPU per search. Kept for the days asked about (few: today, and dates quoted).
  const inForceByDay = new Map<string, RulesInForce>();
  const rulesAt = (destination: string, date: Date): RulesInForce => {
    const day = date.toISOString().slice(0, 10);
    const key = `${destination}|${day}`;
    let found = inForceByDay.get(key);
    if (found === undefined) {
      found = computeRulesAt(destination, day);
      if (inForceByDay.size >= 4_096) inForceByDay.clear();
      inForceByDay.set(key, found);
    }
    return found;
  };

  const computeRulesAt = (destination: string, day: string): RulesInForce => {
    const own = destinations.get(destination);
    if (own === undefined || destination === 'EU') throw new Error(`rulesAt: unknown destination ${destination}`);
    // Member states inherit the union's rules; national rules are appended after the shared ones.
    const union = own.union !== undefined ? destinations.get(own.union) : undefined;
    const layers = union !== undefined ? [union, own] : [own];
    const pick = <T extends RuleBase>(f: (d: DestinationFile) => T[]): T[] => layers.flatMap((d) => f(d)).filter((r) => inForce(r, day));
    const exactlyOne = <T extends RuleBase>(what: string, rules: T[]): T => {
      if (rules.length !== 1) throw new Error(`rulesAt: ${destination} needs exactly one ${what} rule on ${day}, found ${rules.length}`);
      return rules[0]!;
    };
    const valuation = exactlyOne(
      'valuation',
      pick((d) => d.valuation),
    );
    const rounding = exactlyOne(
      'rounding',
      pick((d) => d.rounding),
    );
    const tableName = own.dutyTable ?? union?.dutyTable ?? '';
    const table = dutyTables.get(tableName)!;
    const def = table.defaults.find((d) => inForce(d, day));
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
      currency: own.currency ?? union?.currency ?? '',
      defaultRegion: own.defaultRegion,
      valuation,
      rounding,
      exchangeRate: pick((d) => d.exchangeRates)[0],
      taxes: pick((d) => d.taxes),
      deMinimis: pick((d) => d.deMinimis),
      specialRegimes: pick((d) => d.specialRegimes),
      additionalDuties: pick((d) => d.additionalDuties),
      dutySurcharges: pick((d) => d.dutySurcharges),
      fees: pick((d) => d.fees),
      excise: pick((d) => d.excise),
      domesticSale: pick((d) => d.domesticSale).at(-1),
      returnRelief: pick((d) => d.returnRelief),
      duty: { table: table.table, default: def, rates, rateFor: (hsCode) => longestPrefix(rates, hsCode) ?? def },
      agreements: agreementsInForce,
    };
  };

  return { destinations, dutyTables, agreements, located, rulesAt };
}
