import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '#packages/log/index.js';
import {
  type MarketplaceOrderEntry,
  type Outcome,
  type Reservation,
  type SandboxRequest,
  type SandboxResponse,
  type SandboxRoute,
  type StockLedger,
  type StockRefusal,
  textOf,
} from '#packages/sandbox/index.js';
import { fingerprintOf } from '#packages/sandbox/index.js';
import { signCallback } from './credentials.js';
import { failure } from './protocolError.js';

/** The protocol's refusals for the ledger's, with their statuses. */
const REFUSALS: Record<StockRefusal, [status: number, code: string, message: string]> = {
  UNKNOWN_ITEM: [404, 'NOT_FOUND', 'no such listing'],
  BAD_QUANTITY: [400, 'INVALID_REQUEST', 'quantity: a whole number from 1'],
  OUT_OF_STOCK: [409, 'OUT_OF_STOCK', 'fewer available than asked'],
  UNKNOWN_RESERVATION: [404, 'NOT_FOUND', 'no such hold'],
  RESERVATION_EXPIRED: [409, 'HOLD_EXPIRED', 'the hold lapsed'],
  RESERVATION_CLOSED: [409, 'HOLD_CLOSED', 'the hold was released or already ordered'],
  RESERVATION_ORDERED: [409, 'HOLD_ORDERED', 'the hold became an order: cancel the order'],
  PRICE_CHANGED: [409, 'PRICE_CHANGED', 'the listing costs another price now'],
  UNKNOWN_ORDER: [404, 'NOT_FOUND', 'no such order'],
};

type Body = Record<string, unknown>;
type Authenticated = (handler: (request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) => SandboxResponse;
const ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Soko's holds and orders, as the protocol has them: JSON bodies, an `Idempotency-Key` on every
 * write (the same key and body answer the first answer again, status included; another body is
 * `422 IDEMPOTENCY_KEY_REUSED`), and a signed `orderStatusChanged` callback to the order's
 * `callbackUrl` whenever its status changes.
 */
export function orderRoutes(ledger: StockLedger, authenticated: Authenticated, logger: Logger): SandboxRoute[] {
  const callbacks = new Map<string, string>();
  /** Every order as it stands, and when it was placed (the ledger keeps neither for lookups). */
  const orders = new Map<string, { entry: MarketplaceOrderEntry; createdAt: string }>();
  let events = 0;
  const record = (entry: MarketplaceOrderEntry) => {
    orders.set(entry.id, { entry, createdAt: orders.get(entry.id)?.createdAt ?? new Date().toISOString() });
    return toOrder(entry, orders.get(entry.id)!.createdAt);
  };

  const notify = (order: MarketplaceOrderEntry) => {
    const url = callbacks.get(order.id);
    if (url === undefined) return;
    const event = {
      eventId: `EV-${++events}`,
      orderId: order.id,
      status: order.state,
      occurredAt: new Date().toISOString(),
      ...(order.state === 'CANCELLED' && { cancelledBy: 'BUYER' }),
    };
    void deliver(url, JSON.stringify(event), logger);
  };

  const write = (
    path: string,
    endpoint: string,
    fields: readonly string[],
    status: number,
    run: (body: Body) => Outcome<Body>,
  ): SandboxRoute => ({
    method: 'POST',
    path,
    endpoint,
    handle: authenticated((request) => {
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key))
        return failure(400, 'INVALID_REQUEST', 'Idempotency-Key: 1 to 200 visible ASCII characters');
      const body = readBody(request.body);
      if (body === undefined) return failure(400, 'INVALID_REQUEST', 'the body must be a JSON object');
      const result = ledger.once(endpoint, key, fingerprintOf(Object.fromEntries(fields.map((name) => [name, body[name]]))), () =>
        run(body),
      );
      if (result.kind === 'conflict') return failure(422, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key was sent before with another request');
      if (!result.value.ok) return failure(...REFUSALS[result.value.refusal]);
      return { status, body: result.value.value };
    }),
  });

  return [
    write('/holds', 'createHold', ['listingId', 'quantity'], 201, (body) =>
      typeof body.listingId !== 'string' || !ID.test(body.listingId)
        ? { ok: false, refusal: 'UNKNOWN_ITEM' }
        : map(ledger.reserve(body.listingId, Number(body.quantity)), toHold),
    ),
    write('/holds/release', 'releaseHold', ['holdId'], 200, (body) => map(ledger.release(String(body.holdId)), toHold)),
    write('/orders', 'placeOrder', ['holdId', 'expectedUnitPrice', 'buyer'], 201, (body) => {
      const price = body.expectedUnitPrice as { amount?: unknown; currency?: unknown } | undefined;
      const cents = typeof price?.amount === 'string' && price.currency === 'KES' ? centsOf(price.amount) : undefined;
      if (cents === undefined) return { ok: false, refusal: 'PRICE_CHANGED' };
      const buyer = (body.buyer ?? {}) as { name?: unknown; country?: unknown };
      const placed = ledger.placeOrder(String(body.holdId), cents, {
        name: textOf(buyer.name),
        country: textOf(buyer.country),
      });
      if (placed.ok && typeof body.callbackUrl === 'string') callbacks.set(placed.value.id, body.callbackUrl);
      if (placed.ok) notify(placed.value);
      return map(placed, record);
    }),
    write('/orders/cancel', 'cancelOrder', ['orderId'], 200, (body) => {
      const cancelled = ledger.cancelOrder(String(body.orderId));
      // Cancelling again answers as it is, and says nothing new.
      if (cancelled.ok && orders.get(cancelled.value.id)?.entry.state !== 'CANCELLED') notify(cancelled.value);
      return map(cancelled, record);
    }),
    {
      method: 'GET',
      path: '/orders/lookup',
      endpoint: 'getOrders',
      handle: authenticated((request) => {
        const ids = request.query.get('ids') ?? '';
        if (!/^[A-Za-z0-9._:-]{1,100}(,[A-Za-z0-9._:-]{1,100}){0,49}$/.test(ids))
          return failure(400, 'INVALID_REQUEST', 'ids: 1 to 50 ids, comma-separated');
        const found = ids.split(',').flatMap((id) => {
          const order = orders.get(id);
          return order ? [toOrder(order.entry, order.createdAt)] : [];
        });
        return { body: { orders: found } };
      }),
    },
  ];
}

