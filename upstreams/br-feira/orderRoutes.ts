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

/** Feira's error codes and statuses for the ledger's refusals. */
const ERRORS: Record<StockRefusal, [status: number, error: string, message: string]> = {
  UNKNOWN_ITEM: [404, 'item_not_found', 'Item not found'],
  BAD_QUANTITY: [400, 'invalid_quantity', 'quantity must be a positive integer'],
  OUT_OF_STOCK: [409, 'insufficient_stock', 'Not enough available_quantity for this item'],
  UNKNOWN_RESERVATION: [404, 'reservation_not_found', 'Reservation not found'],
  RESERVATION_EXPIRED: [409, 'reservation_expired', 'The reservation expired'],
  RESERVATION_CLOSED: [409, 'reservation_not_active', 'The reservation is not active'],
  RESERVATION_ORDERED: [409, 'reservation_consumed', 'The reservation was used by an order; cancel the order'],
  PRICE_CHANGED: [409, 'price_mismatch', 'unit_price differs from the item price'],
  UNKNOWN_ORDER: [404, 'order_not_found', 'Order not found'],
};

const RESERVATION_STATUS: Record<Reservation['state'], string> = {
  HELD: 'active',
  RELEASED: 'released',
  ORDERED: 'consumed',
  EXPIRED: 'expired',
};
const ORDER_STATUS: Record<MarketplaceOrderEntry['state'], string> = { PLACED: 'confirmed', CANCELLED: 'cancelled' };

type Body = Record<string, unknown>;
type Authorized = (handler: (request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) => SandboxResponse;

/**
 * Feira's write API: `POST /stock/reservations` (+ `/release`), `POST /orders` (+ `/cancel`), JSON
 * both ways, reais as JSON numbers, with an `X-Idempotency-Key` header on every write: the same key
 * and body answer the first result again (`X-Idempotent-Replayed: true`), the same key with
 * another body is a 409 `idempotency_key_reuse`.
 */
export function orderRoutes(ledger: StockLedger, authorized: Authorized): SandboxRoute[] {
  const write = (path: string, endpoint: string, fields: readonly string[], run: (body: Body) => Outcome<Body>): SandboxRoute => ({
    method: 'POST',
    path,
    endpoint,
    handle: authorized((request) => {
      const key = request.headers['x-idempotency-key'];
      if (typeof key !== 'string' || key === '') return failure(400, 'idempotency_key_required', 'X-Idempotency-Key header is required');
      const body = readBody(request.body);
      if (body === undefined) return failure(400, 'bad_request', 'body must be a JSON object');
      const result = ledger.once(endpoint, key, fingerprintOf(Object.fromEntries(fields.map((name) => [name, body[name]]))), () =>
        run(body),
      );
      if (result.kind === 'conflict') return failure(409, 'idempotency_key_reuse', 'X-Idempotency-Key was used with another request');
      const outcome = result.value;
      if (!outcome.ok) return failure(...ERRORS[outcome.refusal]);
      return { status: 201, headers: result.kind === 'replay' ? { 'x-idempotent-replayed': 'true' } : {}, body: outcome.value };
    }),
  });
  return [
    write('/stock/reservations', 'reservations.create', ['item_id', 'quantity'], (body) =>
      map(ledger.reserve(String(body.item_id), Number(body.quantity)), toReservation),
    ),
    write('/stock/reservations/release', 'reservations.release', ['reservation_id'], (body) =>
      map(ledger.release(String(body.reservation_id)), toReservation),
    ),
    write('/orders', 'orders.create', ['reservation_id', 'unit_price', 'buyer'], (body) => {
      const buyer = (typeof body.buyer === 'object' && body.buyer !== null ? body.buyer : {}) as Body;
      const cents = centavos(body.unit_price);
      if (cents === undefined) return { ok: false, refusal: 'PRICE_CHANGED' };
      return map(
        ledger.placeOrder(String(body.reservation_id), cents, {
          name: textOf(buyer.nickname),
          country: textOf(buyer.country_id),
        }),
        toOrder,
      );
    }),
    write('/orders/cancel', 'orders.cancel', ['order_id'], (body) => map(ledger.cancelOrder(String(body.order_id)), toOrder)),
  ];
}

function map<T>(outcome: Outcome<T>, render: (value: T) => Body): Outcome<Body> {
  return outcome.ok ? { ok: true, value: render(outcome.value) } : outcome;
}

const toReservation = (reservation: Reservation): Body => ({
  id: reservation.id,
  item_id: reservation.itemId,
  quantity: reservation.quantity,
  status: RESERVATION_STATUS[reservation.state],
  expiration_date: new Date(reservation.expiresAt).toISOString().replace('Z', '-00:00'),
});

const toOrder = (order: MarketplaceOrderEntry): Body => ({
  id: Number(order.id),
  status: ORDER_STATUS[order.state],
  reservation_id: order.reservationId,
  order_items: [{ item: { id: order.itemId }, quantity: order.quantity, unit_price: order.unitMinor / 100 }],
  total_amount: order.totalMinor / 100, // the vendor really sends reais as JSON numbers
  currency_id: 'BRL',
  buyer: { nickname: order.buyerName, country_id: order.buyerCountry },
});

/** 89.9 → 8990 centavos; a number with more than two decimals is not a price in reais. */
function centavos(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const cents = Math.round(value * 100);
  return Math.abs(cents - value * 100) < 1e-6 ? cents : undefined;
}

function readBody(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

function failure(status: number, error: string, message: string): SandboxResponse {
  return { status, body: { message, error, status, cause: [] } };
}
