import type { UpstreamClient } from '#packages/http/index.js';
import type { MarketplaceRefusalReason } from '../MarketplaceRefusal.js';
import { refusedWrite } from '../MarketplaceRefusal.js';
import type { MarketplaceBooking, MarketplaceOrderRecord, ReservationStatus, StockReservationRecord } from '../ports.js';
import { readStatus, readWriteAnswer } from '../readWriteAnswer.js';
import { MARKETPLACE_ID, child, nonEmptyText, openResponse, readError, wholeNumber, yenToMoney } from './map.js';
import { readXml, type XmlElement } from '#packages/validate/index.js';

/** Ichiba's error codes for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, MarketplaceRefusalReason>> = {
  out_of_stock: 'OUT_OF_STOCK',
  price_changed: 'PRICE_CHANGED',
  reservation_expired: 'RESERVATION_EXPIRED',
  reservation_closed: 'RESERVATION_CLOSED',
  reservation_ordered: 'RESERVATION_ORDERED',
  item_not_found: 'NOT_FOUND',
  reservation_not_found: 'NOT_FOUND',
  order_not_found: 'NOT_FOUND',
  unique_key_conflict: 'IDEMPOTENCY_KEY_REUSED',
  wrong_parameter: 'INVALID_REQUEST',
};

const RESERVATION_STATUSES: Readonly<Record<string, ReservationStatus>> = {
  RESERVED: 'HELD',
  RELEASED: 'RELEASED',
  ORDERED: 'ORDERED',
  EXPIRED: 'EXPIRED',
};
const ORDER_STATUSES: Readonly<Record<string, MarketplaceOrderRecord['status']>> = {
  ACCEPTED: 'PLACED',
  SHIPPED: 'PLACED',
  CANCELLED: 'CANCELLED',
};

/**
 * Ichiba's writes, form POSTs to versioned operations (`IchibaInventory/Reserve/20220601`, …)
 * answered in XML. Our idempotency key is the vendor's `uniqueKey` form field, honoured per
 * operation, so the writes are retried like reads.
 */
export function createIchibaBooking(client: UpstreamClient, applicationId: string): MarketplaceBooking {
  async function post(operation: string, fields: Record<string, string>, signal?: AbortSignal): Promise<XmlElement> {
    const response = await client.request({
      method: 'POST',
      path: `/services/api/${operation}/20220601`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/xml' },
      body: new URLSearchParams({ applicationId, ...fields }).toString(),
      idempotent: true,
      signal,
    });
    if (response.status === 200) return readWriteAnswer(MARKETPLACE_ID, operation, () => openResponse(readXml(response.text)));
    let refusal = { code: '', message: response.text.slice(0, 300) };
    try {
      refusal = readError(readXml(response.text));
    } catch {
      // not the vendor's error document: refused as a whole
    }
    throw refusedWrite({
      upstream: MARKETPLACE_ID,
      operation,
      code: refusal.code,
      refusals: REFUSALS,
      status: response.status,
      detail: refusal.message,
    });
  }

  const reservation = async (operation: string, fields: Record<string, string>, signal?: AbortSignal) => {
    const root = await post(operation, fields, signal);
    return readWriteAnswer(MARKETPLACE_ID, operation, () => toReservation(child(root, 'reservation', '$')));
  };
  const order = async (operation: string, fields: Record<string, string>, signal?: AbortSignal) => {
    const root = await post(operation, fields, signal);
    return readWriteAnswer(MARKETPLACE_ID, operation, () => toOrder(child(root, 'order', '$')));
  };

  return {
    reserveStock: (request, signal) =>
      reservation(
        'IchibaInventory/Reserve',
        { itemCode: request.offerNativeId, quantity: String(request.quantity), uniqueKey: request.idempotencyKey },
        signal,
      ),
    releaseStock: (request, signal) =>
      reservation('IchibaInventory/Release', { reservationId: request.reservationNativeId, uniqueKey: request.idempotencyKey }, signal),
    placeOrder(request, signal) {
      if (request.expectedUnitPrice.currency !== 'JPY')
        throw new RangeError(`Ichiba prices are in JPY, not ${request.expectedUnitPrice.currency}`);
      return order(
        'IchibaOrder/Create',
        {
          reservationId: request.reservationNativeId,
          itemPrice: request.expectedUnitPrice.minor.toString(), // whole yen
          buyerName: request.buyer.name,
          buyerCountry: request.buyer.country,
          uniqueKey: request.idempotencyKey,
        },
        signal,
      );
    },
    cancelOrder: (request, signal) =>
      order('IchibaOrder/Cancel', { orderNumber: request.orderNativeId, uniqueKey: request.idempotencyKey }, signal),
  };
}

function toReservation(element: XmlElement): StockReservationRecord {
  const path = '$.reservation';
  const expiresAt = nonEmptyText(element, 'expiresAt', path);
  const expires = Date.parse(expiresAt);
  if (Number.isNaN(expires)) throw new Error(`${path}.expiresAt: not a date "${expiresAt}"`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: nonEmptyText(element, 'reservationId', path),
    offerNativeId: nonEmptyText(element, 'itemCode', path),
    quantity: wholeNumber(nonEmptyText(element, 'quantity', path), `${path}.quantity`),
    status: readStatus(RESERVATION_STATUSES, nonEmptyText(element, 'status', path), `${path}.status`),
    expiresAt: new Date(expires).toISOString(),
  };
}

function toOrder(element: XmlElement): MarketplaceOrderRecord {
  const path = '$.order';
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: nonEmptyText(element, 'orderNumber', path),
    status: readStatus(ORDER_STATUSES, nonEmptyText(element, 'status', path), `${path}.status`),
    total: yenToMoney(nonEmptyText(element, 'totalPrice', path), `${path}.totalPrice`),
  };
}
