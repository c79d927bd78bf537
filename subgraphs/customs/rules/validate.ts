// Turns parsed JSON (unknown) into the typed shapes of types.ts, or throws an Error naming
// the file and the field path. Unknown keys are rejected so a typo cannot silently drop a rule.
import type {
  AdditionalDutyRule,
  Agreement,
  AgreementMember,
  AgreementsFile,
  BandedRate,
  DeMinimisRule,
  DestinationFile,
  DutyRate,
  DutyRateDefault,
  DutyRateTable,
  FeeRule,
  Money,
  OriginFilter,
  PreferentialRate,
  RuleBase,
  Source,
  SpecialRegime,
  TaxRule,
  ValuationRule,
} from './types.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
const HS_PREFIX = /^\d{0,10}$/;

export class Reader {
  constructor(
    readonly file: string,
    readonly path: string,
    private readonly value: Record<string, unknown>,
  ) {}

  static root(file: string, value: unknown): Reader {
    return new Reader(file, '$', asObject(file, '$', value));
  }

  fail(message: string, key?: string): never {
    throw new Error(`${this.file}: ${key === undefined ? this.path : `${this.path}.${key}`}: ${message}`);
  }

  has(key: string): boolean {
    return this.value[key] !== undefined;
  }

  /** Rejects keys the schema does not know, so misspelt optional fields are caught. */
  only(keys: readonly string[]): void {
    for (const key of Object.keys(this.value)) if (!keys.includes(key)) this.fail('unknown field', key);
  }

  child(key: string): Reader {
    return new Reader(this.file, `${this.path}.${key}`, asObject(this.file, `${this.path}.${key}`, this.value[key]));
  }

  items(key: string): Reader[] {
    return this.array(key).map(
      (v, i) => new Reader(this.file, `${this.path}.${key}[${i}]`, asObject(this.file, `${this.path}.${key}[${i}]`, v)),
    );
  }

  array(key: string): unknown[] {
    const v = this.value[key];
    if (!Array.isArray(v)) this.fail('missing or not an array', key);
    return v;
  }

  str(key: string): string {
    const v = this.value[key];
    if (typeof v !== 'string' || v.trim() === '') this.fail('missing or empty string', key);
    return v;
  }

  optStr(key: string): string | undefined {
    return this.has(key) ? this.str(key) : undefined;
  }

  strArr(key: string, pattern?: RegExp): string[] {
    return this.array(key).map((v, i) => {
      if (typeof v !== 'string' || (pattern !== undefined && !pattern.test(v))) this.fail('invalid string item', `${key}[${i}]`);
      return v;
    });
  }

  optStrArr(key: string, pattern?: RegExp): string[] | undefined {
    return this.has(key) ? this.strArr(key, pattern) : undefined;
  }

  bool(key: string): boolean {
    const v = this.value[key];
    if (typeof v !== 'boolean') this.fail('missing or not a boolean', key);
    return v;
  }

  /** Basis points: integer in [0, 10000], i.e. a rate in [0, 1]. */
  bp(key: string): number {
    const v = this.value[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 10000)
      this.fail('rate must be integer basis points in [0, 10000]', key);
    return v;
  }

  bpOrNull(key: string): number | null {
    return this.value[key] === null ? null : this.bp(key);
  }

  oneOf<T extends string>(key: string, allowed: readonly T[]): T {
    const v = this.value[key];
    const hit = allowed.find((a) => a === v);
    if (hit === undefined) this.fail(`must be one of ${allowed.join(', ')}`, key);
    return hit;
  }

  date(key: string): string {
    const v = this.str(key);
    if (!ISO_DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
      this.fail('not a valid ISO date YYYY-MM-DD', key);
    }
    return v;
  }

  hs(key: string): string {
    const v = this.value[key];
    if (typeof v !== 'string' || !HS_PREFIX.test(v)) this.fail('HS prefix must be 0-10 digits', key);
    return v;
  }

  money(key: string): Money {
    const m = this.child(key);
    m.only(['amount', 'currency']);
    const amount = m.str('amount');
    const currency = m.str('currency');
    if (!DECIMAL.test(amount)) m.fail('amount must be a non-negative decimal string', 'amount');
    if (!CURRENCY.test(currency)) m.fail('currency must be an ISO 4217 code', 'currency');
    return { amount, currency };
  }

  optMoney(key: string): Money | undefined {
    return this.has(key) ? this.money(key) : undefined;
  }

  moneyOrNull(key: string): Money | null {
    if (this.value[key] === null) return null;
    return this.money(key);
  }
}

