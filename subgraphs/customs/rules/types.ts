// Types describing exactly the JSON shapes under subgraphs/customs/rules/.
// Conventions (enforced by validate.ts at load time):
// - dates are ISO calendar dates "YYYY-MM-DD"; `validTo` is INCLUSIVE (last day in force);
// - rates are integer basis points (1900 = 19 %), never floats;
// - money is a decimal string plus ISO 4217 code, compared in the regulator's currency;
// - HS prefixes are digits only (2 to 10), matched by longest prefix.

export type IsoDate = string;
export type BasisPoints = number;
export type CountryCode = string;

export interface Source {
  title: string;
  url: string;
  note?: string;
}

export interface Money {
  amount: string;
  currency: string;
}

/** Every rule object carries identity, an effective period and a citation. */
export interface RuleBase {
  id: string;
  validFrom: IsoDate;
  validTo?: IsoDate;
  source: Source;
  note?: string;
}

/** Restricts a rule to goods shipped from / originating in some countries. */
export interface OriginFilter {
  include?: CountryCode[];
  exclude?: CountryCode[];
  note?: string;
}

export type ValuationBasis = 'CIF' | 'FOB';

export interface ValuationRule extends RuleBase {
  basis: ValuationBasis;
  /** Whether customs duty is added to the VAT/GST base (true nearly everywhere). */
  dutyInTaxBase: boolean;
  /** Whether international freight/insurance enter the tax base even if duty is on FOB (AU). */
  freightInTaxBase: boolean;
  /** The regulator's currency: thresholds are compared after conversion into it. */
  thresholdCurrency: string;
}

export type TaxKind = 'VAT' | 'GST' | 'CONSUMPTION_TAX' | 'SALES_TAX' | 'IGST' | 'ICMS' | 'IVA';

export interface TaxRule extends RuleBase {
  kind: TaxKind;
  scope: 'standard' | 'reduced';
  rateBp: BasisPoints;
  /** 'on-top': tax = base × rate. 'gross-up' (BR ICMS "por dentro"): base / (1 − rate). */
  computation: 'on-top' | 'gross-up';
  /** Only for reduced rates: HS prefixes the rate applies to. */
  hsPrefixes?: string[];
  /** Sub-national scope (BR states, CA provinces); absent = whole country. */
  regions?: string[];
}

export type DeMinimisScope = 'duty' | 'tax' | 'duty-and-tax';

export interface DeMinimisRule extends RuleBase {
  appliesTo: DeMinimisScope;
  /** null = no de minimis (explicitly abolished or suspended) in this period. */
  threshold: Money | null;
  comparison: 'lte' | 'lt';
  /** What the threshold is compared against. */
  valueBasis: 'intrinsic' | 'customs-value' | 'goods-price' | 'value-for-duty';
  channel: 'any' | 'courier' | 'post' | 'air-or-post';
  origins?: OriginFilter;
  /** HS prefixes that never benefit (e.g. JP knitted apparel). */
  excludedHsPrefixes?: string[];
}

export interface BandedRate {
  /** Inclusive upper bound of the band, in the rule's currency. */
  upTo: Money;
  rateBp: BasisPoints;
  /** Fixed amount subtracted from the computed tax (BR "parcela a deduzir"). */
  deduction?: Money;
}

interface SpecialRegimeBase extends RuleBase {
  origins?: OriginFilter;
}

/** Tax collected by the seller/marketplace at sale; none at the border (IOSS, GB £135, AU, SG, MY). */
export interface CollectedAtSaleRegime extends SpecialRegimeBase {
  kind: 'collectedAtSale';
  maxValue: Money;
  valueBasis: 'intrinsic' | 'goods-price' | 'customs-value';
  rateBp: BasisPoints | null;
  condition: string;
}

/** Flat amount per distinct tariff line (EU €3 interim duty). */
export interface FlatDutyPerLineRegime extends SpecialRegimeBase {
  kind: 'flatDutyPerLine';
  amountPerLine: Money;
  maxConsignmentValue: Money;
  lineKey: 'tariff-subheading';
  condition: string;
}

