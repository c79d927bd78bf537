import type { Setting } from '#packages/config/index.js';
import type { Logger } from '#packages/log/index.js';
import type { Money } from '#packages/money/index.js';

/** How a parcel travels (the SDL's `ShippingMode`). */
export type ShippingMode = 'POSTAL' | 'EXPRESS' | 'DEDICATED_LINE' | 'OVERSEAS_WAREHOUSE' | 'DOMESTIC';
export type TrackingLevel = 'NONE' | 'BASIC' | 'FULL';
/** Incoterms 2020 rules: who pays import charges at the border. */
export type Incoterm = 'DDP' | 'DAP';

export interface DayRange {
  readonly min: number;
  readonly max: number;
}

export interface CarrierInfo {
  /** Our id for the carrier; also its adapter folder and its sandbox's id. */
  readonly id: string;
  readonly name: string;
  readonly modes: readonly ShippingMode[];
}

/**
 * Which part of a journey a carrier quotes, so the subgraph knows whom to ask for what:
 * - `door-to-door`: crosses the border and delivers (posts, integrators);
 * - `line-haul`: consolidated freight to a hub in the destination country, no delivery;
 * - `last-mile`: delivery inside one country (after a line haul, from an overseas warehouse, domestic).
 */
export type CarrierRole = 'door-to-door' | 'line-haul' | 'last-mile';

/** One parcel on one lane, in our units. For a last-mile leg `from` equals `to`. */
export interface RateRequest {
  readonly from: string;
  readonly to: string;
  readonly weightGrams: number;
  /** Outer box, longest side first; undefined when the seller never measured. */
  readonly dimensionsCm: readonly [number, number, number] | undefined;
  readonly containsLithiumBattery: boolean;
}

/** A price for one service of the carrier. */
export interface RateQuote {
  /** The carrier's own service code, e.g. `EXPRESS_WORLDWIDE`. */
  readonly service: string;
  /** The service as the carrier markets it, e.g. `Express Global Worldwide`: what tells a buyer the options apart. */
  readonly serviceName: string;
  readonly mode: ShippingMode;
  readonly cost: Money;
  readonly transitDays: DayRange;
  readonly trackingLevel: TrackingLevel;
  readonly incoterms: readonly Incoterm[];
  /** How the carrier made the price: rate card, zone, band, chargeable weight, surcharges. */
  readonly breakdown: string;
}

/** Why the carrier will not carry this parcel (weight, size, lane, goods), in words for people. */
export interface RateRefusal {
  readonly mode: ShippingMode;
  readonly reason: string;
}

/** Everything the carrier says about one request: a quote per service it offers, or refusals. */
export interface RateAnswer {
  readonly quotes: readonly RateQuote[];
  readonly refusals: readonly RateRefusal[];
}

/** One tracking vocabulary for every carrier (the SDL's `TrackingStatus`). */
export type TrackingStatus =
  'LABEL_CREATED' | 'PICKED_UP' | 'IN_TRANSIT' | 'AT_HUB' | 'CUSTOMS' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'EXCEPTION' | 'CANCELLED';

export interface PostalAddress {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
  readonly phone?: string;
  readonly email?: string;
}

/** What is in the parcel, as customs documents declare it. */
export interface LabelGoods {
  readonly description: string;
  readonly hsCode: string | undefined;
  readonly originCountry: string;
  readonly quantity: number;
  /** Value of all units, in the seller's currency. */
  readonly value: Money;
  /** The customs value in the destination's rules, when the booking gave it. */
  readonly customsValue: CustomsValue | undefined;
  /** The EU's product identifiers for low-value consignments, when the booking gave them. */
  readonly productIdentifiers: ProductIdentifiers | undefined;
}

/** How a destination values goods for customs: with transport and insurance (CIF) or goods alone (FOB). */
export type ValuationBasis = 'CIF' | 'FOB';

/** The customs value of all units on the destination's basis, in its currency. */
export interface CustomsValue {
  readonly value: Money;
  readonly basis: ValuationBasis;
}

/** The product identifiers an EU low-value consignment declares from 1 November 2026. */
export interface ProductIdentifiers {
  /** The merchant's own product id (M-PID). */
  readonly merchantProductId: string;
  /** A non-standardised id (NS-PID), e.g. a SKU. */
  readonly nonStandardisedId: string | undefined;
  /** A standardised id (S-PID) such as a GTIN. */
  readonly standardisedId: string | undefined;
}

export interface LabelRequest {
  /** The carrier's own service code, as the shipping option quoted it. */
  readonly service: string;
  readonly from: PostalAddress;
  readonly to: PostalAddress;
  readonly weightGrams: number;
  readonly goods: LabelGoods;
  /** The seller's IOSS number, given only where it applies (imports into the EU). */
  readonly iossNumber: string | undefined;
  /** For a last mile after a line haul: the leg that hands the parcel over. */
  readonly handover: { readonly carrierId: string; readonly trackingNumber: string } | undefined;
  /** Sent to the carrier in its own way: the same key never books a second label. */
  readonly idempotencyKey: string;
}