function asObject(file: string, path: string, v: unknown): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error(`${file}: ${path}: missing or not an object`);
  // Narrowed to a plain object above; JSON objects are string-keyed records.
  return v as Record<string, unknown>;
}

const BASE_KEYS = ['id', 'validFrom', 'validTo', 'source', 'note'] as const;

function source(r: Reader): Source {
  const s = r.child('source');
  s.only(['title', 'url', 'note']);
  const url = s.str('url');
  if (!/^https?:\/\/\S+$/.test(url)) s.fail('must be an http(s) URL', 'url');
  const note = s.optStr('note');
  return { title: s.str('title'), url, ...(note !== undefined ? { note } : {}) };
}

/** Common fields; enforces validTo >= validFrom (validTo is the inclusive last day). */
export function ruleBase(r: Reader): RuleBase {
  const validFrom = r.date('validFrom');
  const validTo = r.has('validTo') ? r.date('validTo') : undefined;
  if (validTo !== undefined && validTo < validFrom) r.fail(`validTo ${validTo} is before validFrom ${validFrom}`, 'validTo');
  const note = r.optStr('note');
  return {
    id: r.str('id'),
    validFrom,
    ...(validTo !== undefined ? { validTo } : {}),
    source: source(r),
    ...(note !== undefined ? { note } : {}),
  };
}

function origins(r: Reader): OriginFilter | undefined {
  if (!r.has('origins')) return undefined;
  const o = r.child('origins');
  o.only(['include', 'exclude', 'note']);
  const include = o.optStrArr('include', /^[A-Z]{2}$/);
  const exclude = o.optStrArr('exclude', /^[A-Z]{2}$/);
  const note = o.optStr('note');
  return { ...(include ? { include } : {}), ...(exclude ? { exclude } : {}), ...(note !== undefined ? { note } : {}) };
}

function valuation(r: Reader): ValuationRule {
  r.only([...BASE_KEYS, 'basis', 'dutyInTaxBase', 'freightInTaxBase', 'thresholdCurrency']);
  const thresholdCurrency = r.str('thresholdCurrency');
  if (!CURRENCY.test(thresholdCurrency)) r.fail('must be an ISO 4217 code', 'thresholdCurrency');
  return {
    ...ruleBase(r),
    basis: r.oneOf('basis', ['CIF', 'FOB'] as const),
    dutyInTaxBase: r.bool('dutyInTaxBase'),
    freightInTaxBase: r.bool('freightInTaxBase'),
    thresholdCurrency,
  };
}

function tax(r: Reader): TaxRule {
  r.only([...BASE_KEYS, 'kind', 'scope', 'rateBp', 'computation', 'hsPrefixes', 'regions']);
  const scope = r.oneOf('scope', ['standard', 'reduced'] as const);
  const hsPrefixes = r.optStrArr('hsPrefixes', /^\d{2,10}$/);
  if (scope === 'reduced' && hsPrefixes === undefined) r.fail('a reduced rate must list the HS prefixes it applies to', 'hsPrefixes');
  const regions = r.optStrArr('regions');
  return {
    ...ruleBase(r),
    kind: r.oneOf('kind', ['VAT', 'GST', 'CONSUMPTION_TAX', 'SALES_TAX', 'IGST', 'ICMS', 'IVA'] as const),
    scope,
    rateBp: r.bp('rateBp'),
    computation: r.oneOf('computation', ['on-top', 'gross-up'] as const),
    ...(hsPrefixes ? { hsPrefixes } : {}),
    ...(regions ? { regions } : {}),
  };
}

function deMinimis(r: Reader): DeMinimisRule {
  r.only([...BASE_KEYS, 'appliesTo', 'threshold', 'comparison', 'valueBasis', 'channel', 'origins', 'excludedHsPrefixes']);
  const o = origins(r);
  const excludedHsPrefixes = r.optStrArr('excludedHsPrefixes', /^\d{2,10}$/);
  return {
    ...ruleBase(r),
    appliesTo: r.oneOf('appliesTo', ['duty', 'tax', 'duty-and-tax'] as const),
    threshold: r.moneyOrNull('threshold'),
    comparison: r.oneOf('comparison', ['lte', 'lt'] as const),
    valueBasis: r.oneOf('valueBasis', ['intrinsic', 'customs-value', 'goods-price', 'value-for-duty'] as const),
    channel: r.oneOf('channel', ['any', 'courier', 'post', 'air-or-post'] as const),
    ...(o ? { origins: o } : {}),
    ...(excludedHsPrefixes ? { excludedHsPrefixes } : {}),
  };
}

