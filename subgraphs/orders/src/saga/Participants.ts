import type { MoneyOutput } from '#packages/money/index.js';

/** What the catalog's `reserveStock` gives back: the hold, and the offer facts a shipment label needs. */
export interface StockReservation {
  readonly reservationId: string;
  readonly status: string;
  readonly expiresAt: string;
  readonly offer: {
    readonly title: string;
    readonly hsCode: string | null;
    readonly weightGrams: number;
    readonly originCountry: string;
    readonly sellerId: string;
    readonly sellerName: string;
    readonly sellerCountry: string;
    /** Where the seller's parcels leave from, as its marketplace reports it. */
    readonly sellerDispatchAddress: DispatchAddress;
    readonly marketplaceId: string;
    readonly marketplaceName: string;
    /** What the marketplace reports of the seller, as `trust` requires it: the catalog's `Seller.verification` and `Seller.rating`. */
    readonly sellerStanding: SellerStanding;
  };
}

/** The catalog's verification and rating of a seller; null where its marketplace reports none. */
export interface SellerStanding {
  readonly verification: { readonly level: string } | null;
  readonly rating: { readonly average: number; readonly worst: number; readonly best: number; readonly count: number } | null;
}

/** The trust subgraph's verdict on a seller, as escrow needs it. */
export interface SellerTrustLevel {
  /** `NEW`, `BASIC`, `ESTABLISHED` or `TRUSTED`. */
  readonly level: 'NEW' | 'BASIC' | 'ESTABLISHED' | 'TRUSTED';
  readonly score: number;
}

/** The catalog's `PostalAddress` of a seller. */
export interface DispatchAddress {
  readonly lines: readonly string[];
  readonly city: string;
  readonly region: string | null;
  readonly postalCode: string | null;
  readonly country: string;
}

export interface MarketplaceOrderPlaced {
  readonly marketplaceOrderId: string;
  readonly total: MoneyOutput;
}

