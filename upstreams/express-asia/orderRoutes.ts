import type { ParcelLedger, SandboxResponse, SandboxRoute } from '#packages/sandbox/index.js';
import { createParcelLedger } from '#packages/sandbox/index.js';
import { quoteParcel } from './rateCard.js';
import { TEST_REFUSAL_MESSAGE, carrierRefusesInTestMode } from '#packages/sandbox/index.js';

/** AsiaLink's trace codes, in the style of Asian express networks (揽收 collected, 签收 signed for). */
const STAGES = [
  { code: 'ORDER_CREATED', description: '已下单 Order created', status: 'LABEL_CREATED', at: 'origin' },
  { code: 'COLLECTED', description: '已揽收 Collected', status: 'PICKED_UP', at: 'origin' },
  { code: 'DEPARTED', description: '已发出 Departed origin gateway', status: 'IN_TRANSIT', at: 'origin' },
  { code: 'ARRIVED', description: '已到达 Arrived at destination gateway', status: 'AT_HUB', at: 'destination' },
  { code: 'CLEARANCE', description: '清关中 In customs clearance', status: 'CUSTOMS', at: 'destination' },
  { code: 'DELIVERING', description: '派送中 Out for delivery', status: 'OUT_FOR_DELIVERY', at: 'destination' },
  { code: 'SIGNED', description: '已签收 Signed for', status: 'DELIVERED', at: 'destination' },
] as const;

/** What the network keeps of an order: the commercial invoice fields it printed. */
export interface AsiaLinkOrder {
  readonly svc: string;
  /** The sender as the waybill prints it. */
  readonly from: Readonly<Record<string, string>>;
  readonly invoice: Readonly<Record<string, string>>;
  /** For a return (退货): the waybill the goods came on, why, and the consignee it is billed to. */
  readonly returnOf?: Readonly<Record<string, string>>;
}

const ORDER_FIELDS = [
  'svc',
  'from_name',
  'from_addr',
  'from_city',
  'from_zip',
  'from_country',
  'to_name',
  'to_addr',
  'to_city',
  'to_zip',
  'to_country',
  'to_phone',
  'kg',
  'goods_desc',
  'goods_qty',
  'hs_code',
  'origin',
  'declared_value',
  'currency',
  'ioss',
  'customs_value',
  'customs_currency',
  'valuation_basis',
  'mpid',
  'nspid',
  'spid',
];

/**
 * AsiaLink's order API: `order_create` (a waybill; idempotent on the merchant's `out_order_no`),
 * `return_create` (a return waybill 退货单: the same fields plus `orig_waybill_no` and
 * `return_reason`, billed to the consignee; idempotent on `out_order_no`), `order_cancel` (before
 * collection; idempotent on `request_no`), `track_query` (traces of many waybills). Form-encoded, credentials in the form, HTTP 200 with `code` ≠ 0 for every failure:
 * 2001 refused parcel, 2003 `out_order_no` reused with other content, 2004 already collected,
 * 2005 no such waybill.
 */