/** Flat-rate import tax by value band (BR Remessa Conforme, MX courier "tasa global"). */
export interface BandedFlatRateRegime extends SpecialRegimeBase {
  kind: 'bandedFlatRate';
  /** Which ordinary charges the flat rate replaces. */
  replaces: ('duty' | 'tax')[];
  bands: BandedRate[];
  condition: string;
}

/** CN cross-border e-commerce retail import. */
export interface CrossBorderRetailRegime extends SpecialRegimeBase {
  kind: 'crossBorderRetail';
  singleTransactionLimit: Money;
  annualLimit: Money;
  dutyRateBp: BasisPoints;
  /** Share of the statutory VAT/consumption tax actually levied (7000 = 70 %). */
  taxFactorBp: BasisPoints;
  condition: string;
}

/** JP personal-use valuation: customs value = factor × overseas retail price. */
export interface PersonalUseValuationRegime extends SpecialRegimeBase {
  kind: 'personalUseValuation';
  factorBp: BasisPoints;
  condition: string;
}

/** IN heading 9804 single tariff rate for goods imported for personal use. */
export interface PersonalImportTariffRegime extends SpecialRegimeBase {
  kind: 'personalImportTariff';
  hsHeading: string;
  rateBp: BasisPoints;
  condition: string;
}

export type SpecialRegime =
  | CollectedAtSaleRegime
  | FlatDutyPerLineRegime
  | BandedFlatRateRegime
  | CrossBorderRetailRegime
  | PersonalUseValuationRegime
  | PersonalImportTariffRegime;

export interface AdditionalDutyRule extends RuleBase {
  rateBp: BasisPoints;
  origins?: OriginFilter;
  stacking: 'on-top-of-mfn';
}

export interface FeeRule extends RuleBase {
  amount: Money;
  per: 'consignment' | 'tariff-line';
  maxConsignmentValue?: Money;
  payer: string;
}

/** destinations/<CODE>.json — one destination regime (or the shared EU union file). */
export interface DestinationFile {
  destination: string;
  name: string;
  /** Member states point at the union file whose rules they inherit. */
  union?: string;
  /** Name of the dutyRates/<table>.json file to use; union members may inherit it. */
  dutyTable?: string;
  valuation: ValuationRule[];
  taxes: TaxRule[];
  deMinimis: DeMinimisRule[];
  specialRegimes: SpecialRegime[];
  additionalDuties: AdditionalDutyRule[];
  fees: FeeRule[];
  notes?: string[];
}

export type RateBasis = 'verified' | 'knowledge' | 'unverified';

export interface DutyRate extends RuleBase {
  hsPrefix: string;
  description: string;
  rateBp: BasisPoints;
  /** verified: confirmed during authoring against a source quoting the schedule;
   *  knowledge: authored from well-known schedule rates, not re-checked; unverified: low confidence. */
  basis: RateBasis;
}

export interface DutyRateDefault extends RuleBase {
  rateBp: BasisPoints;
  /** Always true: a default for unlisted headings is an assumption, never a fact. */
  assumption: true;
}

/** dutyRates/<table>.json — MFN ad valorem rates by HS prefix. */
export interface DutyRateTable {
  table: string;
  appliesTo: string[];
  defaults: DutyRateDefault[];
  rates: DutyRate[];
}

export interface AgreementMember {
  country: CountryCode;
  validFrom: IsoDate;
  validTo?: IsoDate;
  note?: string;
}

export interface PreferentialRate extends RuleBase {
  /** Importing party: a destination code, a union code ("EU"), or "*" for all members. */
  importer: string;
  hsPrefix: string;
  rateBp: BasisPoints;
}

export interface Agreement extends RuleBase {
  name: string;
  members: AgreementMember[];
  preferentialRates: PreferentialRate[];
}

/** agreements.json */
export interface AgreementsFile {
  agreements: Agreement[];
}
