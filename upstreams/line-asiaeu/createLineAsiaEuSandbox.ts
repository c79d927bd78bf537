import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { clearanceFeesRoute, createSandboxServer } from '#packages/sandbox/index.js';
import { CLEARANCE_FEES } from './clearanceFees.js';
import { parcelRoutes } from './parcelRoutes.js';
import { BILLING_CURRENCY, RATE_CARD, quoteLineHaul, type LineHaulRequest } from './rateCard.js';

/** The HTTP Basic credentials the sandbox accepts; a real shipper account has its own. */
export const SANDBOX_USERNAME = 'silkroute-sandbox';
export const SANDBOX_PASSWORD = 'silkroute-sandbox-pw';
/** Most parcels the line quotes in one call. */
export const MAX_PARCELS_PER_CALL = 250;

/**
 * SilkRoute Line (line-asiaeu): a dedicated-line consolidator's JSON API. HTTP Basic auth,
 * snake_case, weights in grams, sizes as `[l, w, h]`, prices in integer minor units, and a
 * per-parcel `accepted` flag with a reason code when a parcel cannot go on the line. Parcels
 * (line-haul labels to the hub), voiding and milestones: `parcelRoutes.ts`.
 */
export const lineAsiaEuSandbox = {
  id: 'line-asiaeu',
  description: 'SilkRoute Line, an Asia→Europe dedicated line (JSON, Basic auth, hubs in Europe, minor units)',
  defaultPort: 4133,
  create: ({ logger, fault }) =>
    createSandboxServer({
      id: 'line-asiaeu',
      logger,
      fault,
      routes: [
        clearanceFeesRoute(CLEARANCE_FEES),
        { method: 'POST', path: '/api/v1/linehaul/quotes', endpoint: 'linehaul.quotes', handle: quotes },
        ...parcelRoutes(EXPECTED_AUTHORIZATION),
      ],
      garbage: () => ({ body: { data: [{ ref: '0', accepted: true, price: { amount_minor: -1 } }] } }),
    }),
} satisfies SandboxUpstream;

const EXPECTED_AUTHORIZATION = 'Basic ' + Buffer.from(`${SANDBOX_USERNAME}:${SANDBOX_PASSWORD}`).toString('base64');

function quotes(request: SandboxRequest): SandboxResponse {
  if (request.headers.authorization !== EXPECTED_AUTHORIZATION) {
    return {
      status: 401,
      headers: { 'www-authenticate': 'Basic realm="silkroute"' },
      body: { error: { code: 'UNAUTHORIZED', text: 'bad credentials' } },
    };
  }
  const parcels = readParcels(request.body);
  if (typeof parcels === 'string') return { status: 422, body: { error: { code: 'INVALID_REQUEST', text: parcels } } };
  return {
    body: {
      rate_card: RATE_CARD,
      data: parcels.map((parcel) => {
        const quote = quoteLineHaul(parcel);
        if (!quote.accepted) return { ref: parcel.ref, accepted: false, reason: { code: quote.code, text: quote.text } };
        return {
          ref: parcel.ref,
          accepted: true,
          service: 'AIR_LINE',
          service_name: 'SilkRoute Air Line',
          hub: { country: quote.hubCountry, code: quote.hubCode },
          billable_g: quote.billableGrams,
          price: {
            amount_minor: quote.totalCents,
            currency: BILLING_CURRENCY,
            items: { freight: quote.freightCents, handling: quote.handlingCents, battery: quote.batteryCents },
          },
          transit_days: [quote.days[0], quote.days[1]],
          ddp: true,
          tracking: 'FULL',
        };
      }),
    },
  };
}

function readParcels(body: string): LineHaulRequest[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'body must be JSON';
  }
  const parcels = (parsed as { parcels?: unknown } | null)?.parcels;
  if (!Array.isArray(parcels)) return 'parcels must be an array';
  if (parcels.length > MAX_PARCELS_PER_CALL) return `at most ${MAX_PARCELS_PER_CALL} parcels per call`;
  const read: LineHaulRequest[] = [];
  for (const [index, value] of parcels.entries()) {
    const parcel = value as {
      ref?: unknown;
      origin?: unknown;
      destination?: unknown;
      weight_g?: unknown;
      size_cm?: unknown;
      battery?: unknown;
    };
    if (typeof parcel.ref !== 'string' || typeof parcel.origin !== 'string' || typeof parcel.destination !== 'string') {
      return `parcels[${index}]: ref, origin and destination are required`;
    }
    if (typeof parcel.weight_g !== 'number' || !Number.isInteger(parcel.weight_g) || parcel.weight_g <= 0) {
      return `parcels[${index}].weight_g must be a whole number of grams`;
    }
    const size = parcel.size_cm;
    const sides = Array.isArray(size) && size.length === 3 && size.every((side) => typeof side === 'number' && side > 0) ? size : undefined;
    read.push({
      ref: parcel.ref,
      origin: parcel.origin,
      destination: parcel.destination,
      grams: parcel.weight_g,
      sidesCm: sides as [number, number, number] | undefined,
      battery: parcel.battery === true,
    });
  }
  return read;
}
