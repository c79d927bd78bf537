import type { ReachCount, ReachKind } from '#packages/reach/index.js';
import type { OrderEvent } from '#packages/events/index.js';
import type { MoneyOutput } from '#packages/money/index.js';
import type { ReturnPatch, ReturnRecord } from '../returns/ReturnRecord.js';
import type { OrderStatus, SagaPhase, StepName, StepStatus } from '../saga/stepNames.js';
import type { DisputePatch, DisputeRecord } from '../disputes/DisputeRecord.js';

/** The codes a failed order names, as the schema's `OrderErrorCode`. */
export type OrderErrorCode =
  | 'QUOTE_EXPIRED'
  | 'QUOTE_INVALID'
  | 'OUT_OF_STOCK'
  | 'PRICE_CHANGED'
  | 'PAYMENT_DECLINED'
  | 'CARRIER_UNAVAILABLE'
  | 'MARKETPLACE_UNAVAILABLE'
  | 'PAYMENT_UNAVAILABLE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_INPUT';

/** What the quote token fixed, kept as plain strings so it can be stored and read back without the signing key. */
export interface QuoteFacts {
  readonly shippingOptionId: string;
  readonly offerId: string;
  readonly quantity: number;
  readonly originCountry: string;
  readonly destinationCountry: string;
  /** The goods' value for `quantity` units in the seller's currency, as quoted. */
  readonly item: MoneyOutput;
  /** What one unit costs in the seller's currency: `item ÷ quantity`, exact. */
  readonly unitPrice: MoneyOutput;
  readonly total: MoneyOutput;
  readonly paymentProvider: string;
  readonly expiresAt: string;
}

export interface BuyerDetails {
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
  readonly address: {
    readonly line1: string;
    readonly line2: string | null;
    readonly city: string;
    readonly postalCode: string;
    readonly country: string;
  };
}

/** Why an order failed: the step, the code a client branches on, words for people, the input field at fault. */
export interface OrderFailure {
  readonly step: StepName;
  readonly code: OrderErrorCode;
  readonly message: string;
  readonly field: readonly string[];
}

export interface OrderRecord {
  readonly id: string;
  /** The API key that placed the order (its id): only it sees the order. `''` for orders older than owners. */
  readonly ownerKeyId: string;
  /** Placed with a test-mode key (`tg_test_…`): its steps pass the test triggers its buyer's email names on to the sandboxes. */
  readonly testMode: boolean;
  /** The app's own reference for its buyer, as `placeOrder` was given it; null when none. */
  readonly buyerReference: string | null;
  /** Unique per owner: another key's client using the same text gets an order of its own. */
  readonly idempotencyKey: string;
  /** SHA-256 of the normalized input: the same key with another input is refused. */
  readonly requestHash: string;
  readonly status: OrderStatus;
  readonly phase: SagaPhase;
  readonly quoteToken: string;
  readonly quote: QuoteFacts;
  readonly buyer: BuyerDetails;
  readonly paymentMethod: string;
  readonly total: MoneyOutput;
  /** Whether payment is held in escrow until delivery (`needsEscrow`). */
  readonly escrow: boolean;
  readonly shipmentId: string | null;
  readonly paymentId: string | null;
  readonly failure: OrderFailure | null;
  /** Instants in ms since the epoch. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** When the saga may next be resumed (retry backoff). */
  readonly nextAttemptAt: number;
  readonly leaseOwner: string | null;
  readonly leaseUntil: number;
  /** The marketplace the order was booked at, once its stock was reserved there; null before. */
  readonly marketplaceId: string | null;
  /** The marketplace's order (the catalog's `MarketplaceOrder` id), once placed there; null before. */
  readonly marketplaceOrderId: string | null;
  /** The last status the marketplace reported by callback; null while it reported none. */
  readonly marketplaceStatus: MarketplaceStatusRecord | null;
}

/** A status a marketplace reported for its order (connector `orderStatusChanged`). */
export interface MarketplaceStatusRecord {
  readonly status: 'PLACED' | 'ACCEPTED' | 'SHIPPED' | 'DELIVERED' | 'CANCELLED';
  /** Who cancelled, for `CANCELLED`. */
  readonly cancelledBy: 'BUYER' | 'SELLER' | 'MARKETPLACE' | null;
  /** When it happened at the marketplace, ms since the epoch. */
  readonly occurredAt: number;
  /** The marketplace's event id: a repeat of it changes nothing. */
  readonly eventId: string;
}

/** References a participant handed back, e.g. `{ reservationId }`; strings only, so any store keeps them as they are. */
export type StepResult = Readonly<Record<string, string>>;

export interface StepError {
  readonly code: string;
  readonly message: string;
}

