import type { Setting } from '#packages/config/index.js';
import type { Logger } from '#packages/log/index.js';
import type { Money } from '#packages/money/index.js';

/** Continents, for people choosing where to buy from. */
export type Continent = 'AFRICA' | 'ASIA' | 'EUROPE' | 'NORTH_AMERICA' | 'OCEANIA' | 'SOUTH_AMERICA';

export interface MarketplaceInfo {
  /** Our id for the marketplace; also its adapter folder and its sandbox's id. */
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly currency: Money['currency'];
  readonly continent: Continent;
}

/** An offer in our own vocabulary, whatever the vendor called things. */
export interface OfferRecord {
  readonly marketplaceId: string;
  readonly nativeId: string;
  /** English title. */
  readonly title: string;
  /** Title in the marketplace's own language. */
  readonly nativeTitle: string;
  /** Export price: what the seller asks, without the seller country's domestic VAT. */
  readonly price: Money;
  readonly originCountry: string;
  readonly hsCode: string | undefined;
  readonly weightGrams: number;
  readonly dimensionsCm: readonly [number, number, number] | undefined;
  readonly availableQuantity: number;
  readonly seller: SellerRef;
  /** Countries where the item is also stocked in an overseas warehouse. */
  readonly warehouseCountries: readonly string[];
  readonly containsLithiumBattery: boolean;
  /** Where the seller ships this offer. */
  readonly shipsTo: ShipsTo;
}

/**
 * Where a seller ships, in our words (ISO 3166-1 alpha-2 codes). Domestic-only is `ONLY` the
 * origin country. Adapters read a vendor value they do not recognise as domestic only, and log
 * it: hiding an offer that could have reached a buyer costs less than showing one that cannot.
 */
export type ShipsTo =
  { readonly kind: 'WORLDWIDE'; readonly except: readonly string[] } | { readonly kind: 'ONLY'; readonly countries: readonly string[] };

export interface SellerRef {
  readonly nativeId: string;
  readonly name?: string;
}

export interface SellerRecord {
  readonly marketplaceId: string;
  readonly nativeId: string;
  readonly name: string;
  readonly country: string;
  /** Where the seller's parcels leave from: carriers collect there and print it on the label. */
  readonly dispatchAddress: PostalAddress;
  /** What the marketplace says of the seller beyond its address, where its API tells (the connector protocol does). */
  readonly profile?: SellerProfile;
  /** The seller's return policy as the marketplace publishes it, in our words; undefined where it publishes none. */
  readonly returnPolicy?: ReturnPolicy;
}

/** A seller's return policy: the terms a return's refund follows. */
export interface ReturnPolicy {
  readonly acceptsReturns: boolean;
  /** Days after delivery to ask for a return; undefined when returns are not accepted. */
  readonly windowDays: number | undefined;
  readonly returnShippingPaidBy: 'BUYER' | 'SELLER';
  /** Kept back from the refund of goods returned for a change of mind, in basis points; 0 when none. */
  readonly restockingFeeBp: number;
}

/** A postal address as it goes on a shipping label. */
export interface PostalAddress {
  /** Street, building, unit: one to three lines, in the order they are written. */
  readonly lines: readonly string[];
  readonly city: string;
  /** State, province or county, where the country's addresses name one. */
  readonly region: string | undefined;
  /** Where the country uses postal codes. */
  readonly postalCode: string | undefined;
  readonly country: string;
}

/** How far the marketplace verified who the seller is (know-your-business), lowest first. */
export type VerificationLevel = 'NONE' | 'CONTACT' | 'IDENTITY' | 'BUSINESS';

/** A seller's standing as its marketplace reports it: the evidence seller trust is built on. */
export interface SellerProfile {
  /** When the seller opened its shop, ISO 8601 date. */
  readonly memberSince: string;
  readonly verification: { readonly level: VerificationLevel; readonly verifiedAt: string | undefined };
  /** Buyers' average on the marketplace's own scale, with the scale's ends; undefined before the first rating. */
  readonly rating: { readonly average: number; readonly worst: number; readonly best: number; readonly count: number } | undefined;
}

export interface SearchPageRequest {
  readonly query: string;
  /** Where to start, as this adapter wrote it in an earlier page's `next`; null for the first page. */
  readonly position: string | null;
  readonly signal: AbortSignal;
}

export interface SearchPage {
  readonly offers: readonly OfferRecord[];
  /** The position of the following page, in the vendor's own terms (offset, page, token, link). */
  readonly next: string | null;
}

/** A hold on stock, in our words: held, given back, turned into an order, or lapsed. */
export type ReservationStatus = 'HELD' | 'RELEASED' | 'ORDERED' | 'EXPIRED';

