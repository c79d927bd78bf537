import { toDecimalString } from '#packages/money/index.js';
import type { UpstreamClient } from '#packages/http/index.js';
import {
  asArray,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  parseJson,
  type VendorRecord,
} from '#packages/validate/index.js';
import { carrierRefusal, unknownLabel, type CarrierRefusalReason } from '../CarrierRefusal.js';
import type { CarrierLabels, LabelRequest, ParcelRecord, TrackingStatus } from '../ports.js';
import { readAmount } from '../readAmount.js';
import { readValuationBasis } from '../readValuationBasis.js';
import { inBatches, readPayload } from '../vendorErrors.js';
import { CARRIER_ID } from './map.js';

/** The vendor's limit on waybills per trace query. */
const WAYBILLS_PER_QUERY = 100;

/** AsiaLink's `code`s for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, CarrierRefusalReason>> = {
  '2001': 'REFUSED',
  '2003': 'IDEMPOTENCY_KEY_REUSED',
  '2004': 'NOT_CANCELLABLE',
  '2005': 'NOT_FOUND',
  '1002': 'INVALID_REQUEST',
  '1003': 'INVALID_REQUEST',
};

/** AsiaLink's trace codes as our tracking words; an unknown one is reported and read as EXCEPTION. */
export function asiaLinkTrackingStatus(code: string, onUnknown: (code: string) => void): TrackingStatus {
  switch (code) {
    case 'ORDER_CREATED':
      return 'LABEL_CREATED';
    case 'COLLECTED':
      return 'PICKED_UP';
    case 'DEPARTED':
    case 'IN_TRANSIT':
      return 'IN_TRANSIT';
    case 'ARRIVED':
      return 'AT_HUB';
    case 'CLEARANCE':
      return 'CUSTOMS';
    case 'DELIVERING':
      return 'OUT_FOR_DELIVERY';
    case 'SIGNED':
      return 'DELIVERED';
    case 'PROBLEM':
    case 'RETURNING':
      return 'EXCEPTION';
    case 'CANCELLED':
      return 'CANCELLED';
    default:
      onUnknown(code);
      return 'EXCEPTION';
  }
}

/**
 * AsiaLink's waybills: `order_create` and `return_create` (our idempotency key is the merchant's `out_order_no`),
 * `order_cancel` (keyed by `request_no`), `track_query` (100 waybills a call). Form-encoded,
 * credentials in the form, `code` ≠ 0 under HTTP 200 for every failure.
 */
