import { toDecimalString } from '#packages/money/index.js';
import type { UpstreamClient, UpstreamResponse } from '#packages/http/index.js';
import { asArray, asNonEmptyString, asRecord, asString, optional, parseJson, type VendorRecord } from '#packages/validate/index.js';
import { carrierRefusal, unknownLabel, type CarrierRefusalReason } from '../CarrierRefusal.js';
import type {
  CarrierLabels,
  CustomsDocumentRecord,
  LabelRecord,
  LabelRequest,
  ParcelRecord,
  PostalAddress,
  ReturnLabelRequest,
  TrackingStatus,
} from '../ports.js';
import { readAmount } from '../readAmount.js';
import { readValuationBasis } from '../readValuationBasis.js';
import { inBatches, readPayload } from '../vendorErrors.js';
import { CARRIER_ID } from './map.js';

/** The vendor's limit on shipments per lookup. */
const SHIPMENTS_PER_LOOKUP = 50;

/** The last segment of Express Global's problem `type`s for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, CarrierRefusalReason>> = {
  'shipment-rejected': 'REFUSED',
  'idempotency-key-reused': 'IDEMPOTENCY_KEY_REUSED',
  'already-picked-up': 'NOT_CANCELLABLE',
  'not-found': 'NOT_FOUND',
  'invalid-request': 'INVALID_REQUEST',
  'idempotency-key-missing': 'INVALID_REQUEST',
};

/** The integrator's checkpoint codes as our tracking words; an unknown one is reported and read as EXCEPTION. */
export function expressGlobalTrackingStatus(code: string, onUnknown: (code: string) => void): TrackingStatus {
  switch (code) {
    case 'SD':
      return 'LABEL_CREATED';
    case 'PU':
      return 'PICKED_UP';
    case 'PL':
    case 'DF':
      return 'IN_TRANSIT';
    case 'AF':
    case 'AR':
      return 'AT_HUB';
    case 'CR':
    case 'CC':
      return 'CUSTOMS';
    case 'WC':
      return 'OUT_FOR_DELIVERY';
    case 'OK':
      return 'DELIVERED';
    case 'BA':
    case 'NH':
      return 'EXCEPTION';
    case 'CA':
      return 'CANCELLED';
    default:
      onUnknown(code);
      return 'EXCEPTION';
  }
}

/**
 * Express Global's shipments: `POST /v2/shipments` (label + commercial invoice), `POST /v2/returns`
 * (a return label, billed to the receiver) and `POST /v2/shipments:cancel`, each with our idempotency key as the `Idempotency-Key` header, and
 * `GET /v2/shipments?shipmentTrackingNumber=…` for events and customs data (50 a call).
 */
export function createExpressGlobalLabels(client: UpstreamClient, apiKey: string, onUnknownEvent: (code: string) => void): CarrierLabels {
  async function send(operation: string, request: Parameters<UpstreamClient['request']>[0]): Promise<VendorRecord> {
    const response = await client.request({ ...request, headers: { ...request.headers, 'x-api-key': apiKey } });
    if (response.status >= 200 && response.status < 300)
      return readPayload(CARRIER_ID, operation, () => asRecord(parseJson(response.text), '$'));
    throw refusalOf(operation, response);
  }
  const post = (operation: string, path: string, body: unknown, key: string, signal?: AbortSignal) =>
    send(operation, {
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
      idempotent: true, // the vendor honours Idempotency-Key
      signal,
    });

  const readLabel = (operation: string, answer: VendorRecord): LabelRecord =>
    readPayload(CARRIER_ID, operation, () => ({
      trackingNumber: asNonEmptyString(answer.shipmentTrackingNumber, '$.shipmentTrackingNumber'),
      service: asNonEmptyString(answer.productCode, '$.productCode'),
      handoverAddress: undefined,
    }));

  return {
    async createLabel(request, signal) {
      const answer = await post('shipments.create', '/v2/shipments', toShipment(request), request.idempotencyKey, signal);
      return readLabel('shipments.create', answer);
    },

    // The integrator's returns product: the seller (receiver) is billed, the invoice says RETURN.
    async createReturnLabel(request, signal) {
      const answer = await post('returns.create', '/v2/returns', toReturn(request), request.idempotencyKey, signal);
      return readLabel('returns.create', answer);
    },

    async cancelLabel(request, signal) {
      await post(
        'shipments.cancel',
        '/v2/shipments:cancel',
        { shipmentTrackingNumber: request.trackingNumber },
        request.idempotencyKey,
        signal,
      );
    },

    track: (trackingNumbers, signal) =>
      inBatches(trackingNumbers, SHIPMENTS_PER_LOOKUP, async (batch) => {
        const answer = await send('shipments.get', { path: '/v2/shipments', query: { shipmentTrackingNumber: batch.join(',') }, signal });
        return readPayload(CARRIER_ID, 'shipments.get', () => {
          const shipments = asArray(answer.shipments, '$.shipments').map((value, index) => asRecord(value, `$.shipments[${index}]`));
          const byNumber = new Map(
            shipments.map((shipment, index) => [
              asString(shipment.shipmentTrackingNumber, `$.shipments[${index}].shipmentTrackingNumber`),
              shipment,
            ]),
          );
          return batch.map((number): ParcelRecord | Error => {
            const shipment = byNumber.get(number);
            return shipment === undefined ? unknownLabel(CARRIER_ID, number) : readShipment(number, shipment, onUnknownEvent);
          });
        });
      }),
  };
}

