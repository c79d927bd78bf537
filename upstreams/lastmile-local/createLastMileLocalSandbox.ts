import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { createSandboxServer } from '#packages/sandbox/index.js';
import { BILLING_CURRENCY, RATE_CARD, rateDomestic } from './rateCard.js';
import { createShipmentMethods, type ShipmentMethods } from './shipmentMethods.js';

/** The bearer token the sandbox accepts; a real account is issued its own. */
export const SANDBOX_TOKEN = 'localhop-sandbox-token';
/** Most calls the vendor takes in one JSON-RPC batch. */
export const MAX_CALLS_PER_BATCH = 200;

/**
 * LocalHop (lastmile-local): a domestic carrier's JSON-RPC 2.0 API. A batch is a JSON array of
 * calls answered by an array of results or errors, matched by `id` (JSON-RPC allows any order);
 * a bearer token; weights in grams; prices as decimal strings. Parcels (`shipment.create`,
 * `.cancel`, `.track`) are methods of the same RPC: `shipmentMethods.ts`.
 */
export const lastMileLocalSandbox = {
  id: 'lastmile-local',
  description: 'LocalHop, a domestic last-mile carrier (JSON-RPC 2.0 batches, bearer token, rates per country)',
  defaultPort: 4134,
  create: ({ logger, fault }) => {
    const shipments = createShipmentMethods();
    return createSandboxServer({
      id: 'lastmile-local',
      logger,
      fault,
      routes: [{ method: 'POST', path: '/rpc', endpoint: endpointOf, handle: (request) => rpc(request, shipments) }, ...shipments.routes],
      garbage: () => ({ body: [{ jsonrpc: '2.0', id: 0, result: { price: 'cheap' } }] }),
    });
  },
} satisfies SandboxUpstream;

/** Rate batches count as `rpc.batch`; a batch of parcel calls by its first method, e.g. `rpc.shipment.create`. */
function endpointOf(request: SandboxRequest): string {
  try {
    const calls: unknown = JSON.parse(request.body);
    const method = Array.isArray(calls) ? (calls[0] as RpcCall | undefined)?.method : undefined;
    return typeof method === 'string' && method.startsWith('shipment.') ? `rpc.${method}` : 'rpc.batch';
  } catch {
    return 'rpc.batch';
  }
}

interface RpcCall {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: { country?: unknown; weight_g?: unknown; dims_cm?: unknown };
}

function rpc(request: SandboxRequest, shipments: ShipmentMethods): SandboxResponse {
  if (request.headers.authorization !== `Bearer ${SANDBOX_TOKEN}`) {
    return { status: 401, body: { jsonrpc: '2.0', id: null, error: { code: -32000, message: 'unauthorized' } } };
  }
  let calls: unknown;
  try {
    calls = JSON.parse(request.body);
  } catch {
    return { body: { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'parse error' } } };
  }
  if (!Array.isArray(calls) || calls.length === 0 || calls.length > MAX_CALLS_PER_BATCH) {
    return { body: { jsonrpc: '2.0', id: null, error: { code: -32600, message: `a batch of 1 to ${MAX_CALLS_PER_BATCH} calls` } } };
  }
  // Answered in reverse: JSON-RPC promises nothing about order, so clients must match ids.
  return { body: (calls as RpcCall[]).map((call) => answer(call, shipments)).reverse() };
}

function answer(call: RpcCall, shipments: ShipmentMethods): Record<string, unknown> {
  const id = typeof call.id === 'number' || typeof call.id === 'string' ? call.id : null;
  const error = (code: number, message: string) => ({ jsonrpc: '2.0', id, error: { code, message } });
  if (call.jsonrpc !== '2.0' || id === null) return error(-32600, 'invalid request');
  const shipment = shipments.answer(call.method, call.params ?? {});
  if (shipment) return { jsonrpc: '2.0', id, ...shipment };
  if (call.method !== 'rate.quote') return error(-32601, 'method not found');
  const { country, weight_g: grams, dims_cm: dims } = call.params ?? {};
  if (typeof country !== 'string' || typeof grams !== 'number' || !Number.isInteger(grams) || grams <= 0) {
    return error(-32602, 'params: country and weight_g (grams) are required');
  }
  const sides = Array.isArray(dims) && dims.length === 3 && dims.every((side) => typeof side === 'number' && side > 0) ? dims : undefined;
  const rate = rateDomestic({ country, grams, sidesCm: sides as [number, number, number] | undefined });
  if (!rate.ok) return error(rate.code, rate.message);
  return {
    jsonrpc: '2.0',
    id,
    result: {
      service: 'HOME_DELIVERY',
      service_name: 'LocalHop Home Delivery',
      country,
      price: (rate.totalCents / 100).toFixed(2),
      currency: BILLING_CURRENCY,
      rate_card: RATE_CARD,
      billable_kg: rate.billableKg,
      first_kg: (rate.firstKgCents / 100).toFixed(2),
      further_kg: (rate.furtherKgCents / 100).toFixed(2),
      days: { from: rate.days[0], to: rate.days[1] },
      tracking: 'FULL',
    },
  };
}
