import type {
  SandboxRequest,
  SandboxResponse,
  SandboxUpstream,
  SeedListing,
  SeedShippingPolicy,
  StockLedger,
} from '#packages/sandbox/index.js';
import { createSandboxServer, createStockLedger, matchesQuery } from '#packages/sandbox/index.js';
import { afterSaleOf, dispatchAddressOf, findListing, findSeller, listings, numIidOf, sellerIdOf, sellers } from './catalog.js';
import { SANDBOX_APP_KEY, SANDBOX_APP_SECRET, expectedSignature, parseChinaTimestamp } from './signature.js';
import { tradeMethod } from './tradeMethods.js';

const MAX_PAGE_SIZE = 100;
const MAX_IDS_PER_CALL = 40;
const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Jade Market (CN): one RPC endpoint `/router/rest` with a `method` parameter, signed requests,
 * prices as yuan strings, weights as kilogram strings, and errors inside HTTP-200 envelopes.
 * Reads are GETs; writes (`jade.inventory.*`, `jade.trade.*`) are POSTs of the same signed
 * parameters, form-encoded, each with an `out_request_id` (see `tradeMethods.ts`).
 */
export const jadeMarketSandbox = {
  id: 'cn-jademarket',
  description: 'Jade Market, a Chinese marketplace (signed RPC, HTTP-200 error envelopes)',
  defaultPort: 4101,
  create: ({ logger, fault }) => {
    const ledger = createStockLedger({
      listings,
      itemIdOf: (listing) => String(numIidOf(listing)),
      reservationPrefix: 'LK',
      orderPrefix: '38',
    });
    const endpoint = (request: SandboxRequest) => paramsOf(request).get('method') ?? 'unknown';
    return createSandboxServer({
      id: 'cn-jademarket',
      listings,
      sellers,
      logger,
      fault,
      routes: [
        { method: 'GET', path: '/router/rest', endpoint, handle: (request) => route(request, ledger) },
        { method: 'POST', path: '/router/rest', endpoint, handle: (request) => route(request, ledger) },
        ...ledger.routes,
      ],
      garbage: () => ({ body: { jade_items_search_response: { total_results: 'many', items: { item: [{ num_iid: null }] } } } }),
    });
  },
} satisfies SandboxUpstream;

/** GETs carry their parameters in the query, POSTs in a form body. */
const paramsOf = (request: SandboxRequest): URLSearchParams =>
  request.method === 'POST' ? new URLSearchParams(request.body) : request.query;

function route(request: SandboxRequest, ledger: StockLedger): SandboxResponse {
  const params = paramsOf(request);
  const authError = checkAuth(params);
  if (authError) return authError;
  const method = params.get('method') ?? '';
  if (request.method === 'POST') return tradeMethod(method, params, ledger, envelope, errorEnvelope) ?? invalidMethod();
  const stockOf = (listing: SeedListing) => ledger.available(String(numIidOf(listing))) ?? listing.stock;
  switch (method) {
    case 'jade.items.search':
      return searchItems(params, stockOf);
    case 'jade.items.get':
      return getItems(params, stockOf);
    case 'jade.shops.get':
      return getShops(params);
    default:
      return invalidMethod();
  }
}

const invalidMethod = () => errorEnvelope(22, 'Invalid method', 'isv.invalid-method');

function checkAuth(params: URLSearchParams): SandboxResponse | undefined {
  if (params.get('app_key') !== SANDBOX_APP_KEY) return errorEnvelope(29, 'Invalid app Key', 'isv.appkey-not-exists');
  const timestamp = parseChinaTimestamp(params.get('timestamp') ?? '');
  if (timestamp === undefined || Math.abs(Date.now() - timestamp) > CLOCK_SKEW_MS) {
    return errorEnvelope(31, 'Invalid timestamp', 'isv.invalid-timestamp');
  }
  if (params.get('sign') !== expectedSignature(params, SANDBOX_APP_SECRET)) {
    return errorEnvelope(25, 'Invalid signature', 'isv.invalid-signature');
  }
  return undefined;
}

