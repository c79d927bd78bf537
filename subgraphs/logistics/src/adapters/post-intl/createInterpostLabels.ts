import { toDecimalString } from '#packages/money/index.js';
import type { UpstreamClient } from '#packages/http/index.js';
import { PayloadError, readXml, type XmlElement } from '#packages/validate/index.js';
import { carrierRefusal, unknownLabel, type CarrierRefusalReason } from '../CarrierRefusal.js';
import type { CarrierLabels, CustomsDocumentRecord, LabelRequest, ParcelRecord, TrackingStatus } from '../ports.js';
import { readAmount } from '../readAmount.js';
import { readValuationBasis } from '../readValuationBasis.js';
import { inBatches, readPayload } from '../vendorErrors.js';
import { CARRIER_ID, escape, leaf } from './map.js';

/** The vendor's limit on TrackIDs per TrackV2 request. */
const TRACK_IDS_PER_CALL = 35;

/** Interpost's `<Error><Number>`s for refused writes, in our words. */
const REFUSALS: Readonly<Record<string, CarrierRefusalReason>> = {
  '80040B32': 'REFUSED',
  '80040B35': 'IDEMPOTENCY_KEY_REUSED',
  '80040B40': 'NOT_CANCELLABLE',
  '-2147219302': 'NOT_FOUND',
  '80040B30': 'INVALID_REQUEST',
  '80040B31': 'INVALID_REQUEST',
  '80040B33': 'INVALID_REQUEST',
  '80040B34': 'INVALID_REQUEST',
};

/**
 * UPU EMSEVT event codes (and the sandbox's pre-advice and void) as our tracking words. A code the
 * post adds later is reported and read as EXCEPTION: someone should look at that parcel.
 */
export function interpostTrackingStatus(code: string, onUnknown: (code: string) => void): TrackingStatus {
  switch (code) {
    case 'PREADVICE':
      return 'LABEL_CREATED';
    case 'EMA':
      return 'PICKED_UP';
    case 'EMB':
    case 'EMC':
    case 'EMF':
      return 'IN_TRANSIT';
    case 'EMD':
      return 'AT_HUB';
    case 'EME':
      return 'CUSTOMS';
    case 'EMG':
      return 'OUT_FOR_DELIVERY';
    case 'EMI':
      return 'DELIVERED';
    case 'EMH':
      return 'EXCEPTION';
    case 'VOID':
      return 'CANCELLED';
    default:
      onUnknown(code);
      return 'EXCEPTION';
  }
}

/**
 * Interpost's labels: `IntlLabel` (with the CN22/CN23 data; our idempotency key is its
 * `<TransactionID>`), `IntlLabelCancel` (keyed too), `TrackV2` (35 barcodes a call). XML both ways,
 * credentials on the root element, `<Error>` documents under HTTP 200.
 */