export function createAsiaLinkLabels(
  client: UpstreamClient,
  credentials: { user: string; token: string },
  onUnknownEvent: (code: string) => void,
): CarrierLabels {
  /** Posts a form and opens `{code, msg, data}`; writes carry keys the vendor honours, so all are retried like reads. */
  async function post(operation: string, fields: Record<string, string>, signal?: AbortSignal): Promise<unknown> {
    const response = await client.request({
      method: 'POST',
      path: `/api/${operation}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user: credentials.user, token: credentials.token, ...fields }).toString(),
      idempotent: true,
      signal,
    });
    const root = readPayload(CARRIER_ID, operation, () => asRecord(parseJson(response.text), '$'));
    const code = readPayload(CARRIER_ID, operation, () => asNonNegativeInteger(root.code, '$.code'));
    if (response.status === 200 && code === 0) return root.data;
    throw carrierRefusal({
      upstream: CARRIER_ID,
      operation,
      code: String(code),
      refusals: REFUSALS,
      status: response.status,
      detail: String(root.msg),
    });
  }

  return {
    async createLabel(request, signal) {
      const data = await post('order_create', orderFields(request), signal);
      return readPayload(CARRIER_ID, 'order_create', () => {
        const order = asRecord(data, '$.data');
        return {
          trackingNumber: asNonEmptyString(order.waybill_no, '$.data.waybill_no'),
          service: asNonEmptyString(order.svc, '$.data.svc'),
          handoverAddress: undefined,
        };
      });
    },

    // AsiaLink's return waybill (退货单): billed to the consignee, naming the waybill the goods came on.
    async createReturnLabel(request, signal) {
      const fields = {
        ...orderFields({ ...request, iossNumber: undefined, handover: undefined }),
        orig_waybill_no: request.returnOf.trackingNumber,
        return_reason: request.reason,
      };
      const data = await post('return_create', fields, signal);
      return readPayload(CARRIER_ID, 'return_create', () => {
        const order = asRecord(data, '$.data');
        return {
          trackingNumber: asNonEmptyString(order.waybill_no, '$.data.waybill_no'),
          service: asNonEmptyString(order.svc, '$.data.svc'),
          handoverAddress: undefined,
        };
      });
    },

    async cancelLabel(request, signal) {
      await post('order_cancel', { waybill_no: request.trackingNumber, request_no: request.idempotencyKey }, signal);
    },

    track: (trackingNumbers, signal) =>
      inBatches(trackingNumbers, WAYBILLS_PER_QUERY, async (batch) => {
        const data = await post('track_query', { waybill_nos: batch.join(',') }, signal);
        return readPayload(CARRIER_ID, 'track_query', () => {
          const entries = asArray(data, '$.data').map((value, index) => asRecord(value, `$.data[${index}]`));
          const byWaybill = new Map(entries.map((entry, index) => [asString(entry.waybill_no, `$.data[${index}].waybill_no`), entry]));
          return batch.map((waybill): ParcelRecord | Error => {
            const entry = byWaybill.get(waybill);
            if (entry === undefined) throw new Error(`$.data: no entry for ${waybill}`);
            return entry.found === 1 ? readTraces(waybill, entry, onUnknownEvent) : unknownLabel(CARRIER_ID, waybill);
          });
        });
      }),
  };
}

function orderFields(request: LabelRequest): Record<string, string> {
  const { from, to, goods } = request;
  return {
    out_order_no: request.idempotencyKey,
    svc: request.service,
    from_name: from.name,
    from_addr: from.line1,
    from_city: from.city,
    from_zip: from.postalCode,
    from_country: from.country,
    to_name: to.name,
    to_addr: to.line1,
    to_city: to.city,
    to_zip: to.postalCode,
    to_country: to.country,
    to_phone: to.phone ?? '',
    kg: (request.weightGrams / 1_000).toFixed(3),
    goods_desc: goods.description,
    goods_qty: String(goods.quantity),
    hs_code: goods.hsCode ?? '',
    origin: goods.originCountry,
    declared_value: toDecimalString(goods.value),
    currency: goods.value.currency,
    ioss: request.iossNumber ?? '',
    customs_value: goods.customsValue ? toDecimalString(goods.customsValue.value) : '',
    customs_currency: goods.customsValue?.value.currency ?? '',
    valuation_basis: goods.customsValue?.basis ?? '',
    mpid: goods.productIdentifiers?.merchantProductId ?? '',
    nspid: goods.productIdentifiers?.nonStandardisedId ?? '',
    spid: goods.productIdentifiers?.standardisedId ?? '',
  };
}

function readTraces(waybill: string, entry: VendorRecord, onUnknownEvent: (code: string) => void): ParcelRecord {
  const path = `$.data[${waybill}]`;
  const events = asArray(entry.traces, `${path}.traces`).map((value, index) => {
    const trace = asRecord(value, `${path}.traces[${index}]`);
    return {
      at: fromChinaTime(asString(trace.time, `${path}.traces[${index}].time`)),
      status: asiaLinkTrackingStatus(asString(trace.code, `${path}.traces[${index}].code`), onUnknownEvent),
      description: asString(trace.desc, `${path}.traces[${index}].desc`),
      location: optional(trace.location, `${path}.traces[${index}].location`, asString),
    };
  });
  const invoice = asRecord(entry.invoice, `${path}.invoice`);
  const ioss = asString(invoice.ioss, `${path}.invoice.ioss`);
  const hsCode = asString(invoice.hs_code, `${path}.invoice.hs_code`);
  // Fields AsiaLink echoes as "" when they were not sent.
  const given = (name: string) => {
    const value = optional(invoice[name], `${path}.invoice.${name}`, asString);
    return value === '' ? undefined : value;
  };
  const customsValue = given('customs_value');
  const merchantProductId = given('mpid');
  return {
    trackingNumber: waybill,
    cancelled: events.some((event) => event.status === 'CANCELLED'),
    events,
    customsDocuments: [
      {
        kind: 'COMMERCIAL_INVOICE',
        hsCode: hsCode === '' ? undefined : hsCode,
        originCountry: asNonEmptyString(invoice.origin, `${path}.invoice.origin`),
        value: readAmount(
          asString(invoice.declared_value, `${path}.invoice.declared_value`),
          asString(invoice.currency, `${path}.invoice.currency`),
          `${path}.invoice.declared_value`,
        ),
        customsValue:
          customsValue === undefined
            ? undefined
            : readAmount(customsValue, given('customs_currency') ?? '', `${path}.invoice.customs_value`),
        valuationBasis:
          customsValue === undefined ? undefined : readValuationBasis(given('valuation_basis'), `${path}.invoice.valuation_basis`),
        productIdentifiers:
          merchantProductId === undefined
            ? undefined
            : {
                merchantProductId,
                nonStandardisedId: given('nspid'),
                standardisedId: given('spid'),
              },
        iossNumber: ioss === '' ? undefined : ioss,
      },
    ],
  };
}

/** "2026-11-26 23:45:00" at UTC+8, the network's home time → ISO 8601 UTC. */
function fromChinaTime(text: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`trace time "${text}" is not yyyy-MM-dd HH:mm:ss`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s)).toISOString();
}
