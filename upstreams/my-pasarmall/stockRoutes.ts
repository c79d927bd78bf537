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

/** PasarMall's envelope errors for the ledger's refusals (always with HTTP 400, as the platform does). */
const ERRORS: Record<StockRefusal, [error: string, message: string]> = {
  UNKNOWN_ITEM: ['error_item_not_found', 'Item not found.'],
  BAD_QUANTITY: ['error_param', 'quantity should be a positive integer.'],
  OUT_OF_STOCK: ['error_stock_insufficient', 'Stock is not enough for this item.'],
  UNKNOWN_RESERVATION: ['error_reservation_not_found', 'Reservation not found.'],
  RESERVATION_EXPIRED: ['error_reservation_expired', 'Reservation has expired.'],
  RESERVATION_CLOSED: ['error_reservation_status', 'Reservation is not in RESERVED status.'],
  RESERVATION_ORDERED: ['error_reservation_consumed', 'Reservation was used by an order, please cancel the order.'],
  PRICE_CHANGED: ['error_price_changed', 'item_price does not match the current price.'],
  UNKNOWN_ORDER: ['error_order_not_found', 'Order not found.'],
};

const RESERVATION_STATUS: Record<Reservation['state'], string> = {
  HELD: 'RESERVED',
  RELEASED: 'RELEASED',
  ORDERED: 'CONSUMED',
  EXPIRED: 'EXPIRED',
};
const ORDER_STATUS: Record<MarketplaceOrderEntry['state'], string> = { PLACED: 'READY_TO_SHIP', CANCELLED: 'CANCELLED' };

type Body = Record<string, unknown>;
type Envelope = { success(response: Body): SandboxResponse; failure(status: number, error: string, message: string): SandboxResponse };

/**
 * PasarMall's write endpoints: signed like every call (partner_id, timestamp, sign over the path,
 * in the query), JSON bodies, answers in `{error, message, response}` envelopes. Each write carries
 * a `partner_request_id` in its body: the same id with the same body answers the first result
 * again; with another body it is refused with `error_duplicate_request`.
 */
export function stockRoutes(
  ledger: StockLedger,
  checkAuth: (apiPath: string, params: URLSearchParams) => SandboxResponse | undefined,
  envelope: Envelope,
): SandboxRoute[] {
  const write = (path: string, endpoint: string, fields: readonly string[], run: (body: Body) => Outcome<Body>): SandboxRoute => ({
    method: 'POST',
    path,
    endpoint,
    handle: (request: SandboxRequest) => {
      const refused = checkAuth(path, request.query);
      if (refused) return refused;
      const body = readBody(request.body);
      if (body === undefined) return envelope.failure(400, 'error_param', 'Body should be a JSON object.');
      const requestId = body.partner_request_id;
      if (typeof requestId !== 'string' || requestId === '') return envelope.failure(400, 'error_param', 'partner_request_id is required.');
      const fingerprint = fingerprintOf(Object.fromEntries(fields.map((name) => [name, body[name]])));
      const result = ledger.once(endpoint, requestId, fingerprint, () => run(body));
      if (result.kind === 'conflict') {
        return envelope.failure(400, 'error_duplicate_request', 'partner_request_id was used with different parameters.');
      }
      if (!result.value.ok) return envelope.failure(400, ...ERRORS[result.value.refusal]);
      return envelope.success(result.value.value);
    },
  });
  return [
    write('/api/v2/stock/reserve', 'v2.stock.reserve', ['item_id', 'quantity'], (body) =>
      map(ledger.reserve(String(body.item_id), Number(body.quantity)), toReservation),
    ),
    write('/api/v2/stock/release', 'v2.stock.release', ['reservation_id'], (body) =>
      map(ledger.release(String(body.reservation_id)), toReservation),
    ),
    write(
      '/api/v2/order/create_order',
      'v2.order.create_order',
      ['reservation_id', 'item_price', 'buyer_username', 'buyer_region'],
      (body) => {
        const sen = senOf(body.item_price);
        if (sen === undefined) return { ok: false, refusal: 'PRICE_CHANGED' };
        const buyer = { name: textOf(body.buyer_username), country: textOf(body.buyer_region) };
        return map(ledger.placeOrder(String(body.reservation_id), sen, buyer), toOrder);
      },
    ),
    write('/api/v2/order/cancel_order', 'v2.order.cancel_order', ['order_sn'], (body) =>
      map(ledger.cancelOrder(String(body.order_sn)), toOrder),
    ),
  ];
}

function map<T>(outcome: Outcome<T>, render: (value: T) => Body): Outcome<Body> {
  return outcome.ok ? { ok: true, value: render(outcome.value) } : outcome;
}

const toReservation = (reservation: Reservation): Body => ({
  reservation_id: reservation.id,
  item_id: Number(reservation.itemId),
  reserved_quantity: reservation.quantity,
  reservation_status: RESERVATION_STATUS[reservation.state],
  expire_time: Math.floor(reservation.expiresAt / 1000), // unix seconds, as the platform writes every time
});

const toOrder = (order: MarketplaceOrderEntry): Body => ({
  order_sn: order.id,
  order_status: ORDER_STATUS[order.state],
  reservation_id: order.reservationId,
  item_list: [{ item_id: Number(order.itemId), model_quantity_purchased: order.quantity, model_original_price: order.unitMinor / 100 }],
  total_amount: order.totalMinor / 100, // ringgit as a JSON number, like every price on the platform
  currency: 'MYR',
  buyer_username: order.buyerName,
  region: order.buyerCountry,
});

/** 45.9 → 4590 sen; more than two decimals is not a price in ringgit. */
function senOf(value: unknown): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const sen = Math.round(value * 100);
  return Math.abs(sen - value * 100) < 1e-6 ? sen : undefined;
}

function readBody(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}
