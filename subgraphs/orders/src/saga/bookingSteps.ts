import { toMoneyOutput } from '#packages/money/index.js';
import { ParticipantError } from '../participants/ParticipantError.js';
import type { OrderErrorCode, OrderPatch, OrderRecord, StepResult } from '../store/OrderStore.js';
import { decideEscrow, type EscrowLimits } from './decideEscrow.js';
import { verifiedQuote } from './verifiedQuote.js';
import type { DispatchAddress, Participants, SellerStanding, SellerTrustLevel, ShipmentParty, StockReservation } from './Participants.js';
import { StepInputError } from './StepInputError.js';
import type { BookingStepName, StepName, StepStatus } from './stepNames.js';

/** What a step gets to do its work. */
export interface StepRun {
  readonly order: OrderRecord;
  /** Results of the steps already DONE. */
  readonly results: ReadonlyMap<StepName, StepResult>;
  readonly participants: Participants;
  /** The step's own key: the same on every attempt. */
  readonly idempotencyKey: string;
  readonly quoteKey: Buffer;
  readonly escrowLimits: EscrowLimits;
  readonly now: number;
}

export interface StepOutcome {
  /** References to keep (ids the compensation and the API need). */
  readonly result: StepResult;
  readonly orderPatch?: OrderPatch;
}

/** What undoing a step gets: its result, and how the other steps stand. */
export interface StepUndo {
  readonly order: OrderRecord;
  readonly result: StepResult;
  readonly participants: Participants;
  /** The key of this compensation attempt. */
  readonly idempotencyKey: string;
  statusOf: (step: StepName) => StepStatus | undefined;
}

export interface BookingStep {
  readonly name: BookingStepName;
  /** The input field a failure of this step points at. */
  readonly field: readonly string[];
  /** The code of this step's failure when its participant cannot be reached. */
  readonly unavailableCode: OrderErrorCode;
  run(run: StepRun): Promise<StepOutcome>;
  /**
   * The step calls no participant: nothing outside can have happened if a run stops half-way, so
   * it is written once, with its outcome, instead of RUNNING first (one store write fewer).
   */
  readonly local?: true;
  /** Undoes the step's effect outside; absent when there is nothing outside to undo. */
  readonly compensate?: (undo: StepUndo) => Promise<void>;
}

const QUOTE_FIELD = ['input', 'quoteId'] as const;
const PAYMENT_METHOD_FIELD = ['input', 'payment', 'method'] as const;

const need = (results: ReadonlyMap<StepName, StepResult>, step: StepName, key: string): string => {
  const value = results.get(step)?.[key];
  if (value === undefined) throw new Error(`saga bug: ${step} is not done or has no ${key}`);
  return value;
};

/**
 * The booking saga's steps, in the order they run. Payment comes last of the participant calls on
 * purpose: the most common failures (stock, price, carrier) happen before any money is touched,
 * so they fail with nothing to void; only a payment decline undoes shipment and marketplace order.
 */
