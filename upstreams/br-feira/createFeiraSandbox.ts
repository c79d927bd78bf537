import type { SandboxRequest, SandboxResponse, SandboxUpstream, SeedListing, SeedShippingPolicy } from '#packages/sandbox/index.js';
import { createSandboxServer, createStockLedger, matchesQuery } from '#packages/sandbox/index.js';
import { findListing, findSeller, itemIdOf, listings, returnConditionsOf, sellers, shippingAddressOf, userIdOf } from './catalog.js';
import { orderRoutes } from './orderRoutes.js';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, issueToken, setTokenLifetime, tokenState } from './tokens.js';

const MAX_LIMIT = 50;
const MAX_IDS_PER_CALL = 20;

/**
 * Feira (BR): REST with OAuth client-credentials tokens that expire, `offset`/`limit` paging,
 * prices as JSON numbers in reais, and multi-get answers with a status per id. Writes (stock
 * reservations and orders, `orderRoutes.ts`) take an `X-Idempotency-Key` header.
 */
export const feiraSandbox = {
  id: 'br-feira',
  description: 'Feira, a Brazilian marketplace (OAuth tokens, offset/limit, multi-get)',
  defaultPort: 4102,
  create: ({ logger, fault }) => {
    const ledger = createStockLedger({ listings, itemIdOf, reservationPrefix: 'RES', orderPrefix: '20' });
    const stockOf: StockOf = (listing) => ledger.available(itemIdOf(listing)) ?? listing.stock;
    return createSandboxServer({
      id: 'br-feira',
      listings,
      sellers,
      logger,
      fault,
      routes: [
        { method: 'POST', path: '/oauth/token', endpoint: 'oauth.token', handle: token },
        { method: 'GET', path: '/sites/MLB/search', endpoint: 'search', handle: authorized((request) => search(request, stockOf)) },
        { method: 'GET', path: '/items', endpoint: 'items.multiget', handle: authorized((request) => items(request, stockOf)) },
        { method: 'GET', path: '/users', endpoint: 'users.multiget', handle: authorized(users) },
        ...orderRoutes(ledger, authorized),
        { method: 'POST', path: '/__sandbox/token-lifetime', endpoint: 'sandbox.token-lifetime', handle: tokenLifetime },
        ...ledger.routes,
      ],
      garbage: () => ({ body: { paging: null, results: [{ id: 42, price: 'grátis' }] } }),
    });
  },
} satisfies SandboxUpstream;

/** Live stock: the seeded count less what reservations hold and orders took. */
type StockOf = (listing: SeedListing) => number;

function token(request: SandboxRequest): SandboxResponse {
  const form = new URLSearchParams(request.body);
  if (form.get('grant_type') !== 'client_credentials') {
    return { status: 400, body: { error: 'unsupported_grant_type', message: 'grant_type must be client_credentials', status: 400 } };
  }
  if (form.get('client_id') !== SANDBOX_CLIENT_ID || form.get('client_secret') !== SANDBOX_CLIENT_SECRET) {
    return { status: 401, body: { error: 'invalid_client', message: 'invalid client_id or client_secret', status: 401 } };
  }
  const { token: accessToken, expiresIn } = issueToken();
  return { body: { access_token: accessToken, token_type: 'bearer', expires_in: expiresIn, scope: 'read' } };
}

function authorized(handler: (request: SandboxRequest) => SandboxResponse) {
  return (request: SandboxRequest): SandboxResponse => {
    const state = tokenState(request.headers.authorization);
    if (state !== 'valid') {
      return {
        status: 401,
        body: { message: state === 'expired' ? 'expired_token' : 'invalid_token', error: 'unauthorized', status: 401, cause: [] },
      };
    }
    return handler(request);
  };
}

