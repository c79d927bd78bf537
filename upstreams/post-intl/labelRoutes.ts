import type { ParcelLedger, SandboxRequest, SandboxResponse, SandboxRoute } from '#packages/sandbox/index.js';
import { createParcelLedger, el, xmlDocument } from '#packages/sandbox/index.js';
import { ratePacket } from './rateCard.js';
import { readXmlRequest, type XmlRequest } from './readXmlRequest.js';
import { TEST_REFUSAL_MESSAGE, carrierRefusesInTestMode } from '#packages/sandbox/index.js';

/** Interpost's life of an international small packet, in UPU EMSEVT event codes. */
const STAGES = [
  { code: 'PREADVICE', description: 'Electronic pre-advice received', status: 'LABEL_CREATED', at: 'origin' },
  { code: 'EMA', description: 'Posting/collection', status: 'PICKED_UP', at: 'origin' },
  { code: 'EMC', description: 'Departure from outward office of exchange', status: 'IN_TRANSIT', at: 'origin' },
  { code: 'EMD', description: 'Arrival at inward office of exchange', status: 'AT_HUB', at: 'destination' },
  { code: 'EME', description: 'Handed over to customs', status: 'CUSTOMS', at: 'destination' },
  { code: 'EMF', description: 'Departure from inward office of exchange', status: 'IN_TRANSIT', at: 'destination' },
  { code: 'EMG', description: 'Arrival at delivery office, out for delivery', status: 'OUT_FOR_DELIVERY', at: 'destination' },
  { code: 'EMI', description: 'Final delivery', status: 'DELIVERED', at: 'destination' },
] as const;

/**
 * UPU rule of thumb the sandbox applies: a CN22 for items worth up to 300 SDR, a CN23 above.
 * Rough SDR values of the currencies sellers declare in (sandbox data, like the rate card);
 * a currency not listed gets the CN23, which is never wrong, only longer.
 */
const SDR_PER_UNIT: Readonly<Record<string, number>> = { USD: 0.75, EUR: 0.82, GBP: 0.95, CNY: 0.104, JPY: 0.005, BRL: 0.14, MYR: 0.16 };
const CN22_LIMIT_SDR = 300;

export interface PostalLabel {
  readonly service: string;
  /** The sender's block of the label, in the post's field names. */
  readonly sender: Readonly<Record<string, string>>;
  readonly customsForm: 'CN22' | 'CN23' | undefined;
  readonly hsTariffNumber: string;
  readonly countryOfOrigin: string;
  readonly value: string;
  readonly currency: string;
  readonly iossNumber: string;
  /** The customs value on the destination's basis, when the sender declared it. */
  readonly customsValue: { readonly amount: string; readonly currency: string; readonly basis: string } | undefined;
  /** The EU product identifiers (M-PID, NS-PID, S-PID), when the sender declared them. */
  readonly productIds: { readonly mpid: string; readonly nspid: string; readonly spid: string } | undefined;
}

type Credentials = (request: XmlRequest) => boolean;

/**
 * Interpost's label API, in the style of the old post-office web tools: `IntlLabel` (a label with
 * its CN22/CN23 data; idempotent on `<TransactionID>`), `IntlLabelCancel` (before posting only),
 * `TrackV2` (events of many barcodes, with the customs form on file). XML both ways, credentials
 * as root attributes, `<Error>` documents under HTTP 200.
 */
export function labelRoutes(authorized: Credentials): SandboxRoute[] {
  const ledger: ParcelLedger<PostalLabel> = createParcelLedger<PostalLabel>({
    stages: STAGES,
    exception: { code: 'EMH', description: 'Unsuccessful delivery attempt', status: 'EXCEPTION' },
    cancelled: { code: 'VOID', description: 'Label voided before posting', status: 'CANCELLED' },
    trackingNumberOf: (sequence, from) => s10(sequence, from),
  });
  const route = (operation: string, root: string, handle: (request: XmlRequest, raw: SandboxRequest) => SandboxResponse): SandboxRoute => ({
    method: 'POST',
    path: `/ShippingAPI/${operation}`,
    endpoint: operation,
    handle(raw) {
      const request = readXmlRequest(raw.body, root);
      if (!request) return error('80040B19', `XML syntax error: expected ${root}`);
      if (!authorized(request)) return error('80040B1A', 'Authorization failure');
      return handle(request, raw);
    },
  });
  return [
    route('IntlLabel', 'IntlLabelRequest', (request) => createLabel(request, ledger)),
    route('IntlLabelCancel', 'IntlLabelCancelRequest', (request) => cancelLabel(request, ledger)),
    route('TrackV2', 'TrackFieldRequest', (request) => track(request, ledger)),
    ...ledger.routes,
  ];
}

