import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '#packages/log/index.js';
import { QuoteError } from '#packages/quotes/index.js';
import type { PlaceOrderInput } from '../__generated__/resolvers.js';
import type { PlaceOrderPayloadModel, UserErrorModel } from '../models.js';
import type { OrderSaga } from '../saga/createOrderSaga.js';
import { quoteFactsOf } from '../saga/quoteFactsOf.js';
import { verifiedQuote } from '../saga/verifiedQuote.js';
import { BOOKING_STEPS } from '../saga/stepNames.js';
import type { OrderRecord, OrderStore, QuoteFacts } from '../store/OrderStore.js';
import { normalizePlaceOrderInput, type NormalizedPlaceOrder } from './normalizePlaceOrderInput.js';
import { newOrderId } from './newOrderId.js';
import { requestHashOf } from './requestHashOf.js';

export interface OrderBookingOptions {
  store: OrderStore;
  saga: OrderSaga;
  quoteKey: Buffer;
  /** This replica's saga lease owner: it takes the lease when it creates an order. */
  owner: string;
  leaseMs: number;
  /** How long placeOrder waits for the saga to settle before answering with the order as it stands. */
  waitMs: number;
  logger: Logger;
  now?: () => number;
}

export interface OrderBooking {
  /** Books for `owner` (an API key id): its idempotency keys are its own. A test-mode key's orders honour test triggers. */
  placeOrder(input: PlaceOrderInput, owner: string, testMode?: boolean): Promise<PlaceOrderPayloadModel>;
}

/** How often a request waiting on a saga run by another replica looks at the store. */
const POLL_MS = 100;

/**
 * `placeOrder`: validation first (nothing booked on bad input), then one order per owner and
 * idempotency key, then the saga, waited for up to `waitMs`.
 *
 * Idempotency: the same key with the same (normalized) input returns the same order, whether it
 * is done or still running; with another input it is refused with IDEMPOTENCY_KEY_REUSED. While
 * the saga runs, every request for it waits up to `waitMs` for it to settle and then answers with
 * the order as it stands (PENDING if it has not settled: follow it with `order(id)`). So 20
 * concurrent requests with one key, when the booking takes less than `waitMs`, get 20 identical
 * answers; and a client's retry after a crash also resumes the saga if no replica holds it.
 */
