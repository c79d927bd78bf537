import { fromMinor, toDecimalString } from '#packages/money/index.js';
import type { UpstreamError } from '#packages/errors/index.js';
import type { TokenProvider, UpstreamClient, UpstreamResponse } from '#packages/http/index.js';
import {
  asFiniteNumber,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  parseJson,
  type VendorRecord,
} from '#packages/validate/index.js';
import { refusedWrite, type MarketplaceRefusalReason } from '../MarketplaceRefusal.js';
import type { MarketplaceBooking, MarketplaceOrderRecord, ReservationStatus, StockReservationRecord } from '../ports.js';
import { readStatus, readWriteAnswer } from '../readWriteAnswer.js';
import { MARKETPLACE_ID, reaisToCentavos } from './map.js';

/** Feira's `error` codes for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, MarketplaceRefusalReason>> = {
  insufficient_stock: 'OUT_OF_STOCK',
  price_mismatch: 'PRICE_CHANGED',
  reservation_expired: 'RESERVATION_EXPIRED',
  reservation_not_active: 'RESERVATION_CLOSED',
  reservation_consumed: 'RESERVATION_ORDERED',
  item_not_found: 'NOT_FOUND',
  reservation_not_found: 'NOT_FOUND',
  order_not_found: 'NOT_FOUND',
  idempotency_key_reuse: 'IDEMPOTENCY_KEY_REUSED',
  idempotency_key_required: 'INVALID_REQUEST',
  invalid_quantity: 'INVALID_REQUEST',
  bad_request: 'INVALID_REQUEST',
};

const RESERVATION_STATUSES: Readonly<Record<string, ReservationStatus>> = {
  active: 'HELD',
  released: 'RELEASED',
  consumed: 'ORDERED',
  expired: 'EXPIRED',
};
const ORDER_STATUSES: Readonly<Record<string, MarketplaceOrderRecord['status']>> = {
  confirmed: 'PLACED',
  paid: 'PLACED',
  cancelled: 'CANCELLED',
};

/**
 * Feira's writes: `POST /stock/reservations` (+ `/release`), `POST /orders` (+ `/cancel`), with our
 * idempotency key as the vendor's `X-Idempotency-Key` header. Bearer tokens as for reads: one
 * refused as expired is renewed and the call repeated (safe: the key makes it the same write).
 */
export function createFeiraBooking(client: UpstreamClient, tokens: TokenProvider): MarketplaceBooking {
  async function post(path: string, body: Record<string, unknown>, key: string, signal?: AbortSignal): Promise<VendorRecord> {
    let response: UpstreamResponse | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const token = await tokens.token(signal);
      response = await client.request({
        method: 'POST',
        path,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-idempotency-key': key },
        body: JSON.stringify(body),
        idempotent: true, // the vendor honours X-Idempotency-Key: a repeat answers the first result
        signal,
      });
      if (response.status !== 401) break;
      tokens.invalidate(token);
    }
    const answer = response!;
    if (answer.status >= 200 && answer.status < 300)
      return readWriteAnswer(MARKETPLACE_ID, path, () => asRecord(parseJson(answer.text), '$'));
    throw refusalOf(path, answer);
  }

  return {
    async reserveStock(request, signal) {
      const body = await post(
        '/stock/reservations',
        { item_id: request.offerNativeId, quantity: request.quantity },
        request.idempotencyKey,
        signal,
      );
      return readWriteAnswer(MARKETPLACE_ID, 'reservations.create', () => toReservation(body));
    },
    async releaseStock(request, signal) {
      const body = await post(
        '/stock/reservations/release',
        { reservation_id: request.reservationNativeId },
        request.idempotencyKey,
        signal,
      );
      return readWriteAnswer(MARKETPLACE_ID, 'reservations.release', () => toReservation(body));
    },
    async placeOrder(request, signal) {
      const order = {
        reservation_id: request.reservationNativeId,
        // The vendor only takes reais as JSON numbers; a two-decimal string reads back exactly.
        unit_price: Number(toDecimalString(request.expectedUnitPrice)),
        buyer: { nickname: request.buyer.name, country_id: request.buyer.country },
      };
      const body = await post('/orders', order, request.idempotencyKey, signal);
      return readWriteAnswer(MARKETPLACE_ID, 'orders.create', () => toOrder(body));
    },
    async cancelOrder(request, signal) {
      const body = await post('/orders/cancel', { order_id: Number(request.orderNativeId) }, request.idempotencyKey, signal);
      return readWriteAnswer(MARKETPLACE_ID, 'orders.cancel', () => toOrder(body));
    },
  };
}

function toReservation(body: VendorRecord): StockReservationRecord {
  const expires = Date.parse(asString(body.expiration_date, '$.expiration_date'));
  if (Number.isNaN(expires)) throw new Error(`$.expiration_date: not a date "${String(body.expiration_date)}"`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(body.id, '$.id'),
    offerNativeId: asNonEmptyString(body.item_id, '$.item_id'),
    quantity: asNonNegativeInteger(body.quantity, '$.quantity'),
    status: readStatus(RESERVATION_STATUSES, asString(body.status, '$.status'), '$.status'),
    expiresAt: new Date(expires).toISOString(),
  };
}

function toOrder(body: VendorRecord): MarketplaceOrderRecord {
  if (body.currency_id !== 'BRL') throw new Error(`$.currency_id: expected BRL, got ${String(body.currency_id)}`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: String(asNonNegativeInteger(body.id, '$.id')),
    status: readStatus(ORDER_STATUSES, asString(body.status, '$.status'), '$.status'),
    total: fromMinor(reaisToCentavos(asFiniteNumber(body.total_amount, '$.total_amount'), '$.total_amount'), 'BRL'),
  };
}

/** `{message, error, status}`: a business refusal when the vendor's `error` is one we know, else the call was refused. */
function refusalOf(path: string, response: UpstreamResponse): UpstreamError {
  let error = '';
  let message = `HTTP ${response.status}`;
  try {
    const body = asRecord(parseJson(response.text), '$');
    error = optional(body.error, '$.error', asString) ?? '';
    message = optional(body.message, '$.message', asString) ?? message;
  } catch {
    // not the vendor's error shape: refused as a whole below
  }
  return refusedWrite({
    upstream: MARKETPLACE_ID,
    operation: `POST ${path}`,
    code: error,
    refusals: REFUSALS,
    status: response.status,
    detail: message,
  });
}
