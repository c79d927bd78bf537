import type {
  MarketplaceOrderEntry,
  Outcome,
  Reservation,
  SandboxRequest,
  SandboxResponse,
  SandboxRoute,
  StockLedger,
  StockRefusal,
} from '#packages/sandbox/index.js';
import { el, fingerprintOf } from '#packages/sandbox/index.js';

/** Ichiba's error codes (and HTTP statuses) for the ledger's refusals. */
const ERRORS: Record<StockRefusal, [status: number, code: string, message: string]> = {
  UNKNOWN_ITEM: [404, 'item_not_found', 'item not found'],
  BAD_QUANTITY: [400, 'wrong_parameter', 'quantity must be 1 or more'],
  OUT_OF_STOCK: [409, 'out_of_stock', '在庫が不足しています'],
  UNKNOWN_RESERVATION: [404, 'reservation_not_found', 'reservation not found'],
  RESERVATION_EXPIRED: [409, 'reservation_expired', '在庫確保の期限が切れました'],
  RESERVATION_CLOSED: [409, 'reservation_closed', 'reservation is not RESERVED'],
  RESERVATION_ORDERED: [409, 'reservation_ordered', 'reservation is already ordered; cancel the order'],
  PRICE_CHANGED: [409, 'price_changed', '価格が変更されました'],
  UNKNOWN_ORDER: [404, 'order_not_found', 'order not found'],
};

const RESERVATION_STATUS: Record<Reservation['state'], string> = {
  HELD: 'RESERVED',
  RELEASED: 'RELEASED',
  ORDERED: 'ORDERED',
  EXPIRED: 'EXPIRED',
};
const ORDER_STATUS: Record<MarketplaceOrderEntry['state'], string> = { PLACED: 'ACCEPTED', CANCELLED: 'CANCELLED' };
const BASE = '/services/api';

type Xml = (status: number, root: string) => SandboxResponse;

/**
 * Ichiba's write operations, in the style of its legacy API: form-encoded POSTs to versioned
 * operation paths (`IchibaInventory/Reserve/20220601`, …), `applicationId` in the form, XML answers,
 * errors as `<error><code/><message/></error>` with a fitting status. Each takes a `uniqueKey`: the
 * same key with the same fields answers the first result again; with other fields it is a 409
 * `unique_key_conflict`.
 */
export function orderRoutes(ledger: StockLedger, applicationId: string, xml: Xml): SandboxRoute[] {
  const error = (status: number, code: string, message: string) => xml(status, el('error', [el('code', code), el('message', message)]));
  const write = (operation: string, fields: readonly string[], run: (form: URLSearchParams) => Outcome<string>): SandboxRoute => ({
    method: 'POST',
    path: `${BASE}/${operation}/20220601`,
    endpoint: operation,
    handle: (request: SandboxRequest) => {
      const form = new URLSearchParams(request.body);
      if (form.get('applicationId') !== applicationId) return error(401, 'wrong_application_id', 'specify valid applicationId');
      const key = form.get('uniqueKey') ?? '';
      if (key === '') return error(400, 'wrong_parameter', 'uniqueKey is required');
      const result = ledger.once(operation, key, fingerprintOf(Object.fromEntries(fields.map((name) => [name, form.get(name)]))), () =>
        run(form),
      );
      if (result.kind === 'conflict') return error(409, 'unique_key_conflict', 'uniqueKey was used with other parameters');
      if (!result.value.ok) return error(...ERRORS[result.value.refusal]);
      return xml(200, el('response', [result.value.value]));
    },
  });
  return [
    write('IchibaInventory/Reserve', ['itemCode', 'quantity'], (form) =>
      map(ledger.reserve(form.get('itemCode') ?? '', Number(form.get('quantity'))), toReservation),
    ),
    write('IchibaInventory/Release', ['reservationId'], (form) => map(ledger.release(form.get('reservationId') ?? ''), toReservation)),
    write('IchibaOrder/Create', ['reservationId', 'itemPrice', 'buyerName', 'buyerCountry'], (form) => {
      const yen = /^\d+$/.test(form.get('itemPrice') ?? '') ? Number(form.get('itemPrice')) : -1;
      const buyer = { name: form.get('buyerName') ?? '', country: form.get('buyerCountry') ?? '' };
      return map(ledger.placeOrder(form.get('reservationId') ?? '', yen, buyer), toOrder);
    }),
    write('IchibaOrder/Cancel', ['orderNumber'], (form) => map(ledger.cancelOrder(form.get('orderNumber') ?? ''), toOrder)),
  ];
}

function map<T>(outcome: Outcome<T>, render: (value: T) => string): Outcome<string> {
  return outcome.ok ? { ok: true, value: render(outcome.value) } : outcome;
}

const toReservation = (reservation: Reservation): string =>
  el('reservation', [
    el('reservationId', reservation.id),
    el('itemCode', reservation.itemId),
    el('quantity', reservation.quantity),
    el('status', RESERVATION_STATUS[reservation.state]),
    el('expiresAt', japanTime(reservation.expiresAt)),
  ]);

const toOrder = (order: MarketplaceOrderEntry): string =>
  el('order', [
    el('orderNumber', order.id),
    el('reservationId', order.reservationId),
    el('status', ORDER_STATUS[order.state]),
    el('itemCode', order.itemId),
    el('units', order.quantity),
    el('itemPrice', order.unitMinor), // whole yen
    el('totalPrice', order.totalMinor),
    el('buyerName', order.buyerName),
    el('buyerCountry', order.buyerCountry),
  ]);

/** Instants in Japan Standard Time with their offset, as the vendor writes them. */
const japanTime = (ms: number): string => new Date(ms + 9 * 3_600_000).toISOString().slice(0, 19) + '+09:00';