const LABEL_FIELDS = [
  'ServiceCode',
  'FromName',
  'FromAddress',
  'FromCity',
  'FromPostcode',
  'FromCountry',
  'ToName',
  'ToAddress',
  'ToCity',
  'ToPostcode',
  'ToCountry',
  'Grams',
  'Description',
  'Quantity',
  'Value',
  'Currency',
  'HSTariffNumber',
  'CountryOfOrigin',
  'IOSSNumber',
  'CustomsValue',
  'CustomsValueCurrency',
  'ValuationBasis',
  'MerchantProductID',
  'NSProductID',
  'SProductID',
];

function createLabel(request: XmlRequest, ledger: ParcelLedger<PostalLabel>): SandboxResponse {
  const transactionId = request.text('TransactionID') ?? '';
  if (transactionId === '') return error('80040B30', 'TransactionID is required');
  const fields = LABEL_FIELDS.map((name) => request.text(name) ?? '');
  const result = ledger.once('IntlLabel', transactionId, JSON.stringify(fields), () => {
    const [
      service,
      fromName,
      fromAddress,
      fromCity,
      fromPostcode,
      from,
      ,
      ,
      ,
      ,
      to,
      grams,
      ,
      ,
      value,
      currency,
      hs,
      origin,
      ioss,
      ...declared
    ] = fields;
    if (service !== 'ECONOMY' && service !== 'REGISTERED') return error('80040B31', `Unknown ServiceCode ${service}`);
    if (!/^\d+$/.test(grams!) || Number(grams) < 1) return error('80040B33', 'Grams must be a whole number');
    // The post takes for a label exactly what it would rate: same lanes, same weight limit.
    const rate = ratePacket({ id: '0', origin: from!, destination: to!, grams: Number(grams), sidesCm: undefined, lithium: false });
    if ('refused' in rate) return error('80040B32', rate.refused.description);
    if (carrierRefusesInTestMode()) return error('80040B32', TEST_REFUSAL_MESSAGE);
    if (!/^\d+(\.\d+)?$/.test(value!) || !/^[A-Z]{3}$/.test(currency!))
      return error('80040B34', 'Value and Currency are required for customs');
    const [customsValue, customsCurrency, basis, mpid, nspid, spid] = declared as [string, string, string, string, string, string];
    if (
      customsValue !== '' &&
      (!/^\d+(\.\d+)?$/.test(customsValue) || !/^[A-Z]{3}$/.test(customsCurrency) || !['CIF', 'FOB'].includes(basis))
    )
      return error('80040B34', 'CustomsValue needs CustomsValueCurrency and a ValuationBasis of CIF or FOB');
    if (mpid === '' && (nspid !== '' || spid !== '')) return error('80040B34', 'MerchantProductID is required with other product ids');
    const sdr = SDR_PER_UNIT[currency!];
    const customsForm = sdr !== undefined && Number(value) * sdr <= CN22_LIMIT_SDR ? 'CN22' : 'CN23';
    const parcel = ledger.create({
      from: from!,
      to: to!,
      data: {
        service: service,
        sender: { FromName: fromName!, FromAddress: fromAddress!, FromCity: fromCity!, FromPostcode: fromPostcode!, FromCountry: from! },
        customsForm,
        hsTariffNumber: hs!,
        countryOfOrigin: origin!,
        value: value!,
        currency: currency!,
        iossNumber: ioss!,
        customsValue: customsValue === '' ? undefined : { amount: customsValue, currency: customsCurrency, basis },
        productIds: mpid === '' ? undefined : { mpid, nspid, spid },
      },
    });
    return xml(
      el('IntlLabelResponse', [
        el('BarcodeNumber', parcel.trackingNumber),
        el('ServiceCode', service),
        el('CustomsForm', customsForm),
        el('LabelImage', Buffer.from(`%PDF-1.4 sandbox label ${parcel.trackingNumber}`).toString('base64')),
      ]),
    );
  });
  if (result.kind === 'conflict') return error('80040B35', 'TransactionID already used for another label');
  return result.value;
}