export interface StepRecord {
  readonly orderId: string;
  readonly name: StepName;
  /** Display and execution order. */
  readonly position: number;
  readonly status: StepStatus;
  /** Forward attempts started; above 0 the participant may have acted, even if no answer came back. */
  readonly attempt: number;
  /** Compensation attempts started (each one its own idempotency key). */
  readonly compensationAttempt: number;
  readonly startedAt: number | null;
  readonly finishedAt: number | null;
  /** When the step last changed: the API's `at`. */
  readonly updatedAt: number;
  readonly result: StepResult | null;
  readonly error: StepError | null;
}

export type NewOrder = Omit<
  OrderRecord,
  'updatedAt' | 'leaseOwner' | 'leaseUntil' | 'nextAttemptAt' | 'marketplaceId' | 'marketplaceOrderId' | 'marketplaceStatus' | 'testMode'
> & {
  /** Default: false (live). */
  readonly testMode?: boolean;
  /** Steps to create with the order, all PENDING. */
  readonly steps: readonly StepName[];
  /** The creating replica takes the saga's lease at once, so recovery elsewhere leaves it alone. */
  readonly leaseOwner: string;
  readonly leaseUntil: number;
};

export type OrderPatch = Partial<
  Pick<
    OrderRecord,
    | 'status'
    | 'phase'
    | 'shipmentId'
    | 'paymentId'
    | 'failure'
    | 'nextAttemptAt'
    | 'escrow'
    | 'marketplaceId'
    | 'marketplaceOrderId'
    | 'marketplaceStatus'
  >
>;

export type StepPatch = Partial<
  Pick<StepRecord, 'status' | 'attempt' | 'compensationAttempt' | 'startedAt' | 'finishedAt' | 'result' | 'error'>
>;

/** What `saveChange` writes at once; each part may be left out. Steps named in `steps` are distinct. */
export interface OrderChange {
  readonly steps?: ReadonlyArray<{ readonly name: StepName; readonly patch: StepPatch }>;
  readonly order?: OrderPatch;
  /** Added as `addSteps` adds them: existing ones are left as they are. */
  readonly addSteps?: ReadonlyArray<{ readonly name: StepName; readonly status: StepRecord['status'] }>;
  readonly events?: readonly OrderEvent[];
  /**
   * The saga lease holder giving the order's lease up with this change (the run's write that
   * settles the order), as `releaseLease` would after it: cleared only while this owner holds it.
   */
  readonly releaseLeaseOf?: string;
}

/** A page of orders, newest first; `after` is the last order of the previous page. */
export interface OrderPageRequest {
  /** Whose orders: an API key's id. */
  readonly owner: string;
  readonly first: number;
  readonly after?: { readonly createdAt: number; readonly id: string } | undefined;
}

/**
 * Where orders and their saga steps are kept. Two implementations pass the same suite
 * (`test/defineOrderStoreSuite.ts`): SQLite (default, one file) and PostgreSQL (`DATABASE_URL`).
 * Every write is durable when its promise resolves, so the saga can write a step's state before
 * and after each participant call and resume from there after a crash.
 */
