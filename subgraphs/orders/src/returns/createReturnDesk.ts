import { randomBytes } from 'node:crypto';
import type { Logger } from '#packages/log/index.js';
import { fromMinor, parseMoney, toMoneyOutput, type MoneyOutput } from '#packages/money/index.js';
import { verifyQuote } from '#packages/quotes/index.js';
import { orderEvent } from '../events/orderEvent.js';
import { ParticipantError } from '../participants/ParticipantError.js';
import { sellerParty } from '../saga/bookingSteps.js';
import type { Participants } from '../saga/Participants.js';
import type { OrderRecord, OrderStore } from '../store/OrderStore.js';
import { refundOf, sellerAtFault } from './refundOf.js';
import type { ReturnReason, ReturnRecord } from './ReturnRecord.js';

/** Why a return was not accepted (the schema's `ReturnErrorCode`). */
export type ReturnErrorCode =
  | 'ORDER_NOT_FOUND'
  | 'NOT_DELIVERED'
  | 'ALREADY_RETURNED'
  | 'INVALID_ITEMS'
  | 'ORDER_DISPUTED'
  | 'RETURN_POLICY_UNKNOWN'
  | 'RETURNS_NOT_ACCEPTED'
  | 'RETURN_WINDOW_CLOSED'
  | 'CARRIER_UNAVAILABLE'
  | 'PAYMENT_UNAVAILABLE'
  | 'MARKETPLACE_UNAVAILABLE';

export interface ReturnUserError {
  readonly code: ReturnErrorCode;
  readonly message: string;
  readonly field: readonly (string | number)[] | null;
}

export interface RequestReturnResult {
  readonly returned: ReturnRecord | null;
  readonly userErrors: readonly ReturnUserError[];
}

export interface ReturnRequest {
  readonly orderId: string;
  readonly items: ReadonlyArray<{ readonly offerId: string; readonly quantity: number }>;
  readonly reason: ReturnReason;
}

export interface ReturnDesk {
  requestReturn(request: ReturnRequest, owner: string): Promise<RequestReturnResult>;
}

const DAY_MS = 86_400_000;

/**
 * Returns of delivered orders. A return is accepted against the seller's return policy as its
 * marketplace reports it, recorded with its `return.requested` event (one per order: the store's
 * unique order id), then carried out in two keyed participant calls: a return label on the reverse
 * lane (logistics, key `return:<id>:LABEL`) and the refund (payments, key `return:<id>:REFUND`,
 * with `payment.refunded`). A call that gets no answer leaves the return where it stands; asking
 * again resumes it with the same keys, so nothing is booked or refunded twice. A refund the
 * provider refuses puts the return in `NEEDS_ATTENTION`.
 */
