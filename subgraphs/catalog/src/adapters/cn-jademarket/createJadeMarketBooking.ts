import { parseMoney, toDecimalString } from '#packages/money/index.js';
import { asNonEmptyString, asNonNegativeInteger, asRecord, asString, type VendorRecord } from '#packages/validate/index.js';
import type { MarketplaceRefusalReason } from '../MarketplaceRefusal.js';
import type { MarketplaceBooking, MarketplaceOrderRecord, ReservationStatus, StockReservationRecord } from '../ports.js';
import { readStatus, readWriteAnswer } from '../readWriteAnswer.js';
import { MARKETPLACE_ID } from './map.js';

/** Jade Market's `sub_code`s for refused writes, in our words. */
export const TRADE_REFUSALS: Readonly<Record<string, MarketplaceRefusalReason>> = {
  'isv.item-stock-insufficient': 'OUT_OF_STOCK',
  'isv.item-price-changed': 'PRICE_CHANGED',
  'isv.reservation-timeout': 'RESERVATION_EXPIRED',
  'isv.reservation-status-invalid': 'RESERVATION_CLOSED',
  'isv.reservation-consumed': 'RESERVATION_ORDERED',
  'isv.item-not-exist': 'NOT_FOUND',
  'isv.reservation-not-exist': 'NOT_FOUND',
  'isv.trade-not-exist': 'NOT_FOUND',
  'isv.out-request-id-conflict': 'IDEMPOTENCY_KEY_REUSED',
  'isv.invalid-parameter:quantity': 'INVALID_REQUEST',
  'isv.missing-parameter:out_request_id': 'INVALID_REQUEST',
};

const LOCK_STATUSES: Readonly<Record<string, ReservationStatus>> = {
  LOCKED: 'HELD',
  UNLOCKED: 'RELEASED',
  CONSUMED: 'ORDERED',
  TIMEOUT_UNLOCKED: 'EXPIRED',
};

/** TOP-style trade statuses: every one before closing means the order stands. */
const TRADE_STATUSES: Readonly<Record<string, MarketplaceOrderRecord['status']>> = {
  WAIT_BUYER_PAY: 'PLACED',
  WAIT_SELLER_SEND_GOODS: 'PLACED',
  WAIT_BUYER_CONFIRM_GOODS: 'PLACED',
  TRADE_FINISHED: 'PLACED',
  TRADE_CLOSED: 'CANCELLED',
  TRADE_CLOSED_BY_JADE: 'CANCELLED',
};

/** A signed RPC write: POSTed, `out_request_id` among its parameters, its envelope opened. */
export type JadeWrite = (method: string, params: Record<string, string>, signal?: AbortSignal) => Promise<VendorRecord>;

/**
 * Jade Market's writes: `jade.inventory.reserve` / `.release`, `jade.trade.create` / `.close`. Our
 * idempotency key is the vendor's `out_request_id`, which it honours per method.
 */
export function createJadeMarketBooking(write: JadeWrite): MarketplaceBooking {
  const reservationOf = async (method: string, params: Record<string, string>, signal?: AbortSignal) => {
    const response = await write(method, params, signal);
    return readWriteAnswer(MARKETPLACE_ID, method, () => toReservation(response));
  };
  const tradeOf = async (method: string, params: Record<string, string>, signal?: AbortSignal) => {
    const response = await write(method, params, signal);
    return readWriteAnswer(MARKETPLACE_ID, method, () => toOrder(response));
  };
  return {
    reserveStock: (request, signal) =>
      reservationOf(
        'jade.inventory.reserve',
        { num_iid: request.offerNativeId, quantity: String(request.quantity), out_request_id: request.idempotencyKey },
        signal,
      ),
    releaseStock: (request, signal) =>
      reservationOf(
        'jade.inventory.release',
        { reservation_id: request.reservationNativeId, out_request_id: request.idempotencyKey },
        signal,
      ),
    placeOrder: (request, signal) =>
      tradeOf(
        'jade.trade.create',
        {
          reservation_id: request.reservationNativeId,
          price: toDecimalString(request.expectedUnitPrice), // yuan with two decimals, as the vendor writes prices
          buyer_nick: request.buyer.name,
          receiver_country: request.buyer.country,
          out_request_id: request.idempotencyKey,
        },
        signal,
      ),
    cancelOrder: (request, signal) =>
      tradeOf('jade.trade.close', { tid: request.orderNativeId, out_request_id: request.idempotencyKey }, signal),
  };
}

function toReservation(response: VendorRecord): StockReservationRecord {
  const reservation = asRecord(response.reservation, '$.reservation');
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(reservation.reservation_id, '$.reservation.reservation_id'),
    offerNativeId: String(asNonNegativeInteger(reservation.num_iid, '$.reservation.num_iid')),
    quantity: asNonNegativeInteger(reservation.quantity, '$.reservation.quantity'),
    status: readStatus(LOCK_STATUSES, asString(reservation.status, '$.reservation.status'), '$.reservation.status'),
    expiresAt: fromChinaTime(asString(reservation.expire_time, '$.reservation.expire_time')),
  };
}

function toOrder(response: VendorRecord): MarketplaceOrderRecord {
  const trade = asRecord(response.trade, '$.trade');
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: String(asNonNegativeInteger(trade.tid, '$.trade.tid')),
    status: readStatus(TRADE_STATUSES, asString(trade.status, '$.trade.status'), '$.trade.status'),
    total: parseMoney(asString(trade.payment, '$.trade.payment'), 'CNY'),
  };
}

/** "2026-11-26 23:45:00" China Standard Time (UTC+8, no daylight saving) → ISO 8601 UTC. */
function fromChinaTime(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`$.reservation.expire_time: not a China time "${text}"`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s)).toISOString();
}
