import { type ParcelLedger, type SandboxRequest, type SandboxResponse, type SandboxRoute, textOf } from '#packages/sandbox/index.js';
import { createParcelLedger } from '#packages/sandbox/index.js';
import { quoteLineHaul } from './rateCard.js';
import { TEST_REFUSAL_MESSAGE, carrierRefusesInTestMode } from '#packages/sandbox/index.js';

/** SilkRoute's milestones: consolidated air freight to a European hub, cleared in bulk, handed to the last mile. */
const STAGES = [
  { code: 'MANIFESTED', description: 'Parcel manifested', status: 'LABEL_CREATED', at: 'origin' },
  { code: 'RECEIVED_AT_ORIGIN', description: 'Received at origin consolidation point', status: 'PICKED_UP', at: 'origin' },
  { code: 'EXPORT_CLEARED', description: 'Export customs cleared', status: 'CUSTOMS', at: 'origin' },
  { code: 'DEPARTED_ORIGIN', description: 'Line-haul flight departed', status: 'IN_TRANSIT', at: 'origin' },
  { code: 'ARRIVED_HUB', description: 'Arrived at destination hub', status: 'AT_HUB', at: 'destination' },
  { code: 'IMPORT_CLEARED', description: 'Import customs cleared (bulk declaration)', status: 'CUSTOMS', at: 'destination' },
  { code: 'HANDED_OVER', description: 'Handed over to the last-mile carrier', status: 'AT_HUB', at: 'destination' },
] as const;

/** Where each hub receives parcels and hands them to the last mile. */
const HUB_ADDRESSES: Readonly<Record<string, { city: string; postal_code: string; address1: string }>> = {
  LEJ: { city: 'Leipzig', postal_code: '04435', address1: 'Flughafen Leipzig/Halle, Frachtstraße 12' },
  AMS: { city: 'Schiphol', postal_code: '1118 BE', address1: 'Pelikaanweg 30' },
  CDG: { city: 'Roissy-en-France', postal_code: '95700', address1: 'Zone de Fret 4, Rue du Te' },
  MAD: { city: 'Madrid', postal_code: '28042', address1: 'Centro de Carga Aérea, Nave 7' },
  MXP: { city: 'Ferno', postal_code: '21010', address1: 'Cargo City Malpensa, Edificio 5' },
  WAW: { city: 'Warszawa', postal_code: '02-146', address1: 'ul. Wirażowa 35' },
  LHR: { city: 'Hounslow', postal_code: 'TW6 3UA', address1: 'Shoreham Road West, Cargo Terminal' },
};

type Body = Record<string, unknown>;

export interface LineParcel {
  readonly service: string;
  /** The shipper, as the line-haul label prints it. */
  readonly shipper: Body;
  readonly hub: Body;
  readonly declaration: Body;
}

/**
 * SilkRoute Line's parcel API: `POST /api/v1/linehaul/parcels` (a line-haul label to the hub in the
 * destination country, with the import declaration the line lodges in bulk; `X-Idempotency-Key`
 * required), `POST …/parcels/cancel` (before the parcel is received), `POST …/tracking`
 * (milestones of many parcels). JSON, snake_case, integer minor units, Basic auth, errors as
 * `{error: {code, text}}`.
 */
