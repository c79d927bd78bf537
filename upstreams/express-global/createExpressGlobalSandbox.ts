import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { clearanceFeesRoute, createSandboxServer } from '#packages/sandbox/index.js';
import { CLEARANCE_FEES } from './clearanceFees.js';
import { BILLING_CURRENCY, FUEL_SURCHARGE_BP, PRODUCT_NAMES, RATE_CARD, rateShipment, type ShipmentRequest } from './rateCard.js';
import { shipmentRoutes } from './shipmentRoutes.js';

/** The API key the sandbox accepts; a real account is issued its own. */
export const SANDBOX_API_KEY = 'exg-sandbox-key';
/** Most shipments the vendor rates in one call. */
export const MAX_SHIPMENTS_PER_CALL = 100;

/**
 * Express Global (express-global): an integrator's JSON REST API. An API key header (no OAuth),
 * weights in kilograms with a unit, amounts as decimal strings with a currency, per-shipment
 * results in a batch, and RFC 9457 problem documents for request-level errors. Shipments (labels
 * with a commercial invoice), cancellation and tracking: `shipmentRoutes.ts`.
 */
export const expressGlobalSandbox = {
  id: 'express-global',
  description: 'Express Global, an express integrator (JSON, API key, dimensional weight, fuel surcharge, DDP)',
  defaultPort: 4131,
  create: ({ logger, fault }) =>
    createSandboxServer({
      id: 'express-global',
      logger,
      fault,
      routes: [
        clearanceFeesRoute(CLEARANCE_FEES),
        { method: 'POST', path: '/v2/rates:batch', endpoint: 'rates.batch', handle: rateBatch },
        ...shipmentRoutes(SANDBOX_API_KEY),
      ],
      garbage: () => ({ body: { results: [{ reference: 0, status: 'OK', products: [{ totalPrice: 'call us' }] }] } }),
    }),
} satisfies SandboxUpstream;

function rateBatch(request: SandboxRequest): SandboxResponse {
  if (request.headers['x-api-key'] !== SANDBOX_API_KEY) return problem(401, 'Unauthorized', 'missing or unknown x-api-key');
  const shipments = readShipments(request.body);
  if (typeof shipments === 'string') return problem(400, 'Bad Request', shipments);
  if (shipments.length > MAX_SHIPMENTS_PER_CALL) return problem(400, 'Bad Request', `at most ${MAX_SHIPMENTS_PER_CALL} shipments per call`);
  return {
    body: {
      rateCard: RATE_CARD,
      results: shipments.map((shipment) => {
        const rate = rateShipment(shipment);
        if ('rejected' in rate) return { reference: shipment.reference, status: 'REJECTED', error: rate.rejected };
        return {
          reference: shipment.reference,
          status: 'OK',
          products: rate.products.map((product) => ({
            productCode: product.productCode,
            productName: PRODUCT_NAMES[product.productCode],
            zone: product.zone,
            chargeableWeight: { value: product.chargeableKg, unit: 'KG' },
            charges: [
              { type: 'WEIGHT', amount: dollars(product.weightCents) },
              { type: 'FUEL', amount: dollars(product.fuelCents), percent: FUEL_SURCHARGE_BP / 100 },
              ...(product.lithiumCents > 0 ? [{ type: 'DANGEROUS_GOODS', amount: dollars(product.lithiumCents) }] : []),
            ],
            totalPrice: { amount: dollars(product.totalCents), currency: BILLING_CURRENCY },
            deliveryDays: { min: product.days[0], max: product.days[1] },
            ddpAvailable: true,
          })),
        };
      }),
    },
  };
}

/** The request's shipments, or what is wrong with it. */
function readShipments(body: string): ShipmentRequest[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'body must be JSON';
  }
  const shipments = (parsed as { shipments?: unknown } | null)?.shipments;
  if (!Array.isArray(shipments)) return 'shipments must be an array';
  const read: ShipmentRequest[] = [];
  for (const [index, value] of shipments.entries()) {
    const shipment = value as {
      reference?: unknown;
      shipper?: { countryCode?: unknown };
      receiver?: { countryCode?: unknown };
      package?: { weight?: { value?: unknown; unit?: unknown }; dimensions?: { length?: unknown; width?: unknown; height?: unknown } };
      dangerousGoods?: unknown;
    };
    const weight = shipment.package?.weight;
    if (typeof shipment.reference !== 'string') return `shipments[${index}].reference must be a string`;
    if (typeof shipment.shipper?.countryCode !== 'string' || typeof shipment.receiver?.countryCode !== 'string') {
      return `shipments[${index}] needs shipper.countryCode and receiver.countryCode`;
    }
    if (typeof weight?.value !== 'number' || weight.value <= 0 || weight.unit !== 'KG')
      return `shipments[${index}].package.weight must be KG`;
    const dimensions = shipment.package?.dimensions;
    const sides = [dimensions?.length, dimensions?.width, dimensions?.height];
    read.push({
      reference: shipment.reference,
      from: shipment.shipper.countryCode,
      to: shipment.receiver.countryCode,
      weightKg: weight.value,
      sidesCm: sides.every((side) => typeof side === 'number' && side > 0) ? (sides as [number, number, number]) : undefined,
      lithium: Array.isArray(shipment.dangerousGoods) && shipment.dangerousGoods.includes('UN3481'),
    });
  }
  return read;
}

const dollars = (cents: number): string => (cents / 100).toFixed(2);

function problem(status: number, title: string, detail: string): SandboxResponse {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { type: 'about:blank', title, status, detail } };
}
