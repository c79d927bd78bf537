import { toDecimalString } from '#packages/money/index.js';
import { asNonEmptyString, asNonNegativeInteger, asString, type VendorRecord } from '#packages/validate/index.js';
import type { MarketplaceRefusalReason } from '../MarketplaceRefusal.js';
import type { MarketplaceBooking, MarketplaceOrderRecord, ReservationStatus, StockReservationRecord } from '../ports.js';
import { readStatus, readWriteAnswer } from '../readWriteAnswer.js';
import { MARKETPLACE_ID, ringgitToMoney } from './map.js';

/** PasarMall's envelope `error`s for refused writes, in our words. */
export const WRITE_REFUSALS: Readonly<Record<string, MarketplaceRefusalReason>> = {
  error_stock_insufficient: 'OUT_OF_STOCK',
  error_price_changed: 'PRICE_CHANGED',
  error_reservation_expired: 'RESERVATION_EXPIRED',
  error_reservation_status: 'RESERVATION_CLOSED',
  error_reservation_consumed: 'RESERVATION_ORDERED',
  error_item_not_found: 'NOT_FOUND',
  error_reservation_not_found: 'NOT_FOUND',
  error_order_not_found: 'NOT_FOUND',
  error_duplicate_request: 'IDEMPOTENCY_KEY_REUSED',
  error_param: 'INVALID_REQUEST',
};

const RESERVATION_STATUSES: Readonly<Record<string, ReservationStatus>> = {
  RESERVED: 'HELD',
  RELEASED: 'RELEASED',
  CONSUMED: 'ORDERED',
  EXPIRED: 'EXPIRED',
};

/** The platform's order lifecycle: everything short of cancellation means the order stands. */
const ORDER_STATUSES: Readonly<Record<string, MarketplaceOrderRecord['status']>> = {
  UNPAID: 'PLACED',
  READY_TO_SHIP: 'PLACED',
  PROCESSED: 'PLACED',
  SHIPPED: 'PLACED',
  COMPLETED: 'PLACED',
  IN_CANCEL: 'PLACED',
  CANCELLED: 'CANCELLED',
};

/** A signed POST with a JSON body; answers the opened envelope's `response`. */
export type PasarMallWrite = (apiPath: string, body: Record<string, unknown>, signal?: AbortSignal) => Promise<VendorRecord>;

/**
 * PasarMall's writes: `/api/v2/stock/reserve` (+ `release`), `/api/v2/order/create_order`
 * (+ `cancel_order`). Our idempotency key is the body's `partner_request_id`, honoured per endpoint.
 */
export function createPasarMallBooking(write: PasarMallWrite): MarketplaceBooking {
  const reservationOf = async (apiPath: string, body: Record<string, unknown>, signal?: AbortSignal) => {
    const response = await write(apiPath, body, signal);
    return readWriteAnswer(MARKETPLACE_ID, apiPath, () => toReservation(response));
  };
  const orderOf = async (apiPath: string, body: Record<string, unknown>, signal?: AbortSignal) => {
    const response = await write(apiPath, body, signal);
    return readWriteAnswer(MARKETPLACE_ID, apiPath, () => toOrder(response));
  };
  return {
    reserveStock: (request, signal) =>
      reservationOf(
        '/api/v2/stock/reserve',
        { item_id: Number(request.offerNativeId), quantity: request.quantity, partner_request_id: request.idempotencyKey },
        signal,
      ),
    releaseStock: (request, signal) =>
      reservationOf(
        '/api/v2/stock/release',
        { reservation_id: request.reservationNativeId, partner_request_id: request.idempotencyKey },
        signal,
      ),
    placeOrder: (request, signal) =>
      orderOf(
        '/api/v2/order/create_order',
        {
          reservation_id: request.reservationNativeId,
          // The platform only takes ringgit as JSON numbers; a two-decimal string reads back exactly.
          item_price: Number(toDecimalString(request.expectedUnitPrice)),
          buyer_username: request.buyer.name,
          buyer_region: request.buyer.country,
          partner_request_id: request.idempotencyKey,
        },
        signal,
      ),
    cancelOrder: (request, signal) =>
      orderOf('/api/v2/order/cancel_order', { order_sn: request.orderNativeId, partner_request_id: request.idempotencyKey }, signal),
  };
}

function toReservation(response: VendorRecord): StockReservationRecord {
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(response.reservation_id, '$.response.reservation_id'),
    offerNativeId: String(asNonNegativeInteger(response.item_id, '$.response.item_id')),
    quantity: asNonNegativeInteger(response.reserved_quantity, '$.response.reserved_quantity'),
    status: readStatus(
      RESERVATION_STATUSES,
      asString(response.reservation_status, '$.response.reservation_status'),
      '$.response.reservation_status',
    ),
    expiresAt: new Date(asNonNegativeInteger(response.expire_time, '$.response.expire_time') * 1000).toISOString(),
  };
}

function toOrder(response: VendorRecord): MarketplaceOrderRecord {
  if (response.currency !== 'MYR') throw new Error(`$.response.currency: expected MYR, got ${String(response.currency)}`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(response.order_sn, '$.response.order_sn'),
    status: readStatus(ORDER_STATUSES, asString(response.order_status, '$.response.order_status'), '$.response.order_status'),
    total: ringgitToMoney(response.total_amount, '$.response.total_amount'),
  };
}