export function createReturnDesk(options: {
  store: OrderStore;
  participants: Participants;
  quoteKey: Buffer;
  logger: Logger;
  now?: () => number;
}): ReturnDesk {
  const { store, participants, logger } = options;
  const now = options.now ?? Date.now;
  const refuse = (code: ReturnErrorCode, message: string, field: ReturnUserError['field'] = null): RequestReturnResult => ({
    returned: null,
    userErrors: [{ code, message, field }],
  });

  async function requestReturn(request: ReturnRequest, owner: string): Promise<RequestReturnResult> {
    const order = await store.getOwnedOrder(owner, request.orderId);
    // Another key's order answers exactly as an unknown id.
    if (!order) return refuse('ORDER_NOT_FOUND', `no order ${request.orderId}`, ['orderId']);
    const existing = await store.getReturnOfOrder(order.id);
    if (existing?.status === 'REFUNDED' || existing?.status === 'NEEDS_ATTENTION') {
      return {
        returned: existing,
        userErrors: [{ code: 'ALREADY_RETURNED', message: `order ${order.id} was returned (${existing.id})`, field: ['orderId'] }],
      };
    }
    if (existing) return carryOut(order, existing);

    const itemError = checkItems(order, request.items);
    if (itemError) return { returned: null, userErrors: [itemError] };
    const quantity = request.items[0]!.quantity;
    // A disputed order's money goes back (or to the seller) as the dispute is settled: a return
    // refunding beside it would give the buyer the same money twice, or refund what the seller won.
    if ((await store.listDisputes([order.id])).has(order.id)) {
      return refuse('ORDER_DISPUTED', `order ${order.id} is disputed: its refund is settled by the dispute`, ['orderId']);
    }
    if (order.status !== 'CONFIRMED' || order.shipmentId === null || order.paymentId === null) {
      return refuse('NOT_DELIVERED', `order ${order.id} is ${order.status}: only a delivered order can be returned`, ['orderId']);
    }
    const tracking = (await participants.trackShipments([order.shipmentId])).get(order.shipmentId);
    if (!tracking || 'refused' in tracking) {
      return refuse('CARRIER_UNAVAILABLE', `the carrier could not say whether order ${order.id} was delivered; try again`);
    }
    const deliveredAt = tracking.firstReportedAt.DELIVERED;
    if (tracking.status !== 'DELIVERED' || deliveredAt === undefined) {
      return refuse('NOT_DELIVERED', `order ${order.id}'s parcel is ${tracking.status}: only a delivered order can be returned`, [
        'orderId',
      ]);
    }

    const steps = (await store.listSteps([order.id])).get(order.id) ?? [];
    const reservation = steps.find((step) => step.name === 'RESERVE_STOCK')?.result ?? {};
    const sellerId = reservation.sellerId;
    let policy;
    try {
      policy = sellerId === undefined || !participants.sellerReturnPolicy ? null : await participants.sellerReturnPolicy(sellerId);
    } catch (error) {
      logger.warn('seller return policy not read', { orderId: order.id, error: error instanceof Error ? error.message : String(error) });
      return refuse('MARKETPLACE_UNAVAILABLE', "the seller's marketplace could not be asked for its return policy; try again");
    }
    if (policy === null) {
      return refuse('RETURN_POLICY_UNKNOWN', "the seller's marketplace reports no return policy: settle the return with the marketplace", [
        'orderId',
      ]);
    }
    if (!policy.acceptsReturns || policy.windowDays === null) {
      return refuse('RETURNS_NOT_ACCEPTED', 'the seller does not take returns (its marketplace says so); a faulty item is a dispute', [
        'orderId',
      ]);
    }
    const closesAt = Date.parse(deliveredAt) + policy.windowDays * DAY_MS;
    if (now() > closesAt) {
      return refuse(
        'RETURN_WINDOW_CLOSED',
        `the seller takes returns within ${policy.windowDays} days of delivery; that closed on ${new Date(closesAt).toISOString()}`,
        ['orderId'],
      );
    }

    const applied = {
      windowDays: policy.windowDays,
      returnShippingPaidBy: policy.returnShippingPaidBy,
      restockingFeeBp: policy.restockingFeeBp,
    };
    const quote = verifyQuote(order.quoteToken, options.quoteKey, Number.NEGATIVE_INFINITY);
    const refund = refundOf(quote.converted, quantity, order.quote.quantity, request.reason, applied);
    const at = now();
    const record: ReturnRecord = {
      id: `ret_${randomBytes(16).toString('base64url')}`,
      orderId: order.id,
      ownerKeyId: owner,
      reason: request.reason,
      quantity,
      status: 'REQUESTED',
      policy: applied,
      refundLines: refund.lines,
      refundTotal: toMoneyOutput(refund.total),
      deliveredAt: new Date(deliveredAt).toISOString(),
      labelShipmentId: null,
      refundedAt: null,
      attention: null,
      createdAt: at,
      updatedAt: at,
    };
    const event = orderEvent('return.requested', order, at, {
      returnId: record.id,
      reason: record.reason,
      quantity,
      sellerAtFault: sellerAtFault(record.reason),
      requestedAt: new Date(at).toISOString(),
    });
    const { record: stored, created } = await store.createReturn(record, [event]);
    if (!created) logger.info('return already requested for the order; carrying on with it', { orderId: order.id, returnId: stored.id });
    return carryOut(order, stored);
  }

  /** Books the label, then refunds; each step once, keyed by the return, resumed where it stands. */
  async function carryOut(order: OrderRecord, record: ReturnRecord): Promise<RequestReturnResult> {
    let current = record;
    if (current.labelShipmentId === null) {
      try {
        const steps = (await store.listSteps([order.id])).get(order.id) ?? [];
        const reservation = steps.find((step) => step.name === 'RESERVE_STOCK')?.result ?? {};
        const { buyer, quote } = order;
        const label = await participants.createReturnShipment!({
          shipmentId: order.shipmentId!,
          shipFrom: {
            name: buyer.name,
            line1: buyer.address.line2 ? `${buyer.address.line1}, ${buyer.address.line2}` : buyer.address.line1,
            city: buyer.address.city,
            postalCode: buyer.address.postalCode,
            country: buyer.address.country,
            phone: buyer.phone,
            email: buyer.email,
          },
          shipTo: sellerParty(reservation, quote.originCountry),
          goods: {
            description: reservation.title ?? 'returned goods',
            hsCode: reservation.hsCode ?? null,
            originCountry: quote.originCountry,
            quantity: current.quantity,
            value: toMoneyOutput(shareOf(quote.item, current.quantity, quote.quantity)),
            weightGrams: Math.max(1, Number(reservation.weightGrams ?? 1) * current.quantity),
          },
          reason: current.reason,
          idempotencyKey: `return:${current.id}:LABEL`,
        });
        await store.updateReturn(current.id, { status: 'LABEL_BOOKED', labelShipmentId: label.shipmentId }, now());
        current = { ...current, status: 'LABEL_BOOKED', labelShipmentId: label.shipmentId };
      } catch (error) {
        return { returned: current, userErrors: [failureOf(error, 'CARRIER_UNAVAILABLE', 'the return label could not be booked')] };
      }
    }
    if (current.refundedAt === null) {
      try {
        // the one refund path disputes use too, for a part: what the policy gives back
        await participants.refundPayment({
          paymentId: order.paymentId!,
          amount: current.refundTotal,
          reason: current.id,
          idempotencyKey: `return:${current.id}:REFUND`,
        });
        const at = now();
        const event = orderEvent('payment.refunded', order, at, {
          paymentId: order.paymentId!,
          amount: { amount: current.refundTotal.amount, currency: current.refundTotal.currency },
          refundedAt: new Date(at).toISOString(),
          returnId: current.id,
        });
        await store.updateReturn(current.id, { status: 'REFUNDED', refundedAt: at }, at, [event]);
        current = { ...current, status: 'REFUNDED', refundedAt: at, updatedAt: at };
      } catch (error) {
        if (error instanceof ParticipantError && error.kind !== 'transient' && error.kind !== 'unreached') {
          const attention = `the payment provider refused the refund (${error.code}: ${error.message}): refund the buyer by hand`;
          await store.updateReturn(current.id, { status: 'NEEDS_ATTENTION', attention }, now());
          logger.error('return refund refused: needs attention', { returnId: current.id, orderId: order.id, code: error.code });
          return { returned: { ...current, status: 'NEEDS_ATTENTION', attention }, userErrors: [] };
        }
        return { returned: current, userErrors: [failureOf(error, 'PAYMENT_UNAVAILABLE', 'the refund could not be issued')] };
      }
    }
    logger.info('return done', {
      returnId: current.id,
      orderId: order.id,
      refund: `${current.refundTotal.amount} ${current.refundTotal.currency}`,
    });
    return { returned: current, userErrors: [] };
  }

  return { requestReturn };
}