export interface StockReservationRecord {
  readonly marketplaceId: string;
  /** The vendor's reservation id. */
  readonly nativeId: string;
  readonly offerNativeId: string;
  readonly quantity: number;
  readonly status: ReservationStatus;
  /** When an unused hold lapses, ISO 8601. */
  readonly expiresAt: string;
  /**
   * The offer, read alongside the hold where the adapter's lookup cache did (`withLookupCache`):
   * its title, weight and seller are what the hold's answer needs, and a hold changes none of them.
   * Its `availableQuantity` may be from before the hold. Adapters themselves leave it out.
   */
  readonly offerReadWithHold?: OfferRecord;
}

export type MarketplaceOrderStatus = 'PLACED' | 'CANCELLED';

export interface MarketplaceOrderRecord {
  readonly marketplaceId: string;
  /** The vendor's order id. */
  readonly nativeId: string;
  readonly status: MarketplaceOrderStatus;
  /** Unit price × quantity: the export price, in the marketplace's currency. */
  readonly total: Money;
}

/**
 * Every write names an idempotency key, sent to the vendor in its own way (a header, a body field):
 * the vendor answers a repeat with the first answer and never moves stock twice. That is why the
 * adapters send writes `idempotent` (retried after a timeout or a 5xx, as reads are).
 */
export interface ReserveStockRequest {
  readonly offerNativeId: string;
  readonly quantity: number;
  readonly idempotencyKey: string;
}

export interface ReleaseStockRequest {
  readonly reservationNativeId: string;
  readonly idempotencyKey: string;
}

export interface PlaceOrderRequest {
  readonly reservationNativeId: string;
  /** The export price the buyer was quoted; the vendor refuses the order if it now asks another. */
  readonly expectedUnitPrice: Money;
  readonly buyer: { readonly name: string; readonly country: string };
  readonly idempotencyKey: string;
}

export interface CancelOrderRequest {
  readonly orderNativeId: string;
  readonly idempotencyKey: string;
}

/**
 * A national marketplace, as the catalog needs it. Errors are `UpstreamError`s: a vendor
 * payload that does not read as expected is a `bad-response`, never a partial offer. A write the
 * vendor refuses for a business reason is a `MarketplaceRefusal` (an `UpstreamError` too).
 */
export interface MarketplaceAdapter {
  readonly marketplace: MarketplaceInfo;
  searchPage(request: SearchPageRequest): Promise<SearchPage>;
  /** Looks up many offers in as few vendor calls as the vendor allows. Unknown ids are absent. */
  getOffers(nativeIds: readonly string[], signal?: AbortSignal): Promise<ReadonlyMap<string, OfferRecord>>;
  getSellers(nativeIds: readonly string[], signal?: AbortSignal): Promise<ReadonlyMap<string, SellerRecord>>;
  /** Holds stock for an order. */
  reserveStock(request: ReserveStockRequest, signal?: AbortSignal): Promise<StockReservationRecord>;
  /** Gives held stock back; a released or lapsed hold is answered as it is. */
  releaseStock(request: ReleaseStockRequest, signal?: AbortSignal): Promise<StockReservationRecord>;
  /** Turns a held reservation into an order at the expected price. */
  placeOrder(request: PlaceOrderRequest, signal?: AbortSignal): Promise<MarketplaceOrderRecord>;
  /** Cancels an order, giving its stock back; a cancelled order is answered as it is. */
  cancelOrder(request: CancelOrderRequest, signal?: AbortSignal): Promise<MarketplaceOrderRecord>;
  close(): Promise<void>;
}

/** The writes alone, which each adapter builds in its own file next to its reads. */
export type MarketplaceBooking = Pick<MarketplaceAdapter, 'reserveStock' | 'releaseStock' | 'placeOrder' | 'cancelOrder'>;

/** What each adapter folder exports: its settings and how to build it from them. */
export interface MarketplaceAdapterModule<S extends Record<string, Setting<unknown>>> {
  readonly id: string;
  readonly settings: S;
  create(
    config: { readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never },
    context: { logger: Logger; upstreamTimeoutMs: number },
  ): MarketplaceAdapter;
}

/** The generic connector adapter's module: one adapter per marketplace its configuration lists. */
export interface ConfiguredAdapterModule<E> {
  readonly id: string;
  create(
    entry: E,
    context: {
      logger: Logger;
      upstreamTimeoutMs: number;
      /** Where the marketplace sends its orders' status callbacks (`callbackUrl`), or none. */
      statusCallbackUrl?: string | undefined;
    },
  ): MarketplaceAdapter;
}
