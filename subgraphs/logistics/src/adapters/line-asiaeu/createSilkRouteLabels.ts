import { fromMinor, isCurrencyCode, type CurrencyCode, type Money } from '#packages/money/index.js';
import type { UpstreamClient } from '#packages/http/index.js';
import {
  asArray,
  asBoolean,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  parseJson,
  type VendorRecord,
} from '#packages/validate/index.js';
import { carrierRefusal, unknownLabel, type CarrierRefusalReason } from '../CarrierRefusal.js';
import type { CarrierLabels, CustomsDocumentRecord, LabelRequest, ParcelRecord, PostalAddress, TrackingStatus } from '../ports.js';
import { readValuationBasis } from '../readValuationBasis.js';
import { inBatches, readPayload } from '../vendorErrors.js';
import { CARRIER_ID } from './map.js';

/** The vendor's limit on parcels per tracking call. */
const PARCELS_PER_LOOKUP = 250;

/** SilkRoute's `error.code`s for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, CarrierRefusalReason>> = {
  ORIGIN_NOT_SERVED: 'REFUSED',
  NO_HUB: 'REFUSED',
  OVERWEIGHT: 'REFUSED',
  OVERSIZE: 'REFUSED',
  PARCEL_REFUSED: 'REFUSED',
  IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY_KEY_REUSED',
  ALREADY_RECEIVED: 'NOT_CANCELLABLE',
  NOT_FOUND: 'NOT_FOUND',
  INVALID_REQUEST: 'INVALID_REQUEST',
};

/**
 * SilkRoute's milestones as our tracking words. The line ends at its hub: `HANDED_OVER` is AT_HUB,
 * the last mile's own events say the rest. An unknown milestone is reported and read as EXCEPTION.
 */
export function silkRouteTrackingStatus(code: string, onUnknown: (code: string) => void): TrackingStatus {
  switch (code) {
    case 'MANIFESTED':
      return 'LABEL_CREATED';
    case 'RECEIVED_AT_ORIGIN':
      return 'PICKED_UP';
    case 'EXPORT_CLEARED':
    case 'IMPORT_CLEARED':
      return 'CUSTOMS';
    case 'DEPARTED_ORIGIN':
      return 'IN_TRANSIT';
    case 'ARRIVED_HUB':
    case 'HANDED_OVER':
      return 'AT_HUB';
    case 'HELD':
      return 'EXCEPTION';
    case 'VOIDED':
      return 'CANCELLED';
    default:
      onUnknown(code);
      return 'EXCEPTION';
  }
}

/**
 * SilkRoute Line's parcels: `POST /api/v1/linehaul/parcels` (a label to the hub in the destination
 * country, with the declaration the line lodges in bulk: the answer names the hub, where the last
 * mile collects) and `…/parcels/cancel`, both with our idempotency key as `X-Idempotency-Key`;
 * `…/tracking` for milestones, 250 parcels a call.
 */
export function createSilkRouteLabels(
  client: UpstreamClient,
  authorization: string,
  onUnknownEvent: (code: string) => void,
): CarrierLabels {
  async function post(operation: string, path: string, body: unknown, signal?: AbortSignal, key?: string): Promise<VendorRecord> {
    const response = await client.request({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', authorization, ...(key !== undefined && { 'x-idempotency-key': key }) },
      body: JSON.stringify(body),
      idempotent: true, // tracking is a read; the writes carry X-Idempotency-Key, which the vendor honours
      signal,
    });
    if (response.status >= 200 && response.status < 300)
      return readPayload(CARRIER_ID, operation, () => asRecord(parseJson(response.text), '$'));
    let code = '';
    let detail = response.text.slice(0, 300);
    try {
      const error = asRecord(asRecord(parseJson(response.text), '$').error, '$.error');
      code = asString(error.code, '$.error.code');
      detail = optional(error.text, '$.error.text', asString) ?? detail;
    } catch {
      // not the vendor's error shape: refused as a whole
    }
    throw carrierRefusal({ upstream: CARRIER_ID, operation, code, refusals: REFUSALS, status: response.status, detail });
  }

  return {
    async createLabel(request, signal) {
      const answer = await post('linehaul.parcels.create', '/api/v1/linehaul/parcels', toParcel(request), signal, request.idempotencyKey);
      return readPayload(CARRIER_ID, 'linehaul.parcels.create', () => {
        const hub = asRecord(asRecord(answer.hub, '$.hub').address, '$.hub.address');
        const handoverAddress: PostalAddress = {
          name: asNonEmptyString(hub.name, '$.hub.address.name'),
          line1: asNonEmptyString(hub.address1, '$.hub.address.address1'),
          city: asNonEmptyString(hub.city, '$.hub.address.city'),
          postalCode: asNonEmptyString(hub.postal_code, '$.hub.address.postal_code'),
          country: asNonEmptyString(hub.country, '$.hub.address.country'),
        };
        return {
          trackingNumber: asNonEmptyString(answer.tracking_number, '$.tracking_number'),
          service: asNonEmptyString(answer.service, '$.service'),
          handoverAddress,
        };
      });
    },

    async cancelLabel(request, signal) {
      await post(
        'linehaul.parcels.cancel',
        '/api/v1/linehaul/parcels/cancel',
        { tracking_number: request.trackingNumber },
        signal,
        request.idempotencyKey,
      );
    },

    track: (trackingNumbers, signal) =>
      inBatches(trackingNumbers, PARCELS_PER_LOOKUP, async (batch) => {
        const answer = await post('linehaul.tracking', '/api/v1/linehaul/tracking', { tracking_numbers: batch }, signal);
        return readPayload(CARRIER_ID, 'linehaul.tracking', () => {
          const entries = asArray(answer.data, '$.data').map((value, index) => asRecord(value, `$.data[${index}]`));
          const byNumber = new Map(
            entries.map((entry, index) => [asString(entry.tracking_number, `$.data[${index}].tracking_number`), entry]),
          );
          return batch.map((number): ParcelRecord | Error => {
            const entry = byNumber.get(number);
            if (entry === undefined) throw new Error(`$.data: no entry for ${number}`);
            return asBoolean(entry.found, `$.data[${number}].found`)
              ? readMilestones(number, entry, onUnknownEvent)
              : unknownLabel(CARRIER_ID, number);
          });
        });
      }),
  };
}

