import { randomUUID } from 'node:crypto';
import type {
  SandboxRequest,
  SandboxResponse,
  SandboxUpstream,
  SeedListing,
  SeedSeller,
  SeedShippingPolicy,
} from '#packages/sandbox/index.js';
import { createSandboxServer, createStockLedger, matchesQuery } from '#packages/sandbox/index.js';
import {
  CM_PER_INCH,
  GRAMS_PER_OUNCE,
  findListing,
  findSeller,
  listingIdOf,
  listings,
  sellerIdOf,
  sellers,
  returnPolicyOf,
  shipFromAddressOf,
} from './catalog.js';
import { createNextTokens, type NextTokens } from './nextTokens.js';
import { orderRoutes } from './orderRoutes.js';
import { createRateBudget, type RateBudget } from './createRateBudget.js';

/** The API key the sandbox accepts; a real deployment gets its own from the vendor's console. */
export const SANDBOX_API_KEY = 'mainstreet-sandbox-key';
const MAX_RESULTS = 100;
const MAX_IDS_PER_CALL = 50;
/** The vendor's documented default plan: 20 requests per rolling second per key. */
const REQUESTS_PER_SECOND = 20;

/**
 * Main Street Market (US): JSON REST with an `x-api-key` header, opaque `nextToken` paging,
 * integer cent prices, ounces and inches, `:batchGet` lookups, and a per-key request budget
 * that answers 429 with Retry-After when a client bursts. Writes (reservations and orders,
 * `orderRoutes.ts`) carry an AWS-style `clientToken`.
 */
export const mainStreetSandbox = {
  id: 'us-mainstreet',
  description: 'Main Street Market, a US marketplace (API key, nextToken paging, per-key rate limit)',
  defaultPort: 4105,
  create: ({ logger, fault }) => {
    const budget = createRateBudget({ limit: REQUESTS_PER_SECOND, windowMs: 1_000 });
    const tokens = createNextTokens();
    const ledger = createStockLedger({ listings, itemIdOf: listingIdOf, reservationPrefix: 'msr-', orderPrefix: '113-' });
    const stockOf: StockOf = (listing) => ledger.available(listingIdOf(listing)) ?? listing.stock;
    const meter = (handler: (request: SandboxRequest) => SandboxResponse) => metered(budget, handler);
    return createSandboxServer({
      id: 'us-mainstreet',
      listings,
      sellers,
      logger,
      fault,
      routes: [
        { method: 'GET', path: '/v1/listings', endpoint: 'listings.search', handle: meter((r) => search(r, tokens, stockOf)) },
        {
          method: 'POST',
          path: '/v1/listings:batchGet',
          endpoint: 'listings.batchGet',
          handle: meter((r) => batchGetListings(r, stockOf)),
        },
        { method: 'POST', path: '/v1/sellers:batchGet', endpoint: 'sellers.batchGet', handle: metered(budget, batchGetSellers) },
        ...orderRoutes(ledger, meter, failure),
        ...ledger.routes,
        // Sandbox-only: how many requests the budget refused, so tests can see throttling happen.
        { method: 'GET', path: '/__sandbox/rate-limit', endpoint: 'sandbox.rate-limit', handle: () => ({ body: rateLimitState(budget) }) },
      ],
      garbage: () => ({ body: { listings: [{ listingId: 'MSL1', priceCents: '18.99', weightOz: null }], nextToken: 42 } }),
    });
  },
} satisfies SandboxUpstream;

/** Live stock: the seeded count less what reservations hold and orders took. */
type StockOf = (listing: SeedListing) => number;

const rateLimitState = (budget: RateBudget) => ({ limitPerSecond: budget.limit, throttled: budget.throttled });

/** Checks the key, then spends one request of its budget; unknown keys spend nothing. */
function metered(budget: RateBudget, handler: (request: SandboxRequest) => SandboxResponse) {
  return (request: SandboxRequest): SandboxResponse => {
    const key = request.headers['x-api-key'];
    if (key !== SANDBOX_API_KEY) return failure(403, 'Forbidden', 'Missing or invalid x-api-key');
    const decision = budget.take(key);
    if (!decision.allowed) {
      return {
        ...failure(429, 'TooManyRequests', `Rate limit of ${budget.limit} requests per second exceeded`),
        headers: {
          'retry-after': String(decision.retryAfterSeconds),
          'x-ratelimit-limit': String(budget.limit),
          'x-ratelimit-remaining': '0',
        },
      };
    }
    const response = handler(request);
    return {
      ...response,
      headers: { ...response.headers, 'x-ratelimit-limit': String(budget.limit), 'x-ratelimit-remaining': String(decision.remaining) },
    };
  };
}