function bands(r: Reader): BandedRate[] {
  const out = r.items('bands').map((b): BandedRate => {
    b.only(['upTo', 'rateBp', 'deduction']);
    const deduction = b.optMoney('deduction');
    return { upTo: b.money('upTo'), rateBp: b.bp('rateBp'), ...(deduction ? { deduction } : {}) };
  });
  if (out.length === 0) r.fail('needs at least one band', 'bands');
  // Bands are searched in order, so they must ascend and share one currency.
  out.reduce((prev, cur, i) => {
    if (cur.upTo.currency !== prev.upTo.currency) r.fail('bands must share one currency', `bands[${i}]`);
    if (Number(cur.upTo.amount) <= Number(prev.upTo.amount)) r.fail('band upper bounds must ascend', `bands[${i}]`);
    return cur;
  });
  return out;
}

function special(r: Reader): SpecialRegime {
  const common = [...BASE_KEYS, 'kind', 'origins', 'condition'];
  const kind = r.oneOf('kind', [
    'collectedAtSale',
    'flatDutyPerLine',
    'bandedFlatRate',
    'crossBorderRetail',
    'personalUseValuation',
    'personalImportTariff',
  ] as const);
  const o = origins(r);
  const base = { ...ruleBase(r), ...(o ? { origins: o } : {}), condition: r.str('condition') };
  switch (kind) {
    case 'collectedAtSale':
      r.only([...common, 'maxValue', 'valueBasis', 'rateBp']);
      return {
        ...base,
        kind,
        maxValue: r.money('maxValue'),
        valueBasis: r.oneOf('valueBasis', ['intrinsic', 'goods-price', 'customs-value'] as const),
        rateBp: r.bpOrNull('rateBp'),
      };
    case 'flatDutyPerLine':
      r.only([...common, 'amountPerLine', 'maxConsignmentValue', 'lineKey']);
      return {
        ...base,
        kind,
        amountPerLine: r.money('amountPerLine'),
        maxConsignmentValue: r.money('maxConsignmentValue'),
        lineKey: r.oneOf('lineKey', ['tariff-subheading'] as const),
      };
    case 'bandedFlatRate': {
      r.only([...common, 'replaces', 'bands']);
      const replaces = r
        .strArr('replaces')
        .map((x, i) => (x === 'duty' || x === 'tax' ? x : r.fail('must be duty or tax', `replaces[${i}]`)));
      return { ...base, kind, replaces, bands: bands(r) };
    }
    case 'crossBorderRetail':
      r.only([...common, 'singleTransactionLimit', 'annualLimit', 'dutyRateBp', 'taxFactorBp']);
      return {
        ...base,
        kind,
        singleTransactionLimit: r.money('singleTransactionLimit'),
        annualLimit: r.money('annualLimit'),
        dutyRateBp: r.bp('dutyRateBp'),
        taxFactorBp: r.bp('taxFactorBp'),
      };
    case 'personalUseValuation':
      r.only([...common, 'factorBp']);
      return { ...base, kind, factorBp: r.bp('factorBp') };
    case 'personalImportTariff':
      r.only([...common, 'hsHeading', 'rateBp']);
      return { ...base, kind, hsHeading: r.hs('hsHeading'), rateBp: r.bp('rateBp') };
  }
}

function additionalDuty(r: Reader): AdditionalDutyRule {
  r.only([...BASE_KEYS, 'rateBp', 'origins', 'stacking']);
  const o = origins(r);
  return {
    ...ruleBase(r),
    rateBp: r.bp('rateBp'),
    ...(o ? { origins: o } : {}),
    stacking: r.oneOf('stacking', ['on-top-of-mfn'] as const),
  };
}

function fee(r: Reader): FeeRule {
  r.only([...BASE_KEYS, 'amount', 'per', 'maxConsignmentValue', 'payer']);
  const max = r.optMoney('maxConsignmentValue');
  return {
    ...ruleBase(r),
    amount: r.money('amount'),
    per: r.oneOf('per', ['consignment', 'tariff-line'] as const),
    ...(max ? { maxConsignmentValue: max } : {}),
    payer: r.str('payer'),
  };
}

