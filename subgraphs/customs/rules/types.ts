// The shapes of the JSON rule files, inferred from their zod schemas (`schema/`): the schemas are
// the one description of the data, so the types cannot drift from what is validated.
import type { z } from 'zod';
import type {
  deMinimisRule,
  domesticSaleRule,
  exchangeRateRule,
  roundingRule,
  roundingStep,
  taxRule,
  valuationRule,
} from './schema/destinationRules.js';
import type { money, originFilter, source } from './schema/ruleBase.js';
import type {
  agreement,
  agreementMember,
  agreementsFile,
  destinationFile,
  dutyRate,
  dutyRateDefault,
  dutyRateTable,
  preferentialRate,
} from './schema/ruleFiles.js';
import type { exciseRule } from './schema/exciseRule.js';
import type { returnReason, returnReliefRule } from './schema/returnReliefRule.js';
import type { additionalDutyRule, bandedRate, dutySurchargeRule, feeRule, specialRegime } from './schema/specialRegimes.js';

export type IsoDate = string;
export type CountryCode = string;
export type Source = z.output<typeof source>;
export type Money = z.output<typeof money>;
export type OriginFilter = z.output<typeof originFilter>;

/** Every rule object carries identity, an effective period and a citation. */
export interface RuleBase {
  id: string;
  validFrom: IsoDate;
  validTo?: IsoDate | undefined;
  source: Source;
  note?: string | undefined;
}

export type ValuationRule = z.output<typeof valuationRule>;
export type TaxRule = z.output<typeof taxRule>;
export type TaxKind = TaxRule['kind'];
export type DeMinimisRule = z.output<typeof deMinimisRule>;
export type RoundingRule = z.output<typeof roundingRule>;
export type RoundingStep = z.output<typeof roundingStep>;
export type ExchangeRateRule = z.output<typeof exchangeRateRule>;
export type DomesticSaleRule = z.output<typeof domesticSaleRule>;
export type ReturnReliefRule = z.output<typeof returnReliefRule>;
export type ReturnReason = z.output<typeof returnReason>;
export type BandedRate = z.output<typeof bandedRate>;
export type SpecialRegime = z.output<typeof specialRegime>;
export type CollectedAtSaleRegime = Extract<SpecialRegime, { kind: 'collectedAtSale' }>;
export type FlatDutyPerLineRegime = Extract<SpecialRegime, { kind: 'flatDutyPerLine' }>;
export type BandedFlatRateRegime = Extract<SpecialRegime, { kind: 'bandedFlatRate' }>;
export type CrossBorderRetailRegime = Extract<SpecialRegime, { kind: 'crossBorderRetail' }>;
export type PersonalUseValuationRegime = Extract<SpecialRegime, { kind: 'personalUseValuation' }>;
export type PersonalImportTariffRegime = Extract<SpecialRegime, { kind: 'personalImportTariff' }>;
export type AdditionalDutyRule = z.output<typeof additionalDutyRule>;
export type DutySurchargeRule = z.output<typeof dutySurchargeRule>;
export type FeeRule = z.output<typeof feeRule>;
export type ExciseRule = z.output<typeof exciseRule>;
export type DestinationFile = z.output<typeof destinationFile>;
export type DutyRate = z.output<typeof dutyRate>;
export type DutyRateDefault = z.output<typeof dutyRateDefault>;
export type DutyRateTable = z.output<typeof dutyRateTable>;
export type AgreementMember = z.output<typeof agreementMember>;
export type PreferentialRate = z.output<typeof preferentialRate>;
export type Agreement = z.output<typeof agreement>;
export type AgreementsFile = z.output<typeof agreementsFile>;
export type Channel = DeMinimisRule['channel'];