function search(request: SandboxRequest, tokens: NextTokens, stockOf: StockOf): SandboxResponse {
  const keywords = request.query.get('keywords') ?? '';
  const maxResults = Number(request.query.get('maxResults') ?? '25');
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_RESULTS) {
    return failure(400, 'ValidationError', `maxResults must be 1–${MAX_RESULTS}`);
  }
  const token = request.query.get('nextToken');
  const offset = token === null ? 0 : tokens.read(token, keywords);
  if (offset === undefined) return failure(400, 'InvalidNextToken', 'The nextToken is invalid, expired, or belongs to another query');
  const matching = keywords.trim() === '' ? listings : listings.filter((listing) => matchesQuery(listing, keywords));
  const end = offset + maxResults;
  return {
    body: {
      listings: matching.slice(offset, end).map((listing) => toListing(listing, stockOf)),
      resultCount: matching.length,
      ...(end < matching.length && { nextToken: tokens.issue(end, keywords) }),
    },
  };
}

function batchGetListings(request: SandboxRequest, stockOf: StockOf): SandboxResponse {
  const ids = idsIn(request.body, 'listingIds');
  if (typeof ids === 'string') return failure(400, 'ValidationError', ids);
  const found = ids.map(findListing).filter((listing) => listing !== undefined);
  return {
    body: { listings: found.map((listing) => toListing(listing, stockOf)), notFound: ids.filter((id) => findListing(id) === undefined) },
  };
}

function batchGetSellers(request: SandboxRequest): SandboxResponse {
  const ids = idsIn(request.body, 'sellerIds');
  if (typeof ids === 'string') return failure(400, 'ValidationError', ids);
  const found = ids.map(findSeller).filter((seller) => seller !== undefined);
  return { body: { sellers: found.map(toSeller), notFound: ids.filter((id) => findSeller(id) === undefined) } };
}

/** The ids of a batchGet body, or what is wrong with it. */
function idsIn(body: string, field: string): string[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'Request body must be JSON';
  }
  const ids = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>)[field] : undefined;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) return `${field} must be an array of strings`;
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL) return `${field} must hold 1–${MAX_IDS_PER_CALL} ids`;
  return ids;
}

const inches = (cm: number) => Math.round((cm / CM_PER_INCH) * 100) / 100;

function toListing(listing: SeedListing, stockOf: StockOf): Record<string, unknown> {
  const seller = sellers[listing.sellerIndex];
  const [length, width, height] = listing.dimensionsCm.map(inches);
  return {
    listingId: listingIdOf(listing),
    title: listing.titleNative,
    priceCents: listing.priceMinor,
    currency: 'USD',
    quantityAvailable: stockOf(listing),
    ...(listing.declaredHsCode === undefined ? {} : { hsCode: listing.declaredHsCode }),
    weightOz: Math.round((listing.weightGrams / GRAMS_PER_OUNCE) * 100) / 100,
    dimensionsIn: { length, width, height },
    countryOfOrigin: listing.originCountry,
    seller: seller ? { sellerId: sellerIdOf(seller), displayName: seller.name } : null,
    fulfillmentCountries: listing.warehouseCountry ? [listing.warehouseCountry] : [],
    hazmat: { lithiumBattery: listing.archetype.lithiumBattery === true },
    ...shipsToOf(seller?.shipping ?? { kind: 'DOMESTIC' }, listing.originCountry),
  };
}

/** Main Street's style: `shipsTo` as a list of codes, or "*" with `excludedCountries`. */
function shipsToOf(policy: SeedShippingPolicy, home: string): Record<string, unknown> {
  switch (policy.kind) {
    case 'DOMESTIC':
      return { shipsTo: [home] };
    case 'REGIONAL':
      return { shipsTo: policy.countries };
    case 'WORLDWIDE':
      return { shipsTo: '*', excludedCountries: policy.except };
  }
}

function toSeller(seller: SeedSeller): Record<string, unknown> {
  return {
    sellerId: sellerIdOf(seller),
    displayName: seller.name,
    countryCode: seller.country,
    memberSinceMonths: seller.monthsActive,
    positiveFeedbackPercent: seller.positiveFeedbackPermille / 10,
    shipFromAddress: shipFromAddressOf(seller),
    returnPolicy: returnPolicyOf(seller),
  };
}

function failure(status: number, code: string, message: string): SandboxResponse {
  return { status, body: { error: { code, message, requestId: randomUUID() } } };
}