export const BOOKING_STEP_DEFINITIONS: readonly BookingStep[] = [
  {
    name: 'VERIFY_QUOTE',
    field: QUOTE_FIELD,
    unavailableCode: 'QUOTE_INVALID',
    local: true,
    // Checked again at run time, not only at request time: a saga resumed after a long outage
    // must not book on an expired quote. QuoteError (QUOTE_INVALID, QUOTE_EXPIRED) fails the step.
    // The payment method is checked here too, before any stock is reserved: a method the quote's
    // provider does not take would otherwise fail only at AUTHORIZE_PAYMENT, after three bookings.
    async run({ order, quoteKey, now }) {
      const quote = verifiedQuote(order.quoteToken, quoteKey, now);
      const method = order.paymentMethod;
      if (!quote.paymentFee.methods.includes(method)) {
        throw new StepInputError(
          'INVALID_INPUT',
          PAYMENT_METHOD_FIELD,
          `the quote's provider (${quote.paymentFee.provider}) takes ${quote.paymentFee.methods.join(', ')}, not ${method}; quote again with paymentMethod: ${method}`,
        );
      }
      if (quote.paymentMethod !== null && quote.paymentMethod !== method) {
        throw new StepInputError(
          'INVALID_INPUT',
          PAYMENT_METHOD_FIELD,
          `the quote was made for ${quote.paymentMethod}, not ${method}; quote again`,
        );
      }
      return { result: { expiresAt: quote.expiresAt } };
    },
  },
  {
    name: 'RESERVE_STOCK',
    field: QUOTE_FIELD,
    unavailableCode: 'MARKETPLACE_UNAVAILABLE',
    // The seller's standing is recorded with the hold: PLACE_MARKETPLACE_ORDER asks trust from it,
    // alongside its own call, so trust's answer is not a hop of its own on the booking's path.
    async run({ order, participants, idempotencyKey }) {
      const reservation = await participants.reserveStock({ offerId: order.quote.offerId, quantity: order.quote.quantity, idempotencyKey });
      // the order names its marketplace from here on: that marketplace's key pages through it (`Marketplace.orders`)
      return {
        result: reservationResult(reservation),
        orderPatch: { marketplaceId: reservation.offer.marketplaceId },
      };
    },
    async compensate({ result, participants, idempotencyKey, statusOf }) {
      // Cancelling the marketplace order already gave the stock back (catalog's contract).
      if (statusOf('PLACE_MARKETPLACE_ORDER') === 'COMPENSATED') return;
      try {
        await participants.releaseStock({ reservationId: requireKey(result, 'reservationId'), idempotencyKey });
      } catch (error) {
        // The hold lapsed or was closed already: the stock is back, which is all this undo wants.
        if (error instanceof ParticipantError && error.kind === 'refused' && error.code === 'OUT_OF_STOCK') return;
        throw error;
      }
    },
  },
  {
    name: 'PLACE_MARKETPLACE_ORDER',
    field: QUOTE_FIELD,
    unavailableCode: 'MARKETPLACE_UNAVAILABLE',
    // The seller's trust is asked here, while the marketplace places the order, and recorded with
    // this step's outcome: a repeated AUTHORIZE_PAYMENT then decides escrow from the same recorded
    // level, as payments keeps the first authorization for its key. A run resumed after a crash
    // repeats this step, and asks trust again with it.
    async run({ order, results, participants, idempotencyKey }) {
      const reservation = results.get('RESERVE_STOCK') ?? {};
      const trustAsked =
        crossBorder(order) && recordedTrust(reservation) === undefined ? sellerTrustOf(reservation, participants) : undefined;
      const placing = participants.placeMarketplaceOrder({
        reservationId: need(results, 'RESERVE_STOCK', 'reservationId'),
        expectedUnitPrice: order.quote.unitPrice,
        buyerName: order.buyer.name,
        buyerCountry: order.buyer.address.country,
        idempotencyKey,
      });
      const [placed, trust] = await Promise.all([placing, trustAsked]);
      const trustResult: StepResult = trust ? { sellerTrustLevel: trust.level, sellerTrustScore: String(trust.score) } : {};
      return {
        result: {
          marketplaceOrderId: placed.marketplaceOrderId,
          totalAmount: placed.total.amount,
          totalCurrency: placed.total.currency,
          ...trustResult,
        },
        orderPatch: { marketplaceOrderId: placed.marketplaceOrderId },
      };
    },
    async compensate({ result, participants, idempotencyKey }) {
      await participants.cancelMarketplaceOrder({ marketplaceOrderId: requireKey(result, 'marketplaceOrderId'), idempotencyKey });
    },
  },
  {
    name: 'CREATE_SHIPMENT',
    field: QUOTE_FIELD,
    unavailableCode: 'CARRIER_UNAVAILABLE',
    async run({ order, results, participants, idempotencyKey, quoteKey }) {
      const reservation = results.get('RESERVE_STOCK') ?? {};
      const { buyer, quote } = order;
      // What customs assessed for the quote goes on the carrier's documents (the token is the quote).
      const declaration = verifiedQuote(order.quoteToken, quoteKey, Number.NEGATIVE_INFINITY).declaration;
      const shipment = await participants.createShipment({
        shippingOptionId: quote.shippingOptionId,
        shipFrom: sellerParty(reservation, quote.originCountry),
        shipTo: {
          name: buyer.name,
          line1: buyer.address.line2 ? `${buyer.address.line1}, ${buyer.address.line2}` : buyer.address.line1,
          city: buyer.address.city,
          postalCode: buyer.address.postalCode,
          country: buyer.address.country,
          phone: buyer.phone,
          email: buyer.email,
        },
        goods: {
          description: requireKey(reservation, 'title'),
          hsCode: reservation.hsCode ?? null,
          originCountry: quote.originCountry,
          quantity: quote.quantity,
          value: quote.item,
          weightGrams: Number(requireKey(reservation, 'weightGrams')) * quote.quantity,
          customsValue: declaration ? { value: toMoneyOutput(declaration.customsValue), basis: declaration.valuationBasis } : null,
          productIdentifiers: declaration?.productIdentifiersRequired ? { merchantProductId: listingIdOf(quote.offerId) } : null,
        },
        idempotencyKey,
      });
      return {
        result: {
          shipmentId: shipment.shipmentId,
          trackingNumber: shipment.trackingNumber,
          carrierId: shipment.carrierId,
          // Results are strings; the legs are kept as JSON for the order's events.
          legs: JSON.stringify(shipment.legs),
        },
        orderPatch: { shipmentId: shipment.shipmentId },
      };
    },
    async compensate({ result, participants, idempotencyKey }) {
      await participants.cancelShipment({ shipmentId: requireKey(result, 'shipmentId'), idempotencyKey });
    },
  },
  {
    name: 'AUTHORIZE_PAYMENT',
    field: PAYMENT_METHOD_FIELD,
    unavailableCode: 'PAYMENT_UNAVAILABLE',
    // Escrow follows the seller's trust as PLACE_MARKETPLACE_ORDER recorded it (decideEscrow.ts), or
    // RESERVE_STOCK, which recorded it in orders booked before trust was asked alongside the placing.
    async run({ order, results, participants, idempotencyKey, quoteKey, escrowLimits }) {
      const quote = verifiedQuote(order.quoteToken, quoteKey, Number.NEGATIVE_INFINITY);
      const trust = recordedTrust(results.get('PLACE_MARKETPLACE_ORDER') ?? {}) ?? recordedTrust(results.get('RESERVE_STOCK') ?? {});
      const decision = decideEscrow(quote, trust, escrowLimits);
      const payment = await participants.authorizePayment({
        quoteId: order.quoteToken,
        method: order.paymentMethod,
        escrow: decision.escrow,
        owner: order.ownerKeyId,
        idempotencyKey,
      });
      return {
        result: { paymentId: payment.paymentId, status: payment.status, provider: payment.provider, escrowReason: decision.reason },
        orderPatch: { paymentId: payment.paymentId, escrow: decision.escrow },
      };
    },
    async compensate({ result, participants, idempotencyKey }) {
      await participants.voidPayment({ paymentId: requireKey(result, 'paymentId'), idempotencyKey });
    },
  },
  {
    name: 'CONFIRM',
    field: [],
    unavailableCode: 'MARKETPLACE_UNAVAILABLE',
    local: true,
    // Local: the order becomes CONFIRMED once every participant said yes (see createOrderSaga).
    async run() {
      return { result: {} };
    },
  },
];