/** One item: the order's offer, 1 to the ordered quantity. */
function checkItems(order: OrderRecord, items: ReturnRequest['items']): ReturnUserError | undefined {
  if (items.length !== 1) {
    return { code: 'INVALID_ITEMS', message: `an order holds one offer: return it as one item (${items.length} given)`, field: ['items'] };
  }
  const [item] = items as [ReturnRequest['items'][number]];
  if (item.offerId !== order.quote.offerId) {
    return { code: 'INVALID_ITEMS', message: `offer ${item.offerId} is not in order ${order.id}`, field: ['items', 0, 'offerId'] };
  }
  if (!Number.isInteger(item.quantity) || item.quantity < 1 || item.quantity > order.quote.quantity) {
    return { code: 'INVALID_ITEMS', message: `quantity: 1 to ${order.quote.quantity}, the units ordered`, field: ['items', 0, 'quantity'] };
  }
  return undefined;
}

/** The value of `quantity` of `ordered` units, in the seller's currency, for the return's customs invoice. */
function shareOf(money: MoneyOutput, quantity: number, ordered: number) {
  const value = parseMoney(money.amount, money.currency);
  return fromMinor((value.minor * BigInt(quantity)) / BigInt(ordered), value.currency);
}

function failureOf(error: unknown, code: ReturnErrorCode, what: string): ReturnUserError {
  const message = error instanceof Error ? error.message : String(error);
  return { code, message: `${what}: ${message}; ask again to resume this return`, field: null };
}