export interface ShipmentParty {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface CreateShipmentRequest {
  readonly shippingOptionId: string;
  readonly shipFrom: ShipmentParty;
  readonly shipTo: ShipmentParty;
  readonly goods: {
    readonly description: string;
    readonly hsCode: string | null;
    readonly originCountry: string;
    readonly quantity: number;
    readonly value: MoneyOutput;
    readonly weightGrams: number;
    /** The customs value in the destination's rules, from the quote; null when the quote has none. */
    readonly customsValue: { readonly value: MoneyOutput; readonly basis: 'CIF' | 'FOB' } | null;
    /** The EU product identifiers, when the destination's declaration requires them. */
    readonly productIdentifiers: { readonly merchantProductId: string } | null;
  };
  readonly idempotencyKey: string;
}

/** What goes back in a return, for its customs invoice (the goods of `CreateShipmentRequest`, without the import-only fields). */
export type ReturnGoods = Omit<CreateShipmentRequest['goods'], 'customsValue' | 'productIdentifiers'>;

/** One label of a shipment: who carries it, how, between which countries. */
export interface ShipmentLeg {
  readonly carrierId: string;
  /** The logistics subgraph's `ShippingMode`. */
  readonly mode: string;
  readonly from: string;
  readonly to: string;
}

export interface ShipmentCreated {
  readonly shipmentId: string;
  readonly trackingNumber: string;
  /** The carrier the buyer deals with (the first leg's). */
  readonly carrierId: string;
  readonly legs: readonly ShipmentLeg[];
}

export interface PaymentState {
  readonly paymentId: string;
  /** The payments subgraph's `PaymentStatus`: AUTHORIZED, CAPTURED, IN_ESCROW, RELEASED, REFUNDED, VOIDED, DECLINED. */
  readonly status: string;
  readonly provider: string;
}

/** A parcel logistics could not track: refused by its carrier (e.g. an unknown label), or not answered. */
export interface TrackingRefused {
  /** True when the carrier refused the lookup (it will again); false when it could not be asked. */
  readonly refused: boolean;
  readonly reason: string;
}

/** Another way to ship an offer, as logistics quoted it. */
export interface ShippingAlternative {
  readonly shippingOptionId: string;
  readonly offerId: string;
  /** The logistics subgraph's `ShippingMode`. */
  readonly mode: string;
  readonly carrierId: string;
  readonly carrierName: string;
}

/** A shipment's tracking as the follower needs it. */
export interface ShipmentTracking {
  /** The logistics subgraph's `TrackingStatus`. */
  readonly status: string;
  readonly eventStatuses: readonly string[];
  /** When the carrier first reported each status, ISO 8601 (e.g. `PICKED_UP`, `DELIVERED`). */
  readonly firstReportedAt: Readonly<Record<string, string>>;
}

/** A seller's return terms, as the catalog's `Seller.returnPolicy` reports them. */
export interface SellerReturnPolicy {
  readonly acceptsReturns: boolean;
  readonly windowDays: number | null;
  readonly returnShippingPaidBy: 'BUYER' | 'SELLER';
  readonly restockingFeeBp: number;
}

/** What logistics' `createReturnShipment` booked: one label on the reverse lane. */
export interface ReturnShipmentBooked {
  readonly shipmentId: string;
  readonly trackingNumber: string;
  readonly leg: ShipmentLeg;
}

export interface KeyedAction {
  readonly idempotencyKey: string;
}

/**
 * The participants' internal operations the saga calls, as a port: `createParticipants` speaks
 * GraphQL to the real subgraphs; saga tests plug in fakes where a participant's behaviour is not
 * what is tested. Every method throws `ParticipantError` when it gets no result.
 */
export interface Participants {
  reserveStock(input: { offerId: string; quantity: number } & KeyedAction): Promise<StockReservation>;
  releaseStock(input: { reservationId: string } & KeyedAction): Promise<void>;
  placeMarketplaceOrder(
    input: { reservationId: string; expectedUnitPrice: MoneyOutput; buyerName: string; buyerCountry: string } & KeyedAction,
  ): Promise<MarketplaceOrderPlaced>;
  cancelMarketplaceOrder(input: { marketplaceOrderId: string } & KeyedAction): Promise<void>;
  createShipment(input: CreateShipmentRequest): Promise<ShipmentCreated>;
  cancelShipment(input: { shipmentId: string } & KeyedAction): Promise<void>;
  /** `owner`: the order's API key id; the payment's id is tagged with it, so only that key reads the payment. */
  authorizePayment(input: { quoteId: string; method: string; escrow: boolean; owner: string } & KeyedAction): Promise<PaymentState>;
  capturePayment(input: { paymentId: string } & KeyedAction): Promise<PaymentState>;
  voidPayment(input: { paymentId: string } & KeyedAction): Promise<PaymentState>;
  releaseEscrow(input: { paymentId: string } & KeyedAction): Promise<PaymentState>;
  /**
   * Gives captured money back to the buyer: all of it (a dispute settled for the buyer) or `amount`
   * of it, exactly, in the payment's currency (a return; `reason` is shown at the provider).
   */
  refundPayment(input: { paymentId: string; amount?: MoneyOutput; reason?: string } & KeyedAction): Promise<PaymentState>;
  /** The seller's trust (the trust subgraph's `Seller.trust`, from the standing the catalog reported). */
  sellerTrust(input: { sellerId: string; standing: SellerStanding }): Promise<SellerTrustLevel>;
  /** Tracking of each shipment, one request for all; a shipment logistics does not know maps to undefined. */
  trackShipments(shipmentIds: readonly string[]): Promise<Map<string, ShipmentTracking | TrackingRefused | undefined>>;
  /**
   * The ways to ship `quantity` of an offer to `to` that logistics can quote now (every carrier
   * that answered a rate request), for a booking whose carrier could not be reached. Optional:
   * without it a failed booking names no alternatives.
   */
  shippingAlternatives?(request: { offerId: string; to: string; quantity: number }): Promise<ShippingAlternative[]>;
  /** Returns (`src/returns/`): the seller's return terms now; null when its marketplace reports none. Optional: saga fakes leave it out. */
  sellerReturnPolicy?(sellerId: string): Promise<SellerReturnPolicy | null>;
  /** Returns: a label from the buyer back to the seller, on the reverse lane of `shipmentId`. */
  createReturnShipment?(
    input: { shipmentId: string; shipFrom: ShipmentParty; shipTo: ShipmentParty; goods: ReturnGoods; reason: string } & KeyedAction,
  ): Promise<ReturnShipmentBooked>;
  close(): Promise<void>;
}