export function orderRoutes(authorized: (form: URLSearchParams) => boolean): SandboxRoute[] {
  const ledger: ParcelLedger<AsiaLinkOrder> = createParcelLedger<AsiaLinkOrder>({
    stages: STAGES,
    exception: { code: 'PROBLEM', description: '问题件 Problem parcel: held for checking', status: 'EXCEPTION' },
    cancelled: { code: 'CANCELLED', description: '已取消 Order cancelled', status: 'CANCELLED' },
    trackingNumberOf: (sequence) => `AL${String(880_000_000 + sequence)}`,
  });
  const route = (operation: string, handle: (form: URLSearchParams) => SandboxResponse): SandboxRoute => ({
    method: 'POST',
    path: `/api/${operation}`,
    endpoint: operation,
    handle: (request) => {
      const form = new URLSearchParams(request.body);
      return authorized(form) ? handle(form) : failure(1001, 'invalid user or token');
    },
  });
  return [
    route('order_create', (form) => {
      const outOrderNo = form.get('out_order_no') ?? '';
      if (outOrderNo === '') return failure(1003, 'out_order_no is required');
      const fields = Object.fromEntries(ORDER_FIELDS.map((name) => [name, form.get(name) ?? '']));
      const result = ledger.once('order_create', outOrderNo, JSON.stringify(fields), () => createOrder(fields, ledger));
      return result.kind === 'conflict' ? failure(2003, 'out_order_no exists with different content') : result.value;
    }),
    route('return_create', (form) => {
      const outOrderNo = form.get('out_order_no') ?? '';
      if (outOrderNo === '') return failure(1003, 'out_order_no is required');
      const original = form.get('orig_waybill_no') ?? '';
      const reason = form.get('return_reason') ?? '';
      if (original === '' || reason === '') return failure(1003, 'orig_waybill_no and return_reason are required for a return');
      const fields = Object.fromEntries(ORDER_FIELDS.map((name) => [name, form.get(name) ?? '']));
      const returnOf = {
        orig_waybill_no: original,
        return_reason: reason,
        billed_to: 'CONSIGNEE',
        to_name: fields.to_name!,
        to_addr: fields.to_addr!,
        to_city: fields.to_city!,
      };
      const result = ledger.once('return_create', outOrderNo, JSON.stringify({ ...fields, original, reason }), () =>
        createOrder(fields, ledger, returnOf),
      );
      return result.kind === 'conflict' ? failure(2003, 'out_order_no exists with different content') : result.value;
    }),
    route('order_cancel', (form) => {
      const requestNo = form.get('request_no') ?? '';
      if (requestNo === '') return failure(1003, 'request_no is required');
      const waybill = form.get('waybill_no') ?? '';
      const result = ledger.once('order_cancel', requestNo, waybill, () => {
        const outcome = ledger.cancel(waybill);
        if (outcome === 'NOT_FOUND') return failure(2005, `no waybill ${waybill}`);
        if (outcome === 'PICKED_UP') return failure(2004, 'already collected: cannot cancel');
        return success({ waybill_no: waybill, status: 'CANCELLED' });
      });
      return result.kind === 'conflict' ? failure(2003, 'request_no exists with different content') : result.value;
    }),
    route('track_query', (form) => {
      const waybills = (form.get('waybill_nos') ?? '').split(',').filter((w) => w !== '');
      if (waybills.length === 0 || waybills.length > 100) return failure(1002, 'waybill_nos: 1 to 100 waybills');
      return success(
        waybills.map((waybill) => {
          const order = ledger.get(waybill);
          if (!order) return { waybill_no: waybill, found: 0 };
          return {
            waybill_no: waybill,
            found: 1,
            traces: ledger.events(waybill).map((event) => ({
              time: chinaTime(event.at),
              code: event.code,
              desc: event.description,
              location: event.country,
            })),
            invoice: order.data.invoice,
          };
        }),
      );
    }),
    ...ledger.routes,
  ];
}

function createOrder(
  fields: Record<string, string>,
  ledger: ParcelLedger<AsiaLinkOrder>,
  returnOf?: Readonly<Record<string, string>>,
): SandboxResponse {
  const kg = Number(fields.kg);
  if (fields.svc !== 'ASIA_EXPRESS') return failure(1003, `unknown svc ${fields.svc}`);
  if (!Number.isFinite(kg) || kg <= 0) return failure(1003, 'kg is required');
  const quote = quoteParcel({ from: fields.from_country!, to: fields.to_country!, kg, sidesCm: undefined, battery: false });
  if (!quote.ok) return failure(2001, quote.message);
  if (carrierRefusesInTestMode()) return failure(2001, TEST_REFUSAL_MESSAGE);
  if (!/^\d+(\.\d+)?$/.test(fields.declared_value!) || !/^[A-Z]{3}$/.test(fields.currency!)) {
    return failure(1003, 'declared_value and currency are required for the commercial invoice');
  }
  if (
    fields.customs_value !== '' &&
    (!/^\d+(\.\d+)?$/.test(fields.customs_value!) ||
      !/^[A-Z]{3}$/.test(fields.customs_currency!) ||
      !['CIF', 'FOB'].includes(fields.valuation_basis!))
  ) {
    return failure(1003, 'customs_value needs customs_currency and valuation_basis CIF or FOB');
  }
  if (fields.mpid === '' && (fields.nspid !== '' || fields.spid !== '')) return failure(1003, 'mpid is required with nspid or spid');
  const invoice = {
    invoice_no: `CI${Date.now().toString(36).toUpperCase()}`,
    hs_code: fields.hs_code!,
    origin: fields.origin!,
    declared_value: fields.declared_value!,
    currency: fields.currency!,
    ioss: fields.ioss!,
    customs_value: fields.customs_value!,
    customs_currency: fields.customs_currency!,
    valuation_basis: fields.valuation_basis!,
    mpid: fields.mpid!,
    nspid: fields.nspid!,
    spid: fields.spid!,
  };
  const from = {
    name: fields.from_name!,
    addr: fields.from_addr!,
    city: fields.from_city!,
    zip: fields.from_zip!,
    country: fields.from_country!,
  };
  const order = ledger.create({
    from: fields.from_country!,
    to: fields.to_country!,
    data: { svc: fields.svc, from, invoice, ...(returnOf && { returnOf }) },
  });
  return success({ waybill_no: order.trackingNumber, svc: fields.svc, invoice_no: invoice.invoice_no });
}

/** AsiaLink writes times as UTC+8 wall clock, the network's home time. */
const chinaTime = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

function success(data: unknown): SandboxResponse {
  return { body: { code: 0, msg: 'success', data } };
}

function failure(code: number, msg: string): SandboxResponse {
  return { body: { code, msg, data: null } };
}
