import { type ParcelLedger, type SandboxRequest, type SandboxResponse, type SandboxRoute, textOf } from '#packages/sandbox/index.js';
import { createParcelLedger } from '#packages/sandbox/index.js';
import { rateShipment } from './rateCard.js';
import { TEST_REFUSAL_MESSAGE, carrierRefusesInTestMode } from '#packages/sandbox/index.js';

/** Express Global's checkpoint codes, in the style of the big integrators. */
const STAGES = [
  { code: 'SD', description: 'Shipment information received', status: 'LABEL_CREATED', at: 'origin' },
  { code: 'PU', description: 'Shipment picked up', status: 'PICKED_UP', at: 'origin' },
  { code: 'PL', description: 'Processed at origin facility', status: 'IN_TRANSIT', at: 'origin' },
  { code: 'DF', description: 'Departed facility', status: 'IN_TRANSIT', at: 'origin' },
  { code: 'AF', description: 'Arrived at destination facility', status: 'AT_HUB', at: 'destination' },
  { code: 'CR', description: 'Customs clearance completed', status: 'CUSTOMS', at: 'destination' },
  { code: 'WC', description: 'With delivery courier', status: 'OUT_FOR_DELIVERY', at: 'destination' },
  { code: 'OK', description: 'Delivered', status: 'DELIVERED', at: 'destination' },
] as const;

const PROBLEMS = 'https://api.expressglobal.example/problems/';

type Body = Record<string, unknown>;

/** What the integrator keeps of a shipment: its product and the commercial invoice it filed. */
export interface ExpressShipment {
  readonly productCode: string;
  /** The shipper's address as it goes on the label (where the courier collects). */
  readonly shipper: Body;
  readonly invoice: Body;
  /** For a return: the label the goods came on (any carrier's), and that the receiver pays. */
  readonly returnOf?: Body;
  /** For a return: the receiver it is billed to (the seller), as on the label. */
  readonly receiver?: Body;
}

/**
 * Express Global's shipment API: `POST /v2/shipments` (label + commercial invoice; an
 * `Idempotency-Key` header is required: the same key and body answer the first shipment again,
 * another body is a 422 problem), `POST /v2/returns` (a return label: the same body plus
 * `originalShipment` and `customs.exportReason: "RETURN"`, billed to the receiver),
 * `POST /v2/shipments:cancel` (before pickup only), and
 * `GET /v2/shipments?shipmentTrackingNumber=a,b` (events and customs data of up to 50 shipments).
 */
export function shipmentRoutes(apiKey: string): SandboxRoute[] {
  const ledger: ParcelLedger<ExpressShipment> = createParcelLedger<ExpressShipment>({
    stages: STAGES,
    exception: { code: 'BA', description: 'Bad or incomplete address', status: 'EXCEPTION' },
    cancelled: { code: 'CA', description: 'Shipment cancelled by shipper', status: 'CANCELLED' },
    trackingNumberOf: (sequence) => String(1_234_500_000 + sequence),
  });
  const keyed = (path: string, endpoint: string, run: (body: Body) => SandboxResponse): SandboxRoute => ({
    method: 'POST',
    path,
    endpoint,
    handle: (request) => {
      if (request.headers['x-api-key'] !== apiKey) return problem(401, 'unauthorized', 'missing or unknown x-api-key');
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || key === '') return problem(400, 'idempotency-key-missing', 'Idempotency-Key header is required');
      const body = readBody(request.body);
      if (!body) return problem(400, 'invalid-request', 'body must be a JSON object');
      const result = ledger.once(endpoint, key, request.body, () => run(body));
      if (result.kind === 'conflict') return problem(422, 'idempotency-key-reused', 'Idempotency-Key was used with another request');
      return result.value;
    },
  });
  return [
    keyed('/v2/shipments', 'shipments.create', (body) => createShipment(body, ledger)),
    keyed('/v2/returns', 'returns.create', (body) => createReturn(body, ledger)),
    keyed('/v2/shipments:cancel', 'shipments.cancel', (body) => {
      const number = textOf(body.shipmentTrackingNumber);
      const outcome = ledger.cancel(number);
      if (outcome === 'NOT_FOUND') return problem(404, 'not-found', `no shipment ${number}`);
      if (outcome === 'PICKED_UP') return problem(409, 'already-picked-up', 'the shipment was picked up and can no longer be cancelled');
      return { body: { shipmentTrackingNumber: number, status: 'CANCELLED' } };
    }),
    {
      method: 'GET',
      path: '/v2/shipments',
      endpoint: 'shipments.get',
      handle: (request: SandboxRequest) => {
        if (request.headers['x-api-key'] !== apiKey) return problem(401, 'unauthorized', 'missing or unknown x-api-key');
        const numbers = (request.query.get('shipmentTrackingNumber') ?? '').split(',').filter((n) => n !== '');
        if (numbers.length === 0 || numbers.length > 50) return problem(400, 'invalid-request', '1 to 50 shipmentTrackingNumber values');
        const found = numbers.filter((number) => ledger.get(number) !== undefined);
        return {
          body: {
            shipments: found.map((number) => toShipment(number, ledger)),
            notFound: numbers.filter((number) => !found.includes(number)),
          },
        };
      },
    },
    ...ledger.routes,
  ];
}