export function createInterpostLabels(
  client: UpstreamClient,
  credentials: { userId: string; password: string },
  onUnknownEvent: (code: string) => void,
): CarrierLabels {
  const root = (name: string, body: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<${name} USERID="${escape(credentials.userId)}" PASSWORD="${escape(credentials.password)}">${body}</${name}>`;

  /** Posts a document; the vendor honours `<TransactionID>`, so a write is retried like a read. */
  async function post(operation: string, document: string, signal?: AbortSignal): Promise<XmlElement> {
    const response = await client.request({
      method: 'POST',
      path: `/ShippingAPI/${operation}`,
      headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml' },
      body: document,
      idempotent: true,
      signal,
    });
    const answer = readPayload(CARRIER_ID, operation, () => readXml(response.text));
    if (answer.name !== 'Error') return answer;
    const number = readPayload(CARRIER_ID, operation, () => text(answer, 'Number', '$'));
    throw carrierRefusal({
      upstream: CARRIER_ID,
      operation,
      code: number,
      refusals: REFUSALS,
      status: response.status,
      detail: text(answer, 'Description', '$'),
    });
  }

  return {
    async createLabel(request, signal) {
      const answer = await post('IntlLabel', root('IntlLabelRequest', labelFields(request)), signal);
      return readPayload(CARRIER_ID, 'IntlLabel', () => {
        if (answer.name !== 'IntlLabelResponse') throw new PayloadError('$', '<IntlLabelResponse>', `<${answer.name}>`);
        return {
          trackingNumber: text(answer, 'BarcodeNumber', '$'),
          service: text(answer, 'ServiceCode', '$'),
          handoverAddress: undefined,
        };
      });
    },

    async cancelLabel(request, signal) {
      const answer = await post(
        'IntlLabelCancel',
        root('IntlLabelCancelRequest', leaf('BarcodeNumber', request.trackingNumber) + leaf('TransactionID', request.idempotencyKey)),
        signal,
      );
      readPayload(CARRIER_ID, 'IntlLabelCancel', () => {
        if (text(answer, 'Status', '$') !== 'Cancelled') throw new PayloadError('$.Status', 'Cancelled', text(answer, 'Status', '$'));
      });
    },

    track: (trackingNumbers, signal) =>
      inBatches(trackingNumbers, TRACK_IDS_PER_CALL, async (batch) => {
        const ids = batch.map((id) => `<TrackID ID="${escape(id)}"/>`).join('');
        const answer = await post('TrackV2', root('TrackFieldRequest', ids), signal);
        return readPayload(CARRIER_ID, 'TrackV2', () => {
          const infos = new Map(answer.children.filter((child) => child.name === 'TrackInfo').map((info) => [info.attributes.ID, info]));
          return batch.map((id): ParcelRecord | Error => {
            const info = infos.get(id);
            if (info === undefined) throw new PayloadError(`$.TrackInfo[ID=${id}]`, 'an answer', undefined);
            if (info.children.some((child) => child.name === 'Error')) return unknownLabel(CARRIER_ID, id);
            return readTrackInfo(id, info, onUnknownEvent);
          });
        });
      }),
  };
}

function labelFields(request: LabelRequest): string {
  const { from, to, goods } = request;
  return (
    leaf('TransactionID', request.idempotencyKey) +
    leaf('ServiceCode', request.service) +
    leaf('FromName', from.name) +
    leaf('FromAddress', from.line1) +
    leaf('FromCity', from.city) +
    leaf('FromPostcode', from.postalCode) +
    leaf('FromCountry', from.country) +
    leaf('ToName', to.name) +
    leaf('ToAddress', to.line1) +
    leaf('ToCity', to.city) +
    leaf('ToPostcode', to.postalCode) +
    leaf('ToCountry', to.country) +
    leaf('Grams', request.weightGrams) +
    leaf('ContentType', 'MERCHANDISE') +
    leaf('Description', goods.description) +
    leaf('Quantity', goods.quantity) +
    leaf('Value', toDecimalString(goods.value)) +
    leaf('Currency', goods.value.currency) +
    leaf('HSTariffNumber', goods.hsCode ?? '') +
    leaf('CountryOfOrigin', goods.originCountry) +
    leaf('IOSSNumber', request.iossNumber ?? '') +
    leaf('CustomsValue', goods.customsValue ? toDecimalString(goods.customsValue.value) : '') +
    leaf('CustomsValueCurrency', goods.customsValue?.value.currency ?? '') +
    leaf('ValuationBasis', goods.customsValue?.basis ?? '') +
    leaf('MerchantProductID', goods.productIdentifiers?.merchantProductId ?? '') +
    leaf('NSProductID', goods.productIdentifiers?.nonStandardisedId ?? '') +
    leaf('SProductID', goods.productIdentifiers?.standardisedId ?? '')
  );
}

function readTrackInfo(id: string, info: XmlElement, onUnknownEvent: (code: string) => void): ParcelRecord {
  const path = `$.TrackInfo[ID=${id}]`;
  const events = info.children
    .filter((child) => child.name === 'TrackDetail')
    .map((detail, index) => {
      const at = text(detail, 'EventTime', `${path}.TrackDetail[${index}]`);
      if (Number.isNaN(Date.parse(at))) throw new PayloadError(`${path}.TrackDetail[${index}].EventTime`, 'an instant', at);
      return {
        at: new Date(at).toISOString(),
        status: interpostTrackingStatus(text(detail, 'EventCode', `${path}.TrackDetail[${index}]`), onUnknownEvent),
        description: text(detail, 'Event', `${path}.TrackDetail[${index}]`),
        location: text(detail, 'EventCountry', `${path}.TrackDetail[${index}]`) || undefined,
      };
    });
  const form = info.children.find((child) => child.name === 'CustomsForm');
  const customsDocuments: CustomsDocumentRecord[] = [];
  if (form !== undefined) {
    const kind = form.attributes.type;
    if (kind !== 'CN22' && kind !== 'CN23') throw new PayloadError(`${path}.CustomsForm@type`, 'CN22 or CN23', kind);
    const value = child(form, 'Value', `${path}.CustomsForm`);
    const customsValue = form.children.find((element) => element.name === 'CustomsValue');
    const ids = form.children.find((element) => element.name === 'ProductIDs');
    customsDocuments.push({
      kind,
      hsCode: text(form, 'HSTariffNumber', `${path}.CustomsForm`) || undefined,
      originCountry: text(form, 'CountryOfOrigin', `${path}.CustomsForm`),
      value: readAmount(value.text.trim(), value.attributes.currency ?? '', `${path}.CustomsForm.Value`),
      customsValue:
        customsValue && readAmount(customsValue.text.trim(), customsValue.attributes.currency ?? '', `${path}.CustomsForm.CustomsValue`),
      valuationBasis: customsValue && readValuationBasis(customsValue.attributes.basis, `${path}.CustomsForm.CustomsValue@basis`),
      productIdentifiers: ids && {
        merchantProductId: text(ids, 'MPID', `${path}.CustomsForm.ProductIDs`),
        nonStandardisedId: text(ids, 'NSPID', `${path}.CustomsForm.ProductIDs`) || undefined,
        standardisedId: text(ids, 'SPID', `${path}.CustomsForm.ProductIDs`) || undefined,
      },
      iossNumber: text(form, 'IOSSNumber', `${path}.CustomsForm`) || undefined,
    });
  }
  return { trackingNumber: id, cancelled: events.some((event) => event.status === 'CANCELLED'), events, customsDocuments };
}

function child(parent: XmlElement, name: string, path: string): XmlElement {
  const found = parent.children.filter((element) => element.name === name);
  if (found.length !== 1) throw new PayloadError(`${path}.${name}`, 'exactly one element', `${found.length} elements`);
  return found[0]!;
}

function text(parent: XmlElement, name: string, path: string): string {
  return child(parent, name, path).text.trim();
}