function search(request: SandboxRequest, stockOf: StockOf): SandboxResponse {
  const q = request.query.get('q') ?? '';
  const offset = Number(request.query.get('offset') ?? '0');
  const limit = Number(request.query.get('limit') ?? '50');
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return {
      status: 400,
      body: {
        message: `invalid paging: offset=${offset} limit=${limit} (limit 1–${MAX_LIMIT})`,
        error: 'bad_request',
        status: 400,
        cause: [],
      },
    };
  }
  const matching = q.trim() === '' ? listings : listings.filter((listing) => matchesQuery(listing, q));
  return {
    body: {
      site_id: 'MLB',
      query: q,
      paging: { total: matching.length, offset, limit },
      results: matching.slice(offset, offset + limit).map((listing) => toItem(listing, stockOf)),
    },
  };
}

function items(request: SandboxRequest, stockOf: StockOf): SandboxResponse {
  const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL) {
    return { status: 400, body: { message: `ids must list 1–${MAX_IDS_PER_CALL} items`, error: 'bad_request', status: 400, cause: [] } };
  }
  return {
    body: ids.map((id) => {
      const listing = findListing(id);
      return listing
        ? { code: 200, body: toItem(listing, stockOf) }
        : { code: 404, body: { message: `Item with id ${id} not found`, error: 'not_found', status: 404 } };
    }),
  };
}

function users(request: SandboxRequest): SandboxResponse {
  const ids = (request.query.get('ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL) {
    return { status: 400, body: { message: `ids must list 1–${MAX_IDS_PER_CALL} users`, error: 'bad_request', status: 400, cause: [] } };
  }
  return {
    body: ids.map((id) => {
      const seller = findSeller(Number(id));
      return seller
        ? {
            code: 200,
            body: {
              id: userIdOf(seller),
              nickname: seller.name,
              country_id: seller.country,
              shipping_address: shippingAddressOf(seller),
              registration_months: seller.monthsActive,
              return_conditions: returnConditionsOf(seller),
              seller_reputation: { transactions: { ratings: { positive: seller.positiveFeedbackPermille / 1000 } } },
            },
          }
        : { code: 404, body: { message: `User ${id} not found`, error: 'not_found', status: 404 } };
    }),
  };
}

/** Sandbox-only: `{"seconds": n}` shortens token lifetime, so tests can watch an adapter refresh. */
function tokenLifetime(request: SandboxRequest): SandboxResponse {
  const { seconds } = JSON.parse(request.body || '{}') as { seconds?: unknown };
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1)
    return { status: 400, body: { error: 'seconds must be a positive integer' } };
  setTokenLifetime(seconds);
  return { body: { seconds } };
}

function toItem(listing: SeedListing, stockOf: StockOf): Record<string, unknown> {
  const seller = sellers[listing.sellerIndex];
  return {
    id: itemIdOf(listing),
    site_id: 'MLB',
    title: listing.titleNative,
    title_en: listing.titleEnglish,
    price: listing.priceMinor / 100,
    currency_id: 'BRL',
    available_quantity: stockOf(listing),
    seller: seller ? { id: userIdOf(seller), nickname: seller.name } : null,
    attributes: [
      ...(listing.declaredHsCode === undefined ? [] : [{ id: 'HS_CODE', value_name: listing.declaredHsCode }]),
      { id: 'PACKAGE_WEIGHT', value_name: `${listing.weightGrams} g` },
      { id: 'PACKAGE_DIMENSIONS', value_name: `${listing.dimensionsCm.join('x')} cm` },
      { id: 'HAS_LITHIUM_BATTERY', value_name: listing.archetype.lithiumBattery ? 'Sim' : 'Não' },
    ],
    address: { country_id: listing.originCountry },
    fulfillment_countries: listing.warehouseCountry ? [listing.warehouseCountry] : [],
    shipping: shippingOf(seller?.shipping ?? { kind: 'DOMESTIC' }),
  };
}

/** Feira's style: `{international: false}`, or `coverage` "selected" with `destinations` / "worldwide" with `excluded_destinations`. */
function shippingOf(policy: SeedShippingPolicy): Record<string, unknown> {
  switch (policy.kind) {
    case 'DOMESTIC':
      return { mode: 'me2', international: false };
    case 'REGIONAL':
      return { mode: 'me2', international: true, coverage: 'selected', destinations: policy.countries };
    case 'WORLDWIDE':
      return { mode: 'me2', international: true, coverage: 'worldwide', excluded_destinations: policy.except };
  }
}