/**
 * Delivers a callback, signed afresh each time; a receiver that does not answer 2xx is asked again
 * with exponential backoff (0.5 s doubling, about a minute in all: a sandbox's 24 hours).
 */
async function deliver(url: string, body: string, logger: Logger): Promise<void> {
  const target = new URL(url);
  for (let attempt = 1; attempt <= 7; attempt++) {
    try {
      const headers = { 'content-type': 'application/json', ...signCallback(target.pathname + target.search, body) };
      const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
    } catch (error) {
      logger.warn('callback not delivered', { upstream: 'ke-soko', url, attempt, error });
    }
    await sleep(500 * 2 ** (attempt - 1));
  }
}

function map<T>(outcome: Outcome<T>, render: (value: T) => Body): Outcome<Body> {
  return outcome.ok ? { ok: true, value: render(outcome.value) } : outcome;
}

const toHold = (hold: Reservation): Body => ({
  id: hold.id,
  listingId: hold.itemId,
  quantity: hold.quantity,
  status: hold.state,
  expiresAt: new Date(hold.expiresAt).toISOString(),
});

const shillings = (cents: number) => ({ amount: (cents / 100).toFixed(2), currency: 'KES' });

const toOrder = (order: MarketplaceOrderEntry, createdAt: string): Body => ({
  id: order.id,
  holdId: order.reservationId,
  status: order.state,
  unitPrice: shillings(order.unitMinor),
  quantity: order.quantity,
  total: shillings(order.totalMinor),
  createdAt,
  ...(order.state === 'CANCELLED' && { cancelledBy: 'BUYER' }),
});

/** "2300.00" → 230000 cents; more than two decimals is not an amount in shillings. */
function centsOf(amount: string): number | undefined {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(amount);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : undefined;
}

function readBody(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}