function toShipment(request: LabelRequest): Record<string, unknown> {
  const party = (address: PostalAddress) => ({
    name: address.name,
    address: { line1: address.line1, city: address.city, postalCode: address.postalCode, countryCode: address.country },
    ...(address.phone !== undefined && { phone: address.phone }),
    ...(address.email !== undefined && { email: address.email }),
  });
  const { customsValue, productIdentifiers } = request.goods;
  const value = toDecimalString(request.goods.value);
  return {
    productCode: request.service,
    shipper: party(request.from),
    receiver: party(request.to),
    package: { weight: { value: request.weightGrams / 1_000, unit: 'KG' } },
    customs: {
      declaredValue: value,
      currency: request.goods.value.currency,
      incoterm: 'DAP',
      lineItems: [
        {
          description: request.goods.description,
          quantity: request.goods.quantity,
          commodityCode: request.goods.hsCode ?? null,
          countryOfOrigin: request.goods.originCountry,
          value,
          ...(productIdentifiers && {
            productIdentifiers: {
              merchant: productIdentifiers.merchantProductId,
              nonStandardised: productIdentifiers.nonStandardisedId ?? null,
              standardised: productIdentifiers.standardisedId ?? null,
            },
          }),
        },
      ],
      registrationNumbers: request.iossNumber === undefined ? [] : [{ type: 'IOSS', number: request.iossNumber }],
      ...(customsValue && {
        customsValue: { value: toDecimalString(customsValue.value), currency: customsValue.value.currency, basis: customsValue.basis },
      }),
    },
  };
}

function toReturn(request: ReturnLabelRequest): Record<string, unknown> {
  const shipment = toShipment({ ...request, iossNumber: undefined, handover: undefined });
  return {
    ...shipment,
    customs: { ...(shipment.customs as Record<string, unknown>), exportReason: 'RETURN', returnReason: request.reason },
    originalShipment: { carrier: request.returnOf.carrierId, trackingNumber: request.returnOf.trackingNumber },
  };
}

function readShipment(number: string, shipment: VendorRecord, onUnknownEvent: (code: string) => void): ParcelRecord {
  const path = `$.shipments[${number}]`;
  const events = asArray(shipment.events, `${path}.events`).map((value, index) => {
    const event = asRecord(value, `${path}.events[${index}]`);
    const at = asString(event.timestamp, `${path}.events[${index}].timestamp`);
    if (Number.isNaN(Date.parse(at))) throw new Error(`${path}.events[${index}].timestamp: not an instant "${at}"`);
    const address = optional(
      optional(event.location, `${path}.events[${index}].location`, asRecord)?.address,
      `${path}.location.address`,
      asRecord,
    );
    return {
      at: new Date(at).toISOString(),
      status: expressGlobalTrackingStatus(asString(event.typeCode, `${path}.events[${index}].typeCode`), onUnknownEvent),
      description: asString(event.description, `${path}.events[${index}].description`),
      location: optional(address?.countryCode, `${path}.location.address.countryCode`, asString),
    };
  });
  const customs = optional(shipment.customs, `${path}.customs`, asRecord);
  const customsDocuments: CustomsDocumentRecord[] = customs === undefined ? [] : [readInvoice(customs, `${path}.customs`)];
  return { trackingNumber: number, cancelled: events.some((event) => event.status === 'CANCELLED'), events, customsDocuments };
}

function readInvoice(customs: VendorRecord, path: string): CustomsDocumentRecord {
  if (customs.documentType !== 'COMMERCIAL_INVOICE') throw new Error(`${path}.documentType: expected COMMERCIAL_INVOICE`);
  const line = asRecord(asArray(customs.lineItems, `${path}.lineItems`)[0], `${path}.lineItems[0]`);
  const ioss = asArray(customs.registrationNumbers ?? [], `${path}.registrationNumbers`)
    .map((value, index) => asRecord(value, `${path}.registrationNumbers[${index}]`))
    .find((registration) => registration.type === 'IOSS');
  const customsValue = optional(customs.customsValue, `${path}.customsValue`, asRecord);
  const ids = optional(line.productIdentifiers, `${path}.lineItems[0].productIdentifiers`, asRecord);
  return {
    kind: 'COMMERCIAL_INVOICE',
    hsCode: optional(line.commodityCode, `${path}.lineItems[0].commodityCode`, asString),
    originCountry: asNonEmptyString(line.countryOfOrigin, `${path}.lineItems[0].countryOfOrigin`),
    value: readAmount(
      asString(customs.declaredValue, `${path}.declaredValue`),
      asString(customs.currency, `${path}.currency`),
      `${path}.declaredValue`,
    ),
    customsValue:
      customsValue &&
      readAmount(
        asString(customsValue.value, `${path}.customsValue.value`),
        asString(customsValue.currency, `${path}.customsValue.currency`),
        `${path}.customsValue.value`,
      ),
    valuationBasis: customsValue && readValuationBasis(customsValue.basis, `${path}.customsValue.basis`),
    productIdentifiers: ids && {
      merchantProductId: asNonEmptyString(ids.merchant, `${path}.lineItems[0].productIdentifiers.merchant`),
      nonStandardisedId: optional(ids.nonStandardised, `${path}.lineItems[0].productIdentifiers.nonStandardised`, asString),
      standardisedId: optional(ids.standardised, `${path}.lineItems[0].productIdentifiers.standardised`, asString),
    },
    iossNumber: optional(ioss?.number, `${path}.registrationNumbers.IOSS`, asString),
  };
}

function refusalOf(operation: string, response: UpstreamResponse) {
  let type = '';
  let detail = response.text.slice(0, 300);
  try {
    const problem = asRecord(parseJson(response.text), '$');
    type = (optional(problem.type, '$.type', asString) ?? '').split('/').pop() ?? '';
    detail = optional(problem.detail, '$.detail', asString) ?? detail;
  } catch {
    // not a problem document: refused as a whole
  }
  return carrierRefusal({ upstream: CARRIER_ID, operation, code: type, refusals: REFUSALS, status: response.status, detail });
}
