import type { Money } from '#packages/money/index.js';
import type { ConsignmentRestriction } from './importCharges/findRestrictions.js';
import type { ChargeLine, CustomsDeclaration, ImportCharges, LineRate } from './importCharges/types.js';

/**
 * What resolvers hand to each other (codegen `mappers`): the engine's own types, money in integer
 * minor units until the `Money.amount` resolver writes it as a decimal string.
 */
export type MoneyModel = Money;
export type ChargeLineModel = ChargeLine;
export type AppliedExchangeRateModel = LineRate;
/** The charges, and what restricts the goods on that lane and mode (`ImportCharges.restrictions`). */
export type ImportChargesModel = Omit<ImportCharges, 'declaration'> & {
  readonly restrictions: readonly ConsignmentRestriction[];
  readonly declaration: CustomsDeclarationModel | null;
};
export type RestrictionModel = ConsignmentRestriction;
/** `ShippingOption.quoteBasis`: what payments' landed cost reads of an option and its charges. */
export interface QuoteBasisModel {
  readonly originCountry: string;
  readonly destinationCountry: string;
  readonly region: string | null;
  readonly goodsValue: Money;
  readonly cost: Money;
  readonly transitDays: { readonly min: number; readonly max: number };
  readonly deMinimisApplied: boolean;
  readonly rulesDate: string;
  readonly hsCodeNote: string | null;
  readonly charges: readonly ChargeLine[];
  readonly customsValue: Money | null;
  readonly valuationBasis: 'CIF' | 'FOB' | null;
  readonly productIdentifiersRequired: boolean;
}
/** `ImportCharges.declaration`: the valuation's facts and the requirements in force for the lane. */
export type CustomsDeclarationModel = CustomsDeclaration & { readonly requirements: readonly DeclarationRequirementModel[] };
export interface DeclarationRequirementModel {
  readonly rule: string;
  readonly fields: readonly string[];
  readonly reason: string;
  readonly source: string;
  readonly sourceStatus: 'VERIFIED' | 'KNOWLEDGE' | 'UNVERIFIED';
}

/** Money as it arrives in a representation: JSON, a decimal string. */
export interface MoneyRepresentation {
  readonly amount: string;
  readonly currency: string;
}

/**
 * A `ShippingOption` as the router sends it to `_entities`: the key and the `@requires` fields,
 * filled by logistics. Typed as optional because a representation is untrusted JSON.
 */
export interface ShippingOptionRepresentation {
  readonly id: string;
  readonly cost?: MoneyRepresentation;
  /** Sent for `quoteBasis` only. */
  readonly transitDays?: { readonly min: number; readonly max: number };
  readonly consignment?: {
    readonly originCountry: string;
    readonly destinationCountry: string;
    readonly hsCode?: string | null;
    /** Absent from representations sent by callers that predate classification: read as the seller's code. */
    readonly hsCodeStatus?: string | null;
    readonly hsCodeConfidence?: number | null;
    readonly rejectedHsCode?: string | null;
    readonly quantity: number;
    readonly goodsValue: MoneyRepresentation;
    readonly alreadyImported: boolean;
    readonly destinationRegion?: string | null;
    readonly customsMode?: 'POSTAL' | 'EXPRESS' | 'FREIGHT' | null;
    /** Absent from representations sent by callers that predate restrictions: read as false. */
    readonly containsLithiumBattery?: boolean | null;
    readonly postBorderTransport?: MoneyRepresentation | null;
    readonly carrierFees?: ReadonlyArray<{
      readonly carrier: string;
      readonly name: string;
      readonly kind: string;
      readonly fixed: MoneyRepresentation;
      readonly rateBp: number;
      readonly minimum?: MoneyRepresentation | null;
      readonly source: string;
    }>;
  };
}