export interface OrderStore {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations; safe to call from many processes at once. Returns the schema version. */
  migrate(): Promise<number>;
  /**
   * Creates the order and its steps, unless its owner has an order with the same idempotency key: then
   * nothing is written and the existing one is returned with `created: false`. Concurrent calls
   * with one key create exactly one order, and all of them get that order back.
   */
  createOrder(order: NewOrder): Promise<{ order: OrderRecord; created: boolean }>;
  /** Any owner's order: for the saga and the follower. What a caller may see is `getOwnedOrder`'s. */
  getOrder(id: string): Promise<OrderRecord | undefined>;
  /** Several orders at once (the follower's round), in no particular order; unknown ids are left out. */
  getOrders(ids: readonly string[]): Promise<OrderRecord[]>;
  /** The order when `owner` placed it; undefined for an unknown id and for another owner's order alike. */
  getOwnedOrder(owner: string, id: string): Promise<OrderRecord | undefined>;
  getOrderByIdempotencyKey(owner: string, key: string): Promise<OrderRecord | undefined>;
  /** Any owner's order placed at a marketplace as this order (the catalog's `MarketplaceOrder` id): for its status callbacks. */
  getOrderByMarketplaceOrderId(marketplaceOrderId: string): Promise<OrderRecord | undefined>;
  /** The owner's orders, newest first (createdAt, then id, both descending). */
  listOrders(page: OrderPageRequest): Promise<OrderRecord[]>;
  /** The steps of each order, in position order; orders without steps map to an empty list. */
  listSteps(orderIds: readonly string[]): Promise<Map<string, StepRecord[]>>;
  /**
   * Changes the order; `events` (the outbox) are written in the same transaction, so a state
   * change and the event that reports it are kept together or not at all.
   */
  updateOrder(id: string, patch: OrderPatch, now: number, events?: readonly OrderEvent[]): Promise<void>;
  /** Adds steps (PENDING, or as given) that are not there yet; existing ones are left as they are. */
  addSteps(orderId: string, steps: ReadonlyArray<{ name: StepName; status: StepRecord['status'] }>, now: number): Promise<void>;
  /** Changes a step; `events` are written in the same transaction (see `updateOrder`). */
  updateStep(orderId: string, name: StepName, patch: StepPatch, now: number, events?: readonly OrderEvent[]): Promise<void>;
  /**
   * Changes an order's steps, the order, adds steps and writes events, all in one transaction, and
   * one round trip where the store allows: a step is never DONE without the order fields its
   * outcome brought (a shipment id, a payment id), and a saga's next step starts in the write that
   * finishes the last one.
   */
  saveChange(orderId: string, change: OrderChange, now: number): Promise<void>;
  /** The outbox as written, oldest first, after `afterSeq`: for tests and operators; readers use `packages/events`. */
  listEvents(afterSeq: number, limit: number): Promise<Array<{ seq: number; event: OrderEvent }>>;
  /** Takes or renews the saga lease when it is free, expired or already `owner`'s. */
  claimLease(orderId: string, owner: string, now: number, ttlMs: number): Promise<boolean>;
  releaseLease(orderId: string, owner: string): Promise<void>;
  /** PENDING orders due for another attempt whose lease is free, oldest first. */
  findResumable(now: number, limit: number): Promise<string[]>;
  /** CONFIRMED orders whose lease is free with a follow-up step (capture, escrow release) still to do, oldest first. */
  findFollowable(now: number, limit: number): Promise<string[]>;
  /**
   * Opens a dispute, with its events in the same transaction, unless the order has one already:
   * then nothing is written and `false` is returned (an order is disputed once).
   */
  createDispute(dispute: DisputeRecord, events: readonly OrderEvent[]): Promise<boolean>;
  getDispute(id: string): Promise<DisputeRecord | undefined>;
  /** The dispute of each order that has one (orders without are left out). */
  listDisputes(orderIds: readonly string[]): Promise<Map<string, DisputeRecord>>;
  /**
   * Changes a dispute and, in the same transaction, the order's steps it settles and the events
   * that report it: a settled dispute, its payment steps and its events are kept together or not at all.
   */
  updateDispute(id: string, patch: DisputePatch, now: number, change?: DisputeSettlement): Promise<void>;
  /** The orders booked at a marketplace, whoever placed them, newest first (as `listOrders`). */
  listMarketplaceOrders(page: MarketplaceOrderPageRequest): Promise<OrderRecord[]>;
  /**
   * Records a return with its events, unless the order has one already: then nothing is written and
   * the existing return comes back with `created: false` (an order is returned once; concurrent
   * requests make one return).
   */
  createReturn(record: ReturnRecord, events: readonly OrderEvent[]): Promise<{ record: ReturnRecord; created: boolean }>;
  /** The order's return, if it has one. */
  getReturnOfOrder(orderId: string): Promise<ReturnRecord | undefined>;
  getReturn(id: string): Promise<ReturnRecord | undefined>;
  /** Changes a return; `events` are written in the same transaction. */
  updateReturn(id: string, patch: ReturnPatch, now: number, events?: readonly OrderEvent[]): Promise<void>;
  /** Adds shown and quoted counts to marketplaces' reach, in one transaction: all of the batch or none. */
  addReachCounts(counts: readonly ReachCount[]): Promise<void>;
  /**
   * A marketplace's reach over whole UTC days (both included), per buyer country and kind: SHOWN and
   * QUOTED as recorded, BOOKED as its CONFIRMED orders created in the period, by destination.
   */
  readReach(request: ReachRequest): Promise<ReachRow[]>;
  close(): Promise<void>;
}

export interface ReachRequest {
  readonly marketplaceId: string;
  /** `YYYY-MM-DD`, UTC. */
  readonly fromDay: string;
  /** `YYYY-MM-DD`, UTC, included. */
  readonly toDay: string;
}

/** One kind of count for one buyer country ('' when the request named none), summed over the period. */
export interface ReachRow {
  readonly country: string;
  readonly kind: ReachKind;
  readonly count: number;
}

/** The instants (ms since the epoch) a period of whole UTC days spans: `[from, until)`. */
export function reachInstants(request: ReachRequest): { from: number; until: number } {
  return { from: Date.parse(`${request.fromDay}T00:00:00Z`), until: Date.parse(`${request.toDay}T00:00:00Z`) + 86_400_000 };
}

export type MarketplaceOrderPageRequest = Omit<OrderPageRequest, 'owner'> & { readonly marketplaceId: string };

/** What settling a dispute changes besides the dispute itself. */
export interface DisputeSettlement {
  readonly orderId: string;
  readonly steps: ReadonlyArray<{ readonly name: StepName; readonly patch: StepPatch }>;
  readonly events: readonly OrderEvent[];
}