/** A return is a shipment like any other on the reverse lane, declared as a return and billed to the receiver. */
function createReturn(body: Body, ledger: ParcelLedger<ExpressShipment>): SandboxResponse {
  const original = record(body.originalShipment);
  if (typeof original.trackingNumber !== 'string' || original.trackingNumber === '')
    return problem(400, 'invalid-request', 'originalShipment.trackingNumber: the label the goods came on');
  if (record(body.customs).exportReason !== 'RETURN') return problem(400, 'invalid-request', 'customs.exportReason must be RETURN');
  return createShipment(body, ledger, { ...original, billedTo: 'RECEIVER' });
}

function createShipment(body: Body, ledger: ParcelLedger<ExpressShipment>, returnOf?: Body): SandboxResponse {
  const shipper = record(record(body.shipper).address);
  const receiver = record(record(body.receiver).address);
  const weight = record(record(body.package).weight);
  const customs = record(body.customs);
  const productCode = textOf(body.productCode);
  if (productCode !== 'EXPRESS_WORLDWIDE' && productCode !== 'ECONOMY_SELECT')
    return problem(400, 'invalid-request', `unknown productCode ${productCode}`);
  if (typeof weight.value !== 'number' || weight.unit !== 'KG') return problem(400, 'invalid-request', 'package.weight must be in KG');
  const from = textOf(shipper.countryCode);
  const to = textOf(receiver.countryCode);
  // A label is refused where a rate would be: same lanes, limits and embargoes.
  const rate = rateShipment({ reference: '0', from, to, weightKg: weight.value, sidesCm: undefined, lithium: false });
  if ('rejected' in rate) return problem(422, 'shipment-rejected', rate.rejected.message);
  if (carrierRefusesInTestMode()) return problem(422, 'shipment-rejected', TEST_REFUSAL_MESSAGE);
  if (typeof customs.declaredValue !== 'string' || typeof customs.currency !== 'string' || !Array.isArray(customs.lineItems)) {
    return problem(
      400,
      'invalid-request',
      'international shipments need customs.declaredValue, currency and lineItems for the commercial invoice',
    );
  }
  const parcel = ledger.create({
    from,
    to,
    data: {
      productCode,
      shipper: record(body.shipper),
      invoice: { ...customs, invoiceNumber: `INV-${Date.now().toString(36)}` },
      ...(returnOf && { returnOf, receiver: record(body.receiver) }),
    },
  });
  const pdf = (text: string) => Buffer.from(`%PDF-1.4 ${text} ${parcel.trackingNumber}`).toString('base64');
  return {
    status: 201,
    body: {
      shipmentTrackingNumber: parcel.trackingNumber,
      productCode,
      documents: [
        { typeCode: 'label', imageFormat: 'PDF', content: pdf('label') },
        { typeCode: 'invoice', imageFormat: 'PDF', content: pdf('commercial invoice') },
      ],
    },
  };
}

function toShipment(number: string, ledger: ParcelLedger<ExpressShipment>): Body {
  const shipment = ledger.get(number)!;
  const events = ledger.events(number);
  return {
    shipmentTrackingNumber: number,
    productCode: shipment.data.productCode,
    status: { statusCode: events.at(-1)?.code ?? 'SD' },
    events: events.map((event) => ({
      timestamp: new Date(event.at).toISOString(),
      typeCode: event.code,
      description: event.description,
      location: { address: { countryCode: event.country } },
    })),
    customs: { documentType: 'COMMERCIAL_INVOICE', ...shipment.data.invoice },
  };
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

function problem(status: number, type: string, detail: string): SandboxResponse {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { type: PROBLEMS + type, title: type, status, detail } };
}
