import type { SandboxRequest, SandboxResponse, SandboxUpstream, SeedListing, SeedShippingPolicy } from '#packages/sandbox/index.js';
import { createSandboxServer, createStockLedger, matchesQuery } from '#packages/sandbox/index.js';
import { findListing, findSeller, listingIdOf, listings, sellers, sellerIdOf } from './catalog.js';
import { SANDBOX_KEY_ID, SANDBOX_SECRET, verifySignature } from './credentials.js';
import { orderRoutes } from './orderRoutes.js';
import { sellerProfileOf } from './sellerProfiles.js';
import { failure } from './protocolError.js';
import { createTokenEndpoint } from './tokens.js';

const MAX_LIMIT = 100;
const MAX_IDS = 50;
const ID_LIST = /^[A-Za-z0-9._:-]{1,100}(,[A-Za-z0-9._:-]{1,100}){0,49}$/;

/**
 * Soko (KE), a Kenyan marketplace that joins Tradegraph by implementing the Marketplace Connector
 * protocol (`subgraphs/catalog/connector/openapi.yaml`) and nothing else: Swahili titles with
 * English ones, prices in Kenyan shillings, sellers' dispatch addresses, verification and return
 * terms, signed requests (or OAuth client credentials), holds, orders and signed status callbacks.
 */
export const sokoSandbox = {
  id: 'ke-soko',
  description: 'Soko, a Kenyan marketplace on the Marketplace Connector protocol (signed requests, cursor paging, one error envelope)',
  defaultPort: 4107,
  clientEnvironment: { KE_SOKO_KEY_ID: SANDBOX_KEY_ID, KE_SOKO_SECRET: SANDBOX_SECRET },
  create: ({ logger, fault }) => {
    const ledger = createStockLedger({ listings, itemIdOf: listingIdOf, reservationPrefix: 'HOLD-', orderPrefix: 'SO-' });
    const stockOf: StockOf = (listing) => ledger.available(listingIdOf(listing)) ?? listing.stock;
    const tokens = createTokenEndpoint();
    /** Either proof the protocol allows: a signature, or a token from `/oauth/token`. */
    const authenticated =
      (handler: (request: SandboxRequest) => SandboxResponse) =>
      (request: SandboxRequest): SandboxResponse => {
        const authorization = request.headers.authorization;
        if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
          return tokens.accepts(authorization) ? handler(request) : failure(401, 'UNAUTHENTICATED', 'the bearer token is not valid');
        }
        const problem = verifySignature(request);
        return problem === undefined ? handler(request) : failure(401, 'UNAUTHENTICATED', problem);
      };
    const get = (path: string, endpoint: string, handler: (request: SandboxRequest) => SandboxResponse) => ({
      method: 'GET',
      path,
      endpoint,
      handle: authenticated(handler),
    });
    return createSandboxServer({
      id: 'ke-soko',
      listings,
      sellers,
      logger,
      fault,
      routes: [
        { method: 'POST', path: '/oauth/token', endpoint: 'oauthToken', handle: (request) => tokens.issue(request) },
        get('/info', 'getInfo', info),
        get('/listings/search', 'searchListings', (request) => search(request, stockOf)),
        get('/listings', 'getListings', (request) =>
          byIds(
            request,
            'listings',
            (id) => findListing(id),
            (listing) => toListing(listing, stockOf),
          ),
        ),
        get('/sellers', 'getSellers', (request) => byIds(request, 'sellers', findSeller, sellerProfileOf)),
        ...orderRoutes(ledger, authenticated, logger),
        ...ledger.routes,
      ],
      garbage: () => ({ body: { listings: [{ id: 'SK-200000', price: 2300 }], total: 'many', nextCursor: 7 } }),
    });
  },
} satisfies SandboxUpstream;

/** Live stock: the seeded count less what holds and orders took. */
type StockOf = (listing: SeedListing) => number;

function info(): SandboxResponse {
  return { body: { protocolVersion: '1', name: 'Soko', country: 'KE', currency: 'KES', continent: 'AFRICA', languages: ['sw', 'en'] } };
}

/** Cursors are the next offset, opaque to clients (base64url of a small JSON). */
const cursorOf = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
function offsetOf(cursor: string): number | undefined {
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof o === 'number' && Number.isSafeInteger(o) && o >= 0 ? o : undefined;
  } catch {
    return undefined;
  }
}

function search(request: SandboxRequest, stockOf: StockOf): SandboxResponse {
  const q = request.query.get('q') ?? '';
  if (q.trim() === '' || q.length > 200) return failure(400, 'INVALID_REQUEST', 'q: 1 to 200 characters');
  const limit = Number(request.query.get('limit') ?? '50');
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return failure(400, 'INVALID_REQUEST', `limit: 1 to ${MAX_LIMIT}`);
  const cursor = request.query.get('cursor');
  const offset = cursor === null ? 0 : offsetOf(cursor);
  if (offset === undefined) return failure(400, 'INVALID_REQUEST', 'cursor: not one this API gave');
  const matching = listings.filter((listing) => matchesQuery(listing, q));
  const next = offset + limit < matching.length ? cursorOf(offset + limit) : null;
  return {
    body: {
      listings: matching.slice(offset, offset + limit).map((listing) => toListing(listing, stockOf)),
      total: matching.length,
      nextCursor: next,
    },
  };
}

function byIds<T>(
  request: SandboxRequest,
  field: string,
  find: (id: string) => T | undefined,
  render: (found: T) => unknown,
): SandboxResponse {
  const ids = request.query.get('ids') ?? '';
  if (!ID_LIST.test(ids)) return failure(400, 'INVALID_REQUEST', `ids: 1 to ${MAX_IDS} ids, comma-separated`);
  const found = [...new Set(ids.split(','))].map(find).filter((value) => value !== undefined);
  return { body: { [field]: found.map(render) } };
}

function toListing(listing: SeedListing, stockOf: StockOf): Record<string, unknown> {
  const seller = sellers[listing.sellerIndex]!;
  const [lengthCm, widthCm, heightCm] = listing.dimensionsCm;
  return {
    id: listingIdOf(listing),
    title: listing.titleEnglish,
    nativeTitle: listing.titleNative,
    price: { amount: (listing.priceMinor / 100).toFixed(2), currency: 'KES' },
    availableQuantity: stockOf(listing),
    originCountry: listing.originCountry,
    hsCode: listing.declaredHsCode ?? null,
    weightGrams: listing.weightGrams,
    dimensionsCm: { lengthCm, widthCm, heightCm },
    sellerId: sellerIdOf(seller),
    shipTo: shipToOf(seller.shipping, listing.originCountry),
    warehouseCountries: listing.warehouseCountry ? [listing.warehouseCountry] : [],
    containsLithiumBattery: listing.archetype.lithiumBattery === true,
  };
}

function shipToOf(policy: SeedShippingPolicy, home: string): Record<string, unknown> {
  switch (policy.kind) {
    case 'DOMESTIC':
      return { scope: 'COUNTRIES', countries: [home] };
    case 'REGIONAL':
      return { scope: 'COUNTRIES', countries: policy.countries };
    case 'WORLDWIDE':
      return { scope: 'WORLDWIDE', except: policy.except };
  }
}
