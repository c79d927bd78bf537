import type { Money } from '#packages/money/index.js';
import type { AppliedRestriction } from '#packages/restrictions/index.js';
import type {
  CarrierInfo,
  CustomsDocumentRecord,
  DayRange,
  Incoterm,
  ShippingMode,
  TrackingEventRecord,
  TrackingLevel,
} from './adapters/ports.js';
import type { TrackingSummary } from './booking/summarizeTracking.js';
import type { ConsignmentClassification } from './shipping/readHsClassification.js';

/**
 * What resolvers hand to each other (codegen `mappers`), so the generated resolver types check
 * the hand-over.
 */

/**
 * An offer as the gateway hands it over: its key plus the `@requires` fields, exactly as the
 * catalog wrote them. Checked only when a field needs them (`readOfferFacts`), because which
 * fields arrive depends on which of our fields the query asked for.
 */
export type OfferModel = { readonly id: string } & Readonly<Record<string, unknown>>;
export type MoneyModel = Money;
export type CarrierModel = CarrierInfo;

export interface ConsignmentModel extends ConsignmentClassification {
  readonly originCountry: string;
  readonly destinationCountry: string;
  readonly quantity: number;
  /** Unit price × quantity, in the seller's currency. */
  readonly goodsValue: Money;
  /** Unit weight × quantity: the goods, as customs weighs them. */
  readonly weightGrams: number;
  readonly alreadyImported: boolean;
  // How it travels, for customs and payments.
  /** The buyer's ISO 3166-2 subdivision, when `to` named one. */
  readonly destinationRegion: string | null;
  /** How customs sees the shipment; null when no border is crossed at delivery. */
  readonly customsMode: CustomsMode | null;
  readonly containsLithiumBattery: boolean;
  /** A two-leg line's last mile: transport after the place of entry. */
  readonly postBorderTransport: Money | null;
  readonly carrierFees: readonly CarrierFeeModel[];
}

export type CustomsMode = 'POSTAL' | 'EXPRESS' | 'FREIGHT';

/** A carrier's clearance or disbursement fee at the destination, from its published table. */
export interface CarrierFeeModel {
  readonly carrier: string;
  readonly name: string;
  readonly kind: 'CLEARANCE' | 'DISBURSEMENT';
  readonly fixed: Money;
  readonly rateBp: number;
  readonly minimum: Money | null;
  readonly source: string;
}

export interface ShippingLegModel {
  readonly carrier: CarrierInfo;
  /** The leg's service as its carrier markets it. */
  readonly serviceName: string;
  readonly mode: ShippingMode;
  readonly from: string;
  readonly to: string;
  readonly cost: Money;
  readonly transitDays: DayRange;
}

export interface ShippingOptionModel {
  readonly id: string;
  readonly offer: OfferModel;
  readonly mode: ShippingMode;
  readonly carrier: CarrierInfo;
  /** What the buyer tells the options apart by: the carrier's name for the service, both legs' for a dedicated line. */
  readonly serviceName: string;
  readonly cost: Money;
  readonly transitDays: DayRange;
  readonly trackingLevel: TrackingLevel;
  readonly incoterms: readonly Incoterm[];
  readonly legs: readonly ShippingLegModel[];
  readonly consignment: ConsignmentModel;
  readonly costBreakdown: string;
  /** The CONDITIONAL restrictions the option ships under (a PROHIBITED one removes the option). */
  readonly restrictions: readonly RestrictionModel[];
}

/** A restriction as the API gives it, with the customs modes it was found for. */
export interface RestrictionModel extends AppliedRestriction {
  readonly modes: readonly CustomsMode[];
}

export interface ShippingRestrictionModel {
  readonly carrier: CarrierInfo;
  readonly mode: ShippingMode;
  readonly reason: string;
  /** The legal rule behind the refusal; null when the carrier itself refuses. */
  readonly restriction: RestrictionModel | null;
}

/** A booked label, as the shipment id records it. */
export interface ShipmentLabelModel {
  readonly carrier: CarrierInfo;
  readonly trackingNumber: string;
  readonly mode: ShippingMode;
  readonly from: string;
  readonly to: string;
}

/** A shipment is its id and the labels it names; tracking and customs data are read from the carriers. */
export interface ShipmentModel {
  readonly id: string;
  readonly labels: readonly ShipmentLabelModel[];
}

export type TrackingModel = TrackingSummary;
export type TrackingEventModel = TrackingEventRecord;
export type CustomsDocumentModel = CustomsDocumentRecord;