export function parcelRoutes(expectedAuthorization: string): SandboxRoute[] {
  const ledger: ParcelLedger<LineParcel> = createParcelLedger<LineParcel>({
    stages: STAGES,
    exception: { code: 'HELD', description: 'Held at hub: documents under review', status: 'EXCEPTION' },
    cancelled: { code: 'VOIDED', description: 'Parcel voided by shipper', status: 'CANCELLED' },
    trackingNumberOf: (sequence) => `SR${String(40_000_000 + sequence)}EU`,
  });
  const authorized = (request: SandboxRequest) => request.headers.authorization === expectedAuthorization;
  const keyed = (path: string, endpoint: string, run: (body: Body) => SandboxResponse): SandboxRoute => ({
    method: 'POST',
    path,
    endpoint,
    handle: (request) => {
      if (!authorized(request)) return failure(401, 'UNAUTHORIZED', 'bad credentials');
      const key = request.headers['x-idempotency-key'];
      if (typeof key !== 'string' || key === '') return failure(400, 'INVALID_REQUEST', 'X-Idempotency-Key header is required');
      const body = readBody(request.body);
      if (!body) return failure(400, 'INVALID_REQUEST', 'body must be JSON');
      const result = ledger.once(endpoint, key, request.body, () => run(body));
      return result.kind === 'conflict'
        ? failure(409, 'IDEMPOTENCY_CONFLICT', 'X-Idempotency-Key was used with another request')
        : result.value;
    },
  });
  return [
    keyed('/api/v1/linehaul/parcels', 'linehaul.parcels.create', (body) => createParcel(body, ledger)),
    keyed('/api/v1/linehaul/parcels/cancel', 'linehaul.parcels.cancel', (body) => {
      const number = textOf(body.tracking_number);
      const outcome = ledger.cancel(number);
      if (outcome === 'NOT_FOUND') return failure(404, 'NOT_FOUND', `no parcel ${number}`);
      if (outcome === 'PICKED_UP') return failure(409, 'ALREADY_RECEIVED', 'the parcel was received at origin and can no longer be voided');
      return { body: { tracking_number: number, status: 'VOIDED' } };
    }),
    {
      method: 'POST',
      path: '/api/v1/linehaul/tracking',
      endpoint: 'linehaul.tracking',
      handle: (request) => {
        if (!authorized(request)) return failure(401, 'UNAUTHORIZED', 'bad credentials');
        const numbers = (readBody(request.body) ?? {}).tracking_numbers;
        if (!Array.isArray(numbers) || numbers.length === 0 || numbers.length > 250) {
          return failure(422, 'INVALID_REQUEST', 'tracking_numbers: 1 to 250');
        }
        return {
          body: {
            data: numbers.map((value) => {
              const number = String(value);
              const parcel = ledger.get(number);
              if (!parcel) return { tracking_number: number, found: false };
              return {
                tracking_number: number,
                found: true,
                milestones: ledger.events(number).map((event) => ({
                  at: new Date(event.at).toISOString(),
                  code: event.code,
                  text: event.description,
                  place: event.country,
                })),
                declaration: parcel.data.declaration,
              };
            }),
          },
        };
      },
    },
    ...ledger.routes,
  ];
}

function createParcel(body: Body, ledger: ParcelLedger<LineParcel>): SandboxResponse {
  const shipper = record(body.shipper);
  const consignee = record(body.consignee);
  const goods = record(body.goods);
  const grams = body.weight_g;
  if (body.service !== 'AIR_LINE') return failure(422, 'INVALID_REQUEST', `unknown service ${String(body.service)}`);
  if (typeof grams !== 'number' || !Number.isInteger(grams) || grams <= 0)
    return failure(422, 'INVALID_REQUEST', 'weight_g must be whole grams');
  const origin = textOf(shipper.country);
  const destination = textOf(consignee.country);
  const quote = quoteLineHaul({ ref: '0', origin, destination, grams, sidesCm: undefined, battery: false });
  if (!quote.accepted) return failure(422, quote.code, quote.text);
  if (carrierRefusesInTestMode()) return failure(422, 'PARCEL_REFUSED', TEST_REFUSAL_MESSAGE);
  if (!Number.isSafeInteger(goods.value_minor) || typeof goods.currency !== 'string') {
    return failure(422, 'INVALID_REQUEST', 'goods.value_minor and goods.currency are required for the import declaration');
  }
  const hub = {
    country: quote.hubCountry,
    code: quote.hubCode,
    address: { name: `SilkRoute Line hub ${quote.hubCode}`, ...HUB_ADDRESSES[quote.hubCode], country: quote.hubCountry },
  };
  const declaration = {
    document: 'COMMERCIAL_INVOICE',
    hs_code: goods.hs_code ?? null,
    origin_country: goods.origin_country ?? origin,
    value_minor: goods.value_minor,
    currency: goods.currency,
    ioss_number: body.ioss_number ?? null,
    customs_value: body.customs_value ?? null,
    product_ids: goods.product_ids ?? null,
  };
  const parcel = ledger.create({ from: origin, to: destination, data: { service: 'AIR_LINE', shipper, hub, declaration } });
  return { status: 201, body: { tracking_number: parcel.trackingNumber, service: 'AIR_LINE', status: 'MANIFESTED', hub, declaration } };
}

const record = (value: unknown): Body => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : {});

function readBody(text: string): Body | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

function failure(status: number, code: string, text: string): SandboxResponse {
  return { status, body: { error: { code, text } } };
}