/**
 * A return label: the buyer's parcel back to the seller, on the reverse lane of the label it came
 * on (`returnOf`, which may be another carrier's). No IOSS and no hand-over: a return is one label,
 * door to door, declared for export as a return.
 */
export interface ReturnLabelRequest extends Omit<LabelRequest, 'iossNumber' | 'handover'> {
  readonly returnOf: { readonly carrierId: string; readonly trackingNumber: string };
  /** Why the goods go back, as the customs invoice states it. */
  readonly reason: string;
}

export interface LabelRecord {
  readonly trackingNumber: string;
  readonly service: string;
  /** Where this carrier hands the parcel on (a line haul's hub), when it does not deliver itself. */
  readonly handoverAddress: PostalAddress | undefined;
}

export interface CancelLabelRequest {
  readonly trackingNumber: string;
  readonly idempotencyKey: string;
}

export type CustomsDocumentKind = 'CN22' | 'CN23' | 'COMMERCIAL_INVOICE';

/** The customs data a carrier filed with the parcel: postal CN22/CN23, or a commercial invoice. */
export interface CustomsDocumentRecord {
  readonly kind: CustomsDocumentKind;
  readonly hsCode: string | undefined;
  readonly originCountry: string;
  readonly value: Money;
  readonly customsValue: Money | undefined;
  readonly valuationBasis: ValuationBasis | undefined;
  readonly productIdentifiers: ProductIdentifiers | undefined;
  readonly iossNumber: string | undefined;
}

export interface TrackingEventRecord {
  /** ISO 8601. */
  readonly at: string;
  readonly status: TrackingStatus;
  /** The carrier's own words for the event. */
  readonly description: string;
  readonly location: string | undefined;
}

/** What a carrier says about one of its labels now. */
export interface ParcelRecord {
  readonly trackingNumber: string;
  readonly cancelled: boolean;
  /** Oldest first. */
  readonly events: readonly TrackingEventRecord[];
  readonly customsDocuments: readonly CustomsDocumentRecord[];
}

/**
 * A carrier, as logistics needs it. `quote` answers many requests in as few vendor calls as the
 * vendor's batch limit allows (one, for any page of offers): one answer per request, in request
 * order. A refusal is an answer, not an error; an `Error` in the list fails only its request.
 * When the whole call fails it throws an `UpstreamError`.
 *
 * Booking: `createLabel` and `cancelLabel` carry an idempotency key the carrier honours, so they
 * are retried like reads; a refusal is a `CarrierRefusal`. `track` reads many labels in as few
 * calls as the vendor allows, one answer (or `Error`) per tracking number, in order.
 */
export interface CarrierAdapter {
  readonly carrier: CarrierInfo;
  readonly role: CarrierRole;
  quote(requests: readonly RateRequest[], signal?: AbortSignal): Promise<Array<RateAnswer | Error>>;
  createLabel(request: LabelRequest, signal?: AbortSignal): Promise<LabelRecord>;
  /** Cancels a label before pickup; cancelling a cancelled one again is harmless. */
  cancelLabel(request: CancelLabelRequest, signal?: AbortSignal): Promise<void>;
  /**
   * Books a return label (the carrier's returns product), idempotent by key like `createLabel`.
   * Optional: a carrier without a returns product leaves it out and is never offered for returns.
   */
  createReturnLabel?(request: ReturnLabelRequest, signal?: AbortSignal): Promise<LabelRecord>;
  track(trackingNumbers: readonly string[], signal?: AbortSignal): Promise<Array<ParcelRecord | Error>>;
  /**
   * The carrier's published clearance and disbursement fees, for carriers that clear parcels
   * through customs (door-to-door and line-haul); a last-mile carrier has none.
   */
  clearanceFees?(signal?: AbortSignal): Promise<ClearanceFeeTable>;
  close(): Promise<void>;
}

/** A carrier's fee for clearing a parcel at one destination, in that destination's currency. */
export interface ClearanceFee {
  readonly country: string;
  /** The carrier's own name for the fee. */
  readonly name: string;
  readonly kind: 'CLEARANCE' | 'DISBURSEMENT';
  readonly fixed: Money;
  /** Share of the duties and taxes advanced, in basis points. */
  readonly rateBp: number;
  readonly minimum: Money | undefined;
}

/** The carrier's published clearance fee table, as read. */
export interface ClearanceFeeTable {
  readonly carrier: string;
  /** The table's version and where it was read, cited on every fee line. */
  readonly source: string;
  readonly fees: readonly ClearanceFee[];
}

/** The booking half alone, which each adapter builds in its own file next to its rates. */
export type CarrierLabels = Pick<CarrierAdapter, 'createLabel' | 'cancelLabel' | 'createReturnLabel' | 'track'>;

/** What each adapter folder exports: its settings and how to build it from them. */
export interface CarrierAdapterModule<S extends Record<string, Setting<unknown>>> {
  readonly id: string;
  readonly settings: S;
  create(
    config: { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never },
    context: { logger: Logger; upstreamTimeoutMs: number },
  ): CarrierAdapter;
}
