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

/** Main Street's error codes (and HTTP statuses) for the ledger's refusals. */
const ERRORS: Record<StockRefusal, [status: number, code: string, message: string]> = {
  UNKNOWN_ITEM: [404, 'ResourceNotFound', 'Listing not found'],
  BAD_QUANTITY: [400, 'ValidationError', 'quantity must be a positive integer'],
  OUT_OF_STOCK: [409, 'InsufficientInventory', 'Not enough quantityAvailable for this listing'],
  UNKNOWN_RESERVATION: [404, 'ResourceNotFound', 'Reservation not found'],
  RESERVATION_EXPIRED: [409, 'ReservationExpired', 'The reservation expired'],
  RESERVATION_CLOSED: [409, 'InvalidReservationState', 'The reservation is not ACTIVE'],
  RESERVATION_ORDERED: [409, 'ReservationFulfilled', 'The reservation was fulfilled by an order; cancel the order'],
  PRICE_CHANGED: [409, 'PriceMismatch', 'expectedUnitPriceCents differs from the listing price'],
  UNKNOWN_ORDER: [404, 'ResourceNotFound', 'Order not found'],
};

const RESERVATION_STATUS: Record<Reservation['state'], string> = {
  HELD: 'ACTIVE',
  RELEASED: 'RELEASED',
  ORDERED: 'FULFILLED',
  EXPIRED: 'EXPIRED',
};
const ORDER_STATUS: Record<MarketplaceOrderEntry['state'], string> = { PLACED: 'PLACED', CANCELLED: 'CANCELED' };

type Body = Record<string, unknown>;
type Metered = (handler: (request: SandboxRequest) => SandboxResponse) => (request: SandboxRequest) => SandboxResponse;
type Failure = (status: number, code: string, message: string) => SandboxResponse;

/**
 * Main Street's write API: `POST /v1/reservations` (+ `:release`), `POST /v1/orders` (+ `:cancel`),
 * integer cents, metered like every call. Idempotency is AWS-style: a `clientToken` in the body;
 * the same token with the same parameters answers the first result again, with other parameters
 * it is `IdempotentParameterMismatch`.
 */
export function orderRoutes(ledger: StockLedger, metered: Metered, failure: Failure): SandboxRoute[] {
  const write = (path: string, endpoint: string, fields: readonly string[], run: (body: Body) => Outcome<Body>): SandboxRoute => ({
    method: 'POST',
    path,
    endpoint,
    handle: metered((request) => {
      const body = readBody(request.body);
      if (body === undefined) return failure(400, 'ValidationError', 'Request body must be a JSON object');
      if (typeof body.clientToken !== 'string' || body.clientToken === '')
        return failure(400, 'ValidationError', 'clientToken is required');
      const fingerprint = fingerprintOf(Object.fromEntries(fields.map((name) => [name, body[name]])));
      const result = ledger.once(endpoint, body.clientToken, fingerprint, () => run(body));
      if (result.kind === 'conflict') {
        return failure(400, 'IdempotentParameterMismatch', 'clientToken was already used with different parameters');
      }
      if (!result.value.ok) return failure(...ERRORS[result.value.refusal]);
      return { body: result.value.value };
    }),
  });
  return [
    write('/v1/reservations', 'reservations.create', ['listingId', 'quantity'], (body) =>
      map(ledger.reserve(String(body.listingId), Number(body.quantity)), (reservation) => ({ reservation: toReservation(reservation) })),
    ),
    write('/v1/reservations:release', 'reservations.release', ['reservationId'], (body) =>
      map(ledger.release(String(body.reservationId)), (reservation) => ({ reservation: toReservation(reservation) })),
    ),
    write('/v1/orders', 'orders.create', ['reservationId', 'expectedUnitPriceCents', 'buyer'], (body) => {
      const buyer = (typeof body.buyer === 'object' && body.buyer !== null ? body.buyer : {}) as Body;
      const cents = Number.isSafeInteger(body.expectedUnitPriceCents) ? (body.expectedUnitPriceCents as number) : -1;
      return map(
        ledger.placeOrder(String(body.reservationId), cents, { name: textOf(buyer.name), country: textOf(buyer.countryCode) }),
        (order) => ({ order: toOrder(order) }),
      );
    }),
    write('/v1/orders:cancel', 'orders.cancel', ['orderId'], (body) =>
      map(ledger.cancelOrder(String(body.orderId)), (order) => ({ order: toOrder(order) })),
    ),
  ];
}

function map<T>(outcome: Outcome<T>, render: (value: T) => Body): Outcome<Body> {
  return outcome.ok ? { ok: true, value: render(outcome.value) } : outcome;
}

const toReservation = (reservation: Reservation): Body => ({
  reservationId: reservation.id,
  listingId: reservation.itemId,
  quantity: reservation.quantity,
  status: RESERVATION_STATUS[reservation.state],
  expiresAt: new Date(reservation.expiresAt).toISOString(),
});

const toOrder = (order: MarketplaceOrderEntry): Body => ({
  orderId: order.id,
  reservationId: order.reservationId,
  status: ORDER_STATUS[order.state],
  listingId: order.itemId,
  quantity: order.quantity,
  unitPriceCents: order.unitMinor,
  totalCents: order.totalMinor,
  currency: 'USD',
  buyer: { name: order.buyerName, countryCode: order.buyerCountry },
});

function readBody(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}