export function parseDestinationFile(file: string, json: unknown): DestinationFile {
  const r = Reader.root(file, json);
  r.only([
    'destination',
    'name',
    'union',
    'dutyTable',
    'valuation',
    'taxes',
    'deMinimis',
    'specialRegimes',
    'additionalDuties',
    'fees',
    'notes',
  ]);
  const union = r.optStr('union');
  const dutyTable = r.optStr('dutyTable');
  const notes = r.optStrArr('notes');
  if (union === undefined && dutyTable === undefined) r.fail('a destination without a union must name its dutyTable', 'dutyTable');
  return {
    destination: r.str('destination'),
    name: r.str('name'),
    ...(union !== undefined ? { union } : {}),
    ...(dutyTable !== undefined ? { dutyTable } : {}),
    valuation: r.items('valuation').map(valuation),
    taxes: r.items('taxes').map(tax),
    deMinimis: r.items('deMinimis').map(deMinimis),
    specialRegimes: r.items('specialRegimes').map(special),
    additionalDuties: r.items('additionalDuties').map(additionalDuty),
    fees: r.items('fees').map(fee),
    ...(notes ? { notes } : {}),
  };
}

export function parseDutyRateTable(file: string, json: unknown): DutyRateTable {
  const r = Reader.root(file, json);
  r.only(['table', 'appliesTo', 'defaults', 'rates']);
  const defaults = r.items('defaults').map((d): DutyRateDefault => {
    d.only([...BASE_KEYS, 'rateBp', 'assumption']);
    if (d.bool('assumption') !== true) d.fail('a default rate must be flagged as an assumption', 'assumption');
    return { ...ruleBase(d), rateBp: d.bp('rateBp'), assumption: true };
  });
  if (defaults.length === 0) r.fail('needs an explicit default rate', 'defaults');
  const rates = r.items('rates').map((d): DutyRate => {
    d.only([...BASE_KEYS, 'hsPrefix', 'description', 'rateBp', 'basis']);
    const hsPrefix = d.hs('hsPrefix');
    if (hsPrefix.length < 2) d.fail('duty rate prefix needs at least 2 digits', 'hsPrefix');
    return {
      ...ruleBase(d),
      hsPrefix,
      description: d.str('description'),
      rateBp: d.bp('rateBp'),
      basis: d.oneOf('basis', ['verified', 'knowledge', 'unverified'] as const),
    };
  });
  return { table: r.str('table'), appliesTo: r.strArr('appliesTo', /^[A-Z]{2}$/), defaults, rates };
}

export function parseAgreementsFile(file: string, json: unknown): AgreementsFile {
  const r = Reader.root(file, json);
  r.only(['agreements']);
  const agreements = r.items('agreements').map((a): Agreement => {
    a.only([...BASE_KEYS, 'name', 'members', 'preferentialRates']);
    const members = a.items('members').map((m): AgreementMember => {
      m.only(['country', 'validFrom', 'validTo', 'note']);
      const validFrom = m.date('validFrom');
      const validTo = m.has('validTo') ? m.date('validTo') : undefined;
      if (validTo !== undefined && validTo < validFrom) m.fail('validTo is before validFrom', 'validTo');
      const note = m.optStr('note');
      return {
        country: m.str('country'),
        validFrom,
        ...(validTo !== undefined ? { validTo } : {}),
        ...(note !== undefined ? { note } : {}),
      };
    });
    if (members.length < 2) a.fail('an agreement needs at least two members', 'members');
    const preferentialRates = a.items('preferentialRates').map((p): PreferentialRate => {
      p.only([...BASE_KEYS, 'importer', 'hsPrefix', 'rateBp']);
      const importer = p.str('importer');
      if (importer !== '*' && !members.some((m) => m.country === importer)) p.fail(`importer ${importer} is not a member`, 'importer');
      return { ...ruleBase(p), importer, hsPrefix: p.hs('hsPrefix'), rateBp: p.bp('rateBp') };
    });
    return { ...ruleBase(a), name: a.str('name'), members, preferentialRates };
  });
  return { agreements };
}

export interface LocatedRule {
  file: string;
  rule: RuleBase;
}

/** The same id may recur for successive periods (e.g. a VAT rate change) but never overlap. */
export function assertNoOverlaps(rules: readonly LocatedRule[]): void {
  const byId = new Map<string, LocatedRule[]>();
  for (const r of rules) byId.set(r.rule.id, [...(byId.get(r.rule.id) ?? []), r]);
  for (const [id, list] of byId) {
    const sorted = [...list].sort((a, b) => a.rule.validFrom.localeCompare(b.rule.validFrom));
    for (let i = 1; i < sorted.length; i++) {
      const prev = sorted[i - 1];
      const cur = sorted[i];
      if (prev === undefined || cur === undefined) continue;
      if (prev.rule.validTo === undefined || prev.rule.validTo >= cur.rule.validFrom) {
        throw new Error(
          `${cur.file}: rule ${id}: effective period from ${cur.rule.validFrom} overlaps the one from ${prev.rule.validFrom} (${prev.file})`,
        );
      }
    }
  }
}