function toParcel(request: LabelRequest): Record<string, unknown> {
  const party = (address: PostalAddress) => ({
    name: address.name,
    address1: address.line1,
    city: address.city,
    postal_code: address.postalCode,
    country: address.country,
    ...(address.phone !== undefined && { phone: address.phone }),
    ...(address.email !== undefined && { email: address.email }),
  });
  const { customsValue, productIdentifiers } = request.goods;
  return {
    service: request.service,
    shipper: party(request.from),
    consignee: party(request.to),
    weight_g: request.weightGrams,
    goods: {
      description: request.goods.description,
      quantity: request.goods.quantity,
      hs_code: request.goods.hsCode ?? null,
      origin_country: request.goods.originCountry,
      value_minor: Number(request.goods.value.minor),
      currency: request.goods.value.currency,
      ...(productIdentifiers && {
        product_ids: {
          mpid: productIdentifiers.merchantProductId,
          nspid: productIdentifiers.nonStandardisedId ?? null,
          spid: productIdentifiers.standardisedId ?? null,
        },
      }),
    },
    ...(request.iossNumber !== undefined && { ioss_number: request.iossNumber }),
    ...(customsValue && {
      customs_value: { value_minor: Number(customsValue.value.minor), currency: customsValue.value.currency, basis: customsValue.basis },
    }),
  };
}

function readMilestones(number: string, entry: VendorRecord, onUnknownEvent: (code: string) => void): ParcelRecord {
  const path = `$.data[${number}]`;
  const events = asArray(entry.milestones, `${path}.milestones`).map((value, index) => {
    const milestone = asRecord(value, `${path}.milestones[${index}]`);
    const at = asString(milestone.at, `${path}.milestones[${index}].at`);
    if (Number.isNaN(Date.parse(at))) throw new Error(`${path}.milestones[${index}].at: not an instant "${at}"`);
    return {
      at: new Date(at).toISOString(),
      status: silkRouteTrackingStatus(asString(milestone.code, `${path}.milestones[${index}].code`), onUnknownEvent),
      description: asString(milestone.text, `${path}.milestones[${index}].text`),
      location: optional(milestone.place, `${path}.milestones[${index}].place`, asString),
    };
  });
  const declaration = asRecord(entry.declaration, `${path}.declaration`);
  const customsValue = optional(declaration.customs_value, `${path}.declaration.customs_value`, asRecord);
  const ids = optional(declaration.product_ids, `${path}.declaration.product_ids`, asRecord);
  const document: CustomsDocumentRecord = {
    kind: 'COMMERCIAL_INVOICE',
    hsCode: optional(declaration.hs_code, `${path}.declaration.hs_code`, asString),
    originCountry: asNonEmptyString(declaration.origin_country, `${path}.declaration.origin_country`),
    value: readMinorAmount(declaration, `${path}.declaration`),
    customsValue: customsValue && readMinorAmount(customsValue, `${path}.declaration.customs_value`),
    valuationBasis: customsValue && readValuationBasis(customsValue.basis, `${path}.declaration.customs_value.basis`),
    productIdentifiers: ids && {
      merchantProductId: asNonEmptyString(ids.mpid, `${path}.declaration.product_ids.mpid`),
      nonStandardisedId: optional(ids.nspid, `${path}.declaration.product_ids.nspid`, asString),
      standardisedId: optional(ids.spid, `${path}.declaration.product_ids.spid`, asString),
    },
    iossNumber: optional(declaration.ioss_number, `${path}.declaration.ioss_number`, asString),
  };
  return { trackingNumber: number, cancelled: events.some((event) => event.status === 'CANCELLED'), events, customsDocuments: [document] };
}

/** SilkRoute's `{ value_minor, currency }` pair as our `Money`. */
function readMinorAmount(amount: VendorRecord, path: string): Money {
  return fromMinor(asNonNegativeInteger(amount.value_minor, `${path}.value_minor`), readCurrency(amount.currency, `${path}.currency`));
}

function readCurrency(value: unknown, path: string): CurrencyCode {
  const currency = asString(value, path);
  if (!isCurrencyCode(currency)) throw new Error(`${path}: not an ISO 4217 code "${currency}"`);
  return currency;
}