function cancelLabel(request: XmlRequest, ledger: ParcelLedger<PostalLabel>): SandboxResponse {
  const barcode = request.text('BarcodeNumber') ?? '';
  const transactionId = request.text('TransactionID') ?? '';
  if (transactionId === '') return error('80040B30', 'TransactionID is required');
  const result = ledger.once('IntlLabelCancel', transactionId, barcode, () => {
    const outcome = ledger.cancel(barcode);
    if (outcome === 'NOT_FOUND') return error('-2147219302', 'No record of that item');
    if (outcome === 'PICKED_UP') return error('80040B40', 'Item already posted: it cannot be cancelled');
    return xml(el('IntlLabelCancelResponse', [el('BarcodeNumber', barcode), el('Status', 'Cancelled')]));
  });
  if (result.kind === 'conflict') return error('80040B35', 'TransactionID already used for another request');
  return result.value;
}

function track(request: XmlRequest, ledger: ParcelLedger<PostalLabel>): SandboxResponse {
  const ids = request.all('TrackID').map((attributes) => attributes.ID ?? '');
  if (ids.length === 0 || ids.length > 35) return error('80040B19', 'Between 1 and 35 TrackID elements');
  const infos = ids.map((id) => {
    const parcel = ledger.get(id);
    if (!parcel)
      return el('TrackInfo', [el('Error', [el('Number', '-2147219283'), el('Description', 'No record of that item')])], { ID: id });
    const label = parcel.data;
    const details = ledger
      .events(id)
      .map((event) =>
        el('TrackDetail', [
          el('EventTime', new Date(event.at).toISOString()),
          el('EventCode', event.code),
          el('Event', event.description),
          el('EventCountry', event.country),
        ]),
      );
    const customs = label.customsForm
      ? [
          el(
            'CustomsForm',
            [
              el('HSTariffNumber', label.hsTariffNumber),
              el('CountryOfOrigin', label.countryOfOrigin),
              el('Value', label.value, { currency: label.currency }),
              el('IOSSNumber', label.iossNumber),
              ...(label.customsValue
                ? [
                    el('CustomsValue', label.customsValue.amount, {
                      currency: label.customsValue.currency,
                      basis: label.customsValue.basis,
                    }),
                  ]
                : []),
              ...(label.productIds
                ? [
                    el('ProductIDs', [
                      el('MPID', label.productIds.mpid),
                      el('NSPID', label.productIds.nspid),
                      el('SPID', label.productIds.spid),
                    ]),
                  ]
                : []),
            ],
            { type: label.customsForm },
          ),
        ]
      : [];
    return el('TrackInfo', [...details, ...customs], { ID: id });
  });
  return xml(el('TrackResponse', infos));
}

/**
 * A UPU S10 item id: service letters, eight digits, a check digit (weights 8 6 4 2 3 5 9 7,
 * 11 − sum mod 11, 10 → 0, 11 → 5) and the posting country.
 */
function s10(sequence: number, country: string): string {
  const digits = String(10_000_000 + sequence).slice(-8);
  const weights = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  const check = 11 - (sum % 11);
  return `LX${digits}${check === 10 ? 0 : check === 11 ? 5 : check}${country}`;
}

function error(number: string, description: string): SandboxResponse {
  return xml(el('Error', [el('Number', number), el('Description', description)]));
}

function xml(root: string): SandboxResponse {
  return { headers: { 'content-type': 'text/xml; charset=utf-8' }, body: xmlDocument(root) };
}