function reservationResult(reservation: StockReservation): StepResult {
  const { offer } = reservation;
  const result: Record<string, string> = {
    reservationId: reservation.reservationId,
    reservationExpiresAt: reservation.expiresAt,
    title: offer.title,
    weightGrams: String(offer.weightGrams),
    sellerId: offer.sellerId,
    sellerName: offer.sellerName,
    sellerCountry: offer.sellerCountry,
    sellerDispatchAddress: JSON.stringify(offer.sellerDispatchAddress),
    marketplaceId: offer.marketplaceId,
    marketplaceName: offer.marketplaceName,
    // What trust judges the seller from (Participants.sellerTrust), kept for PLACE_MARKETPLACE_ORDER.
    sellerStanding: JSON.stringify(offer.sellerStanding),
  };
  if (offer.hsCode !== null) result.hsCode = offer.hsCode;
  return result;
}

/**
 * Where the parcel leaves from: the seller's dispatch address, as the marketplace reported it with
 * the reservation. The label has one street line and one city line, so the street lines are joined
 * and the region goes with the city ("Austin, TX"). An address without a postal code (countries
 * that use none) prints "N/A", as carriers ask.
 *
 * A reservation recorded before dispatch addresses were asked for (a saga resumed across the
 * upgrade) has none: its label names the seller care of the marketplace, as labels did then.
 */