function searchItems(params: URLSearchParams, stockOf: StockOf): SandboxResponse {
  const q = params.get('q') ?? '';
  const pageNo = Number(params.get('page_no') ?? '1');
  const pageSize = Number(params.get('page_size') ?? '40');
  if (!Number.isInteger(pageNo) || pageNo < 1) return errorEnvelope(41, 'Invalid arguments:page_no', 'isv.invalid-parameter:page_no');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return errorEnvelope(41, 'Invalid arguments:page_size', 'isv.invalid-parameter:page_size');
  }
  const matching = q.trim() === '' ? listings : listings.filter((listing) => matchesQuery(listing, q));
  const page = matching.slice((pageNo - 1) * pageSize, pageNo * pageSize);
  return envelope('jade_items_search_response', {
    total_results: matching.length,
    items: { item: page.map((listing) => toItem(listing, stockOf)) },
  });
}

function getItems(params: URLSearchParams, stockOf: StockOf): SandboxResponse {
  const ids = (params.get('num_iids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL)
    return errorEnvelope(41, 'Invalid arguments:num_iids', 'isv.invalid-parameter:num_iids');
  const found = ids.map((id) => findListing(Number(id))).filter((listing) => listing !== undefined);
  return envelope('jade_items_get_response', { items: { item: found.map((listing) => toItem(listing, stockOf)) } });
}

function getShops(params: URLSearchParams): SandboxResponse {
  const ids = (params.get('seller_ids') ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL)
    return errorEnvelope(41, 'Invalid arguments:seller_ids', 'isv.invalid-parameter:seller_ids');
  const shops = ids.map((id) => findSeller(Number(id))).filter((seller) => seller !== undefined);
  return envelope('jade_shops_get_response', {
    shops: {
      shop: shops.map((seller) => ({
        seller_id: sellerIdOf(seller),
        nick: seller.name,
        country: seller.country,
        created_months: seller.monthsActive,
        good_rate: (seller.positiveFeedbackPermille / 10).toFixed(1) + '%',
        send_address: dispatchAddressOf(seller),
        after_sale: afterSaleOf(seller),
      })),
    },
  });
}

/** Live stock: the seeded count less what reservations hold and orders took. */
type StockOf = (listing: SeedListing) => number;

function toItem(listing: SeedListing, stockOf: StockOf): Record<string, unknown> {
  const seller = sellers[listing.sellerIndex];
  return {
    num_iid: numIidOf(listing),
    title: listing.titleNative,
    title_en: listing.titleEnglish,
    price: (listing.priceMinor / 100).toFixed(2),
    num: stockOf(listing),
    ...(listing.declaredHsCode === undefined ? {} : { hs_code: listing.declaredHsCode }),
    item_weight: (listing.weightGrams / 1000).toFixed(3),
    item_size: listing.dimensionsCm.join('*'),
    seller_id: seller ? sellerIdOf(seller) : null,
    nick: seller?.name ?? null,
    location: { country: listing.originCountry },
    overseas_warehouse: listing.warehouseCountry ?? null,
    has_battery: listing.archetype.lithiumBattery === true,
    ...shippingOf(seller?.shipping ?? { kind: 'DOMESTIC' }),
  };
}

/** Jade Market's style: `domestic_only`, else `ship_to_regions` as "CN,HK,…" or "GLOBAL" with `ship_exclude_regions`. */
function shippingOf(policy: SeedShippingPolicy): Record<string, unknown> {
  switch (policy.kind) {
    case 'DOMESTIC':
      return { domestic_only: true, ship_to_regions: '' };
    case 'REGIONAL':
      return { domestic_only: false, ship_to_regions: policy.countries.join(',') };
    case 'WORLDWIDE':
      return { domestic_only: false, ship_to_regions: 'GLOBAL', ship_exclude_regions: policy.except.join(',') };
  }
}

function envelope(name: string, payload: Record<string, unknown>): SandboxResponse {
  return { body: { [name]: { ...payload, request_id: requestId() } } };
}

/** The vendor answers HTTP 200 even for errors; the error is in the body. */
function errorEnvelope(code: number, msg: string, subCode: string): SandboxResponse {
  return { body: { error_response: { code, msg, sub_code: subCode, request_id: requestId() } } };
}

let counter = 0;
const requestId = (): string => `jm${(++counter).toString(36)}`;
