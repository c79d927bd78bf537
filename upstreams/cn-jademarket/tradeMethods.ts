import type { MarketplaceOrderEntry, Reservation, SandboxResponse, StockLedger, StockRefusal } from '#packages/sandbox/index.js';
import { fingerprintOf } from '#packages/sandbox/index.js';

/** Jade Market's words for the ledger's refusals: TOP-style `sub_code`s under error code 15 (business error). */
const SUB_CODES: Record<StockRefusal, string> = {
  UNKNOWN_ITEM: 'isv.item-not-exist',
  BAD_QUANTITY: 'isv.invalid-parameter:quantity',
  OUT_OF_STOCK: 'isv.item-stock-insufficient',
  UNKNOWN_RESERVATION: 'isv.reservation-not-exist',
  RESERVATION_EXPIRED: 'isv.reservation-timeout',
  RESERVATION_CLOSED: 'isv.reservation-status-invalid',
  RESERVATION_ORDERED: 'isv.reservation-consumed',
  PRICE_CHANGED: 'isv.item-price-changed',
  UNKNOWN_ORDER: 'isv.trade-not-exist',
};

const LOCK_STATUS: Record<Reservation['state'], string> = {
  HELD: 'LOCKED',
  RELEASED: 'UNLOCKED',
  ORDERED: 'CONSUMED',
  EXPIRED: 'TIMEOUT_UNLOCKED',
};
const TRADE_STATUS: Record<MarketplaceOrderEntry['state'], string> = { PLACED: 'WAIT_SELLER_SEND_GOODS', CANCELLED: 'TRADE_CLOSED' };

export type Envelope = (name: string, payload: Record<string, unknown>) => SandboxResponse;
export type ErrorEnvelope = (code: number, msg: string, subCode: string) => SandboxResponse;

/**
 * The write methods of Jade Market's RPC (POSTed, form-encoded, signed like every call):
 * `jade.inventory.reserve` / `.release`, `jade.trade.create` / `.close`. Each takes an
 * `out_request_id`, the merchant's request number: the same number with the same parameters
 * answers the first result again; with other parameters it is refused (`isv.out-request-id-conflict`).
 * Undefined when `method` is not one of them.
 */
export function tradeMethod(
  method: string,
  params: URLSearchParams,
  ledger: StockLedger,
  envelope: Envelope,
  errorEnvelope: ErrorEnvelope,
): SandboxResponse | undefined {
  const write = WRITES[method];
  if (!write) return undefined;
  const outRequestId = params.get('out_request_id') ?? '';
  if (outRequestId === '') return errorEnvelope(40, 'Missing required arguments:out_request_id', 'isv.missing-parameter:out_request_id');
  const fields = Object.fromEntries(write.fields.map((name) => [name, params.get(name)]));
  const result = ledger.once(method, outRequestId, fingerprintOf(fields), () => write.run(params, ledger));
  if (result.kind === 'conflict') {
    return errorEnvelope(15, 'Remote service error', 'isv.out-request-id-conflict');
  }
  const outcome = result.value;
  if (!outcome.ok) return errorEnvelope(outcome.refusal === 'BAD_QUANTITY' ? 41 : 15, 'Remote service error', SUB_CODES[outcome.refusal]);
  return envelope(method.replaceAll('.', '_') + '_response', outcome.value);
}

type Written = { ok: true; value: Record<string, unknown> } | { ok: false; refusal: StockRefusal };

const WRITES: Record<string, { fields: readonly string[]; run(params: URLSearchParams, ledger: StockLedger): Written }> = {
  'jade.inventory.reserve': {
    fields: ['num_iid', 'quantity'],
    run: (params, ledger) => lock(ledger.reserve(params.get('num_iid') ?? '', Number(params.get('quantity')))),
  },
  'jade.inventory.release': {
    fields: ['reservation_id'],
    run: (params, ledger) => lock(ledger.release(params.get('reservation_id') ?? '')),
  },
  'jade.trade.create': {
    fields: ['reservation_id', 'price', 'buyer_nick', 'receiver_country'],
    run(params, ledger) {
      const price = /^\d+\.\d{2}$/.exec(params.get('price') ?? '');
      if (!price) return { ok: false, refusal: 'PRICE_CHANGED' };
      const order = ledger.placeOrder(params.get('reservation_id') ?? '', Number(price[0].replace('.', '')), {
        name: params.get('buyer_nick') ?? '',
        country: params.get('receiver_country') ?? '',
      });
      return order.ok ? { ok: true, value: { trade: toTrade(order.value) } } : order;
    },
  },
  'jade.trade.close': {
    fields: ['tid'],
    run(params, ledger) {
      const order = ledger.cancelOrder(params.get('tid') ?? '');
      return order.ok ? { ok: true, value: { trade: toTrade(order.value) } } : order;
    },
  },
};

function lock(outcome: ReturnType<StockLedger['reserve']>): Written {
  if (!outcome.ok) return outcome;
  const reservation = outcome.value;
  return {
    ok: true,
    value: {
      reservation: {
        reservation_id: reservation.id,
        num_iid: Number(reservation.itemId),
        quantity: reservation.quantity,
        status: LOCK_STATUS[reservation.state],
        expire_time: chinaTime(reservation.expiresAt),
      },
    },
  };
}

function toTrade(order: MarketplaceOrderEntry): Record<string, unknown> {
  return {
    tid: Number(order.id),
    status: TRADE_STATUS[order.state],
    num_iid: Number(order.itemId),
    num: order.quantity,
    price: (order.unitMinor / 100).toFixed(2),
    payment: (order.totalMinor / 100).toFixed(2),
    buyer_nick: order.buyerName,
    receiver_country: order.buyerCountry,
  };
}

/** The vendor writes instants as China Standard Time wall-clock strings. */
const chinaTime = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
