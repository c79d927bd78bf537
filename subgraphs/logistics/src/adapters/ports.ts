import type { Setting } from '../../../../packages/config/index.js';
import type { Logger } from '../../../../packages/log/index.js';
import type { Money } from '../../../../packages/money/index.js';

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

/**
 * A carrier, as logistics needs it. `quote` answers many requests in as few vendor calls as the
 * vendor's batch limit allows (one, for any page of offers): one answer per request, in request
 * order. A refusal is an answer, not an error; an `Error` in the list fails only its request.
 * When the whole call fails it throws an `UpstreamError`.
 */
export interface CarrierAdapter {
  readonly carrier: CarrierInfo;
  readonly role: CarrierRole;
  quote(requests: readonly RateRequest[], signal?: AbortSignal): Promise<Array<RateAnswer | Error>>;
  close(): Promise<void>;
}

/** What each adapter folder exports: its settings and how to build it from them. */
export interface CarrierAdapterModule<S extends Record<string, Setting<unknown>>> {
  readonly id: string;
  readonly settings: S;
  create(
    config: { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never },
    context: { logger: Logger; upstreamTimeoutMs: number },
  ): CarrierAdapter;
}