export function sellerParty(reservation: StepResult, originCountry: string): ShipmentParty {
  const name = requireKey(reservation, 'sellerName');
  const stored = reservation.sellerDispatchAddress;
  if (stored === undefined) {
    const marketplace = reservation.marketplaceName ?? 'the marketplace';
    const country = reservation.sellerCountry ?? originCountry;
    return { name, line1: `c/o ${marketplace}`, city: marketplace, postalCode: 'N/A', country, phone: null, email: null };
  }
  const address = JSON.parse(stored) as DispatchAddress;
  return {
    name,
    line1: address.lines.join(', '),
    city: address.region === null ? address.city : `${address.city}, ${address.region}`,
    postalCode: address.postalCode ?? 'N/A',
    country: address.country,
    phone: null,
    email: null,
  };
}

const crossBorder = (order: OrderRecord) => order.quote.originCountry !== order.quote.destinationCountry;

/**
 * The seller's trust, or undefined when trust cannot say (escrow is then the safe side): never
 * fails the booking. A reservation recorded without the seller's standing was recorded before
 * trust was asked alongside the placing, and trust had not answered then (its answer would be
 * recorded with it): it stays unread, as it was.
 */
async function sellerTrustOf(reservation: StepResult, participants: Participants): Promise<SellerTrustLevel | undefined> {
  const stored = reservation.sellerStanding;
  if (stored === undefined) return undefined;
  try {
    return await participants.sellerTrust({
      sellerId: requireKey(reservation, 'sellerId'),
      standing: JSON.parse(stored) as SellerStanding,
    });
  } catch (error) {
    if (error instanceof ParticipantError) return undefined;
    throw error;
  }
}

function recordedTrust(reservation: StepResult): SellerTrustLevel | undefined {
  const level = reservation.sellerTrustLevel;
  if (level !== 'NEW' && level !== 'BASIC' && level !== 'ESTABLISHED' && level !== 'TRUSTED') return undefined;
  return { level, score: Number(reservation.sellerTrustScore) };
}

function requireKey(result: StepResult, key: string): string {
  const value = result[key];
  if (value === undefined) throw new Error(`saga bug: step result has no ${key}`);
  return value;
}

/** A booking step by name. */
export function bookingStep(name: BookingStepName): BookingStep {
  const step = BOOKING_STEP_DEFINITIONS.find((definition) => definition.name === name);
  if (!step) throw new Error(`no booking step ${name}`);
  return step;
}

/**
 * The merchant's product id (the EU's M-PID) of an offer: its listing's own id at its marketplace,
 * read out of the catalog's global id (`Offer:<marketplace>:<listing id>`, base64url); the global
 * id itself when it does not read so.
 */
function listingIdOf(offerId: string): string {
  const match = /^Offer:[a-z0-9-]+:(.+)$/.exec(Buffer.from(offerId, 'base64url').toString('utf8'));
  return match?.[1] ?? offerId;
}
