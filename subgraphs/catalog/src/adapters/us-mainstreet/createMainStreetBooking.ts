import { fromMinor } from '#packages/money/index.js';
import type { UpstreamClient } from '#packages/http/index.js';
import {
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
import { MARKETPLACE_ID } from './map.js';

/** Main Street's error codes for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, MarketplaceRefusalReason>> = {
  InsufficientInventory: 'OUT_OF_STOCK',
  PriceMismatch: 'PRICE_CHANGED',
  ReservationExpired: 'RESERVATION_EXPIRED',
  InvalidReservationState: 'RESERVATION_CLOSED',
  ReservationFulfilled: 'RESERVATION_ORDERED',
  ResourceNotFound: 'NOT_FOUND',
  IdempotentParameterMismatch: 'IDEMPOTENCY_KEY_REUSED',
  ValidationError: 'INVALID_REQUEST',
};

const RESERVATION_STATUSES: Readonly<Record<string, ReservationStatus>> = {
  ACTIVE: 'HELD',
  RELEASED: 'RELEASED',
  FULFILLED: 'ORDERED',
  EXPIRED: 'EXPIRED',
};
const ORDER_STATUSES: Readonly<Record<string, MarketplaceOrderRecord['status']>> = {
  PLACED: 'PLACED',
  SHIPPED: 'PLACED',
  CANCELED: 'CANCELLED',
};

/**
 * Main Street's writes: `POST /v1/reservations` (+ `:release`), `POST /v1/orders` (+ `:cancel`),
 * integer cents. Our idempotency key is the vendor's `clientToken` (AWS style, in the body), which
 * makes a repeat — including one after a 429 the client waits out — answer the first result.
 */
export function createMainStreetBooking(client: UpstreamClient, apiKey: string): MarketplaceBooking {
  async function post(endpoint: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<VendorRecord> {
    const response = await client.request({
      method: 'POST',
      path: `/v1/${endpoint}`,
      headers: { 'x-api-key': apiKey, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      idempotent: true,
      signal,
    });
    if (response.status === 200) return readWriteAnswer(MARKETPLACE_ID, endpoint, () => asRecord(parseJson(response.text), '$'));
    let code = '';
    let message = response.text.slice(0, 300);
    try {
      const error = asRecord(asRecord(parseJson(response.text), '$').error, '$.error');
      code = optional(error.code, '$.error.code', asString) ?? '';
      message = optional(error.message, '$.error.message', asString) ?? message;
    } catch {
      // not the vendor's error shape: refused as a whole
    }
    throw refusedWrite({
      upstream: MARKETPLACE_ID,
      operation: endpoint,
      code,
      refusals: REFUSALS,
      status: response.status,
      detail: message,
    });
  }

  const reservation = async (endpoint: string, body: Record<string, unknown>, signal?: AbortSignal) => {
    const root = await post(endpoint, body, signal);
    return readWriteAnswer(MARKETPLACE_ID, endpoint, () => toReservation(asRecord(root.reservation, '$.reservation')));
  };
  const order = async (endpoint: string, body: Record<string, unknown>, signal?: AbortSignal) => {
    const root = await post(endpoint, body, signal);
    return readWriteAnswer(MARKETPLACE_ID, endpoint, () => toOrder(asRecord(root.order, '$.order')));
  };

  return {
    reserveStock: (request, signal) =>
      reservation(
        'reservations',
        { listingId: request.offerNativeId, quantity: request.quantity, clientToken: request.idempotencyKey },
        signal,
      ),
    releaseStock: (request, signal) =>
      reservation('reservations:release', { reservationId: request.reservationNativeId, clientToken: request.idempotencyKey }, signal),
    placeOrder(request, signal) {
      if (request.expectedUnitPrice.currency !== 'USD')
        throw new RangeError(`Main Street prices are in USD, not ${request.expectedUnitPrice.currency}`);
      return order(
        'orders',
        {
          reservationId: request.reservationNativeId,
          expectedUnitPriceCents: Number(request.expectedUnitPrice.minor),
          buyer: { name: request.buyer.name, countryCode: request.buyer.country },
          clientToken: request.idempotencyKey,
        },
        signal,
      );
    },
    cancelOrder: (request, signal) =>
      order('orders:cancel', { orderId: request.orderNativeId, clientToken: request.idempotencyKey }, signal),
  };
}

function toReservation(reservation: VendorRecord): StockReservationRecord {
  const expires = Date.parse(asString(reservation.expiresAt, '$.reservation.expiresAt'));
  if (Number.isNaN(expires)) throw new Error(`$.reservation.expiresAt: not a date "${String(reservation.expiresAt)}"`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(reservation.reservationId, '$.reservation.reservationId'),
    offerNativeId: asNonEmptyString(reservation.listingId, '$.reservation.listingId'),
    quantity: asNonNegativeInteger(reservation.quantity, '$.reservation.quantity'),
    status: readStatus(RESERVATION_STATUSES, asString(reservation.status, '$.reservation.status'), '$.reservation.status'),
    expiresAt: new Date(expires).toISOString(),
  };
}

function toOrder(order: VendorRecord): MarketplaceOrderRecord {
  if (order.currency !== 'USD') throw new Error(`$.order.currency: expected USD, got ${String(order.currency)}`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(order.orderId, '$.order.orderId'),
    status: readStatus(ORDER_STATUSES, asString(order.status, '$.order.status'), '$.order.status'),
    total: fromMinor(asNonNegativeInteger(order.totalCents, '$.order.totalCents'), 'USD'),
  };
}
