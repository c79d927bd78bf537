import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { clearanceFeesRoute, createSandboxServer } from '#packages/sandbox/index.js';
import { CLEARANCE_FEES } from './clearanceFees.js';
import { orderRoutes } from './orderRoutes.js';
import { BILLING_CURRENCY, FUEL_SURCHARGE_BP, RATE_CARD, quoteParcel, type QuoteRequest } from './rateCard.js';

/** The credentials the sandbox accepts; a real account is issued its own. */
export const SANDBOX_USER = 'alx-sandbox';
export const SANDBOX_TOKEN = 'alx-sandbox-token';
/** Most parcels the vendor quotes in one call. */
export const MAX_PARCELS_PER_CALL = 100;

/**
 * AsiaLink Express (express-asia): a regional integrator with a form-encoded API. Parcels are
 * flattened into indexed fields (`from_0`, `kg_0`, …), credentials travel in the form, and every
 * answer is HTTP 200 with `code` 0 for success — errors included. Orders (waybills),
 * cancellation and traces: `orderRoutes.ts`.
 */
export const expressAsiaSandbox = {
  id: 'express-asia',
  description: 'AsiaLink Express, a regional Asia-Pacific integrator (form-encoded batch quotes, HTTP-200 error codes)',
  defaultPort: 4132,
  create: ({ logger, fault }) =>
    createSandboxServer({
      id: 'express-asia',
      logger,
      fault,
      routes: [
        clearanceFeesRoute(CLEARANCE_FEES),
        { method: 'POST', path: '/api/quote_batch', endpoint: 'quote_batch', handle: quoteBatch },
        ...orderRoutes((form) => form.get('user') === SANDBOX_USER && form.get('token') === SANDBOX_TOKEN),
      ],
      garbage: () => ({ body: { code: 0, msg: 'success', data: [{ idx: 'zero', ok: 1, fee: null }] } }),
    }),
} satisfies SandboxUpstream;

function quoteBatch(request: SandboxRequest): SandboxResponse {
  const form = new URLSearchParams(request.body);
  if (form.get('user') !== SANDBOX_USER || form.get('token') !== SANDBOX_TOKEN) return failure(1001, 'invalid user or token');
  const count = Number(form.get('n'));
  if (!Number.isInteger(count) || count < 0 || count > MAX_PARCELS_PER_CALL) return failure(1002, `n must be 0 to ${MAX_PARCELS_PER_CALL}`);
  const parcels: QuoteRequest[] = [];
  for (let i = 0; i < count; i++) {
    const kg = Number(form.get(`kg_${i}`));
    const from = form.get(`from_${i}`);
    const to = form.get(`to_${i}`);
    if (from === null || to === null || !Number.isFinite(kg) || kg <= 0) return failure(1003, `parcel ${i}: from, to and kg are required`);
    const sides = (form.get(`dims_${i}`) ?? '').split('x').map(Number);
    parcels.push({
      from,
      to,
      kg,
      sidesCm: sides.length === 3 && sides.every((side) => side > 0) ? (sides as [number, number, number]) : undefined,
      battery: form.get(`battery_${i}`) === '1',
    });
  }
  return {
    body: {
      code: 0,
      msg: 'success',
      rate_card: RATE_CARD,
      data: parcels.map((parcel, idx) => {
        const quote = quoteParcel(parcel);
        if (!quote.ok) return { idx, ok: 0, err_code: quote.code, err_msg: quote.message };
        return {
          idx,
          ok: 1,
          svc: 'ASIA_EXPRESS',
          svc_name: 'AsiaLink Express Parcel',
          zone: quote.zone,
          chg_kg: quote.chargeableKg.toFixed(1),
          freight: (quote.weightCents / 100).toFixed(2),
          fuel: (quote.fuelCents / 100).toFixed(2),
          fuel_pct: (FUEL_SURCHARGE_BP / 100).toFixed(1),
          fee: (quote.totalCents / 100).toFixed(2),
          cur: BILLING_CURRENCY,
          eta_days: `${quote.days[0]}-${quote.days[1]}`,
        };
      }),
    },
  };
}

/** The vendor's request-level errors: HTTP 200, a non-zero `code`, no data. */
function failure(code: number, msg: string): SandboxResponse {
  return { body: { code, msg, data: null } };
}
