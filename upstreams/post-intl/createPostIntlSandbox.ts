import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { clearanceFeesRoute, createSandboxServer, el, xmlDocument } from '#packages/sandbox/index.js';
import { CLEARANCE_FEES } from './clearanceFees.js';
import { labelRoutes } from './labelRoutes.js';
import { BILLING_CURRENCY, RATE_CARD, SERVICE_NAMES, ratePacket } from './rateCard.js';
import { readBatchRequest } from './readBatchRequest.js';

/** The credentials the sandbox accepts; a real deployment is issued its own. */
export const SANDBOX_USER_ID = 'interpost-sandbox';
export const SANDBOX_PASSWORD = 'interpost-sandbox-pw';
/** Most packages the vendor rates in one batch. */
export const MAX_PACKAGES_PER_BATCH = 200;
const API_PATH = '/ShippingAPI/IntlRateBatch';

/**
 * Interpost (post-intl): a national-post style international rate API. XML both ways, credentials
 * as attributes of the request's root element, weights in grams, zones by destination country,
 * and errors as an `<Error>` document under HTTP 200, as the old post-office web tools do.
 * Labels, cancellations and tracking: `labelRoutes.ts`.
 */
export const postIntlSandbox = {
  id: 'post-intl',
  description: 'Interpost, a national post (XML rate API, grams, zones by country, UPU small packets)',
  defaultPort: 4130,
  create: ({ logger, fault }) =>
    createSandboxServer({
      id: 'post-intl',
      logger,
      fault,
      routes: [
        clearanceFeesRoute(CLEARANCE_FEES),
        { method: 'POST', path: API_PATH, endpoint: 'IntlRateBatch', handle: rateBatch },
        ...labelRoutes((request) => request.attributes.USERID === SANDBOX_USER_ID && request.attributes.PASSWORD === SANDBOX_PASSWORD),
      ],
      // A document cut off mid-package, as an overloaded front end sends it.
      garbage: () => xml(`<?xml version="1.0"?>\n<IntlRateBatchResponse><Package ID="0"><Zone>two</Zone><Service code="ECONOMY">`),
    }),
} satisfies SandboxUpstream;

function rateBatch(request: SandboxRequest): SandboxResponse {
  const batch = readBatchRequest(request.body);
  if (batch === undefined) return error('80040B19', 'XML syntax error: expected IntlRateBatchRequest with Package elements');
  if (batch.userId !== SANDBOX_USER_ID || batch.password !== SANDBOX_PASSWORD) return error('80040B1A', 'Authorization failure');
  if (batch.packages.length > MAX_PACKAGES_PER_BATCH) return error('80040B1B', `At most ${MAX_PACKAGES_PER_BATCH} packages per request`);
  const packages = batch.packages.map((packet) => {
    const rate = ratePacket(packet);
    if ('refused' in rate) {
      return el('Package', [el('Error', [el('Code', rate.refused.code), el('Description', rate.refused.description)])], { ID: packet.id });
    }
    return el(
      'Package',
      [
        el('Zone', rate.zone),
        ...rate.services.map((service) =>
          el(
            'Service',
            [
              el('Name', SERVICE_NAMES[service.code]),
              el('Postage', (service.cents / 100).toFixed(2)),
              el('WeightBandUpTo', service.bandUpToGrams, { unit: 'g' }),
              el('Transit', '', { minDays: String(service.days[0]), maxDays: String(service.days[1]) }),
              el('Tracking', service.tracking),
            ],
            { code: service.code },
          ),
        ),
      ],
      { ID: packet.id },
    );
  });
  return xml(xmlDocument(el('IntlRateBatchResponse', packages, { currency: BILLING_CURRENCY, rateCard: RATE_CARD })));
}

/** The vendor reports request-level errors in an `<Error>` document with HTTP 200. */
function error(number: string, description: string): SandboxResponse {
  return xml(xmlDocument(el('Error', [el('Number', number), el('Description', description)])));
}

function xml(body: string): SandboxResponse {
  return { headers: { 'content-type': 'text/xml; charset=utf-8' }, body };
}