export function createOrderBooking(options: OrderBookingOptions): OrderBooking {
  const { store, saga, quoteKey, logger } = options;
  const now = options.now ?? Date.now;

  async function placeOrder(input: PlaceOrderInput, owner: string, testMode = false): Promise<PlaceOrderPayloadModel> {
    const normalized = normalizePlaceOrderInput(input);
    if ('errors' in normalized) return { order: null, userErrors: normalized.errors };
    const request = normalized.value;
    const requestHash = requestHashOf(request);

    // A known key is answered with its order even when the quote has expired since (a client's
    // retry); on the way to a new order, createOrder finds a known key itself, in the same statement.
    const quote = readQuote(request);
    if ('errors' in quote) {
      const existing = await store.getOrderByIdempotencyKey(owner, request.idempotencyKey);
      return existing ? answer(existing, requestHash) : { order: null, userErrors: quote.errors };
    }

    const createdAt = now();
    const { order, created } = await store.createOrder({
      id: newOrderId(),
      ownerKeyId: owner,
      testMode,
      buyerReference: request.buyerReference,
      idempotencyKey: request.idempotencyKey,
      requestHash,
      status: 'PENDING',
      phase: 'FORWARD',
      quoteToken: request.quoteId,
      quote: quote.facts,
      buyer: request.buyer,
      paymentMethod: request.paymentMethod,
      total: quote.facts.total,
      // Until AUTHORIZE_PAYMENT asks the seller's trust (decideEscrow), a cross-border order counts as escrowed.
      escrow: quote.facts.originCountry !== quote.facts.destinationCountry,
      shipmentId: null,
      paymentId: null,
      failure: null,
      createdAt,
      steps: BOOKING_STEPS,
      leaseOwner: options.owner,
      leaseUntil: createdAt + options.leaseMs,
    });
    if (!created) return answer(order, requestHash); // a concurrent request with this key won the insert
    logger.info('order created', { orderId: order.id, escrow: order.escrow, total: order.total });
    // not tied to this request: it goes on if the client goes away
    void saga.run(order.id, { leaseHeld: true, created: { order, steps: BOOKING_STEPS } });
    return payloadOf(await settled(order.id));
  }

  function readQuote(request: NormalizedPlaceOrder): { facts: QuoteFacts } | { errors: UserErrorModel[] } {
    let facts: QuoteFacts;
    try {
      facts = quoteFactsOf(verifiedQuote(request.quoteId, quoteKey, now()));
    } catch (error) {
      if (!(error instanceof QuoteError)) throw error;
      return { errors: [{ code: error.code, message: `quoteId: ${error.message}`, field: ['input', 'quoteId'] }] };
    }
    if (facts.destinationCountry !== request.buyer.address.country) {
      const message = `buyer.address.country: the quote is for delivery to ${facts.destinationCountry}, not ${request.buyer.address.country}; ask for a quote to this address`;
      return { errors: [{ code: 'INVALID_INPUT', message, field: ['input', 'buyer', 'address', 'country'] }] };
    }
    return { facts };
  }

  async function answer(order: OrderRecord, requestHash: string): Promise<PlaceOrderPayloadModel> {
    if (order.requestHash !== requestHash) {
      const message = 'idempotencyKey: this key was used for another order; use a new key for a new order';
      return { order: null, userErrors: [{ code: 'IDEMPOTENCY_KEY_REUSED', message, field: ['input', 'idempotencyKey'] }] };
    }
    // An order nobody is running (its replica crashed) is resumed by the client's retry; the lease
    // keeps this from racing a replica that does run it.
    if (order.status === 'PENDING' && !saga.inFlight(order.id) && order.nextAttemptAt <= now() && order.leaseUntil <= now()) {
      void saga.run(order.id);
    }
    return payloadOf(await settled(order.id));
  }

  /**
   * The order once it is no longer PENDING, or as it stands when `waitMs` has passed. While this
   * process runs its saga there is nothing to read until the run's last write: the store is asked
   * once the run has moved as far as it can (or the wait is over), then polled.
   */
  async function settled(orderId: string): Promise<OrderRecord> {
    const deadline = now() + options.waitMs;
    let waitedFor: Promise<void> | undefined;
    for (;;) {
      const inFlight = saga.inFlight(orderId);
      // A run that has moved stays in flight while it gives its lease up: it is waited for once.
      const running = inFlight === waitedFor ? undefined : inFlight;
      waitedFor = inFlight;
      if (running) {
        let timer: NodeJS.Timeout | undefined;
        const waitOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, deadline - now()))));
        await Promise.race([running, waitOver]);
        // do not keep a timer for the rest of the wait (cleared, not aborted: an abort builds two errors nobody reads)
        clearTimeout(timer);
      }
      const order = await store.getOrder(orderId);
      if (!order) throw new Error(`order ${orderId} vanished`);
      const remaining = deadline - now();
      if (order.status !== 'PENDING' || remaining <= 0) return order;
      // Still PENDING after the run moved (it waits for a retry), or another replica runs it.
      await sleep(Math.min(POLL_MS, remaining));
    }
  }

  return { placeOrder };
}

/** The answer for an order: it, and the failure that ended it as a user error. */
export function payloadOf(order: OrderRecord): PlaceOrderPayloadModel {
  const failure = order.failure;
  if (!failure) return { order, userErrors: [] };
  const userError = { code: failure.code, message: failure.message, field: failure.field, step: failure.step };
  return { order, userErrors: [failure.code === 'CARRIER_UNAVAILABLE' ? { ...userError, failedOrder: order } : userError] };
}
