import type { SandboxRequest, SandboxResponse, SandboxUpstream, SeedListing, SeedShippingPolicy } from '#packages/sandbox/index.js';
import { createSandboxServer, createStockLedger, matchesQuery } from '#packages/sandbox/index.js';
import { findListing, findSeller, itemIdOf, listings, pickupAddressOf, returnRefundOf, sellers, shopIdOf } from './catalog.js';
import { SANDBOX_PARTNER_ID, SANDBOX_PARTNER_KEY, expectedSign, signMatches } from './signature.js';
import { stockRoutes } from './stockRoutes.js';

const MAX_PAGE_SIZE = 100;
const MAX_IDS_PER_CALL = 50;
/** The platform refuses a timestamp more than five minutes from its own clock. */
const TIMESTAMP_WINDOW_SECONDS = 300;

type Handler = (params: URLSearchParams, stockOf: StockOf) => SandboxResponse;
/** Live stock: the seeded count less what reservations hold and orders took. */
type StockOf = (listing: SeedListing) => number;

/**
 * PasarMall (MY): an SE-Asian open-platform style API. Every call is signed (partner_id,
 * timestamp, HMAC sign over the API path), pages by offset with `has_next_page`/`next_offset`,
 * and wraps answers in `{error, message, response}` where a non-empty `error` means failure.
 * Writes (stock reservations and orders, `stockRoutes.ts`) are signed POSTs with a
 * `partner_request_id`.
 */
export const pasarMallSandbox = {
  id: 'my-pasarmall',
  description: 'PasarMall, a Malaysian marketplace (HMAC-signed open platform, offset paging, error envelopes)',
  defaultPort: 4103,
  create: ({ logger, fault }) => {
    const ledger = createStockLedger({
      listings,
      itemIdOf: (listing) => String(itemIdOf(listing)),
      reservationPrefix: 'SR',
      orderPrefix: '2601',
    });
    const stockOf: StockOf = (listing) => ledger.available(String(itemIdOf(listing))) ?? listing.stock;
    const route = (path: string, endpoint: string, handler: Handler) => ({
      method: 'GET',
      path,
      endpoint,
      handle: (request: SandboxRequest) => checkAuth(path, request.query) ?? handler(request.query, stockOf),
    });
    return createSandboxServer({
      id: 'my-pasarmall',
      listings,
      sellers,
      logger,
      fault,
      routes: [
        route('/api/v2/product/search_item', 'v2.product.search_item', searchItems),
        route('/api/v2/product/get_item_base_info', 'v2.product.get_item_base_info', getItemBaseInfo),
        route('/api/v2/shop/get_shop_base_info', 'v2.shop.get_shop_base_info', getShopBaseInfo),
        ...stockRoutes(ledger, checkAuth, { success, failure }),
        ...ledger.routes,
      ],
      garbage: () => ({
        body: { error: '', message: '', response: { item: [{ item_id: '1840000013', price_info: 'RM45.90' }], has_next_page: 'yes' } },
      }),
    });
  },
} satisfies SandboxUpstream;

function checkAuth(apiPath: string, params: URLSearchParams): SandboxResponse | undefined {
  const partnerId = params.get('partner_id') ?? '';
  const timestamp = params.get('timestamp') ?? '';
  if (partnerId !== SANDBOX_PARTNER_ID) return failure(403, 'error_auth', 'Invalid partner_id.');
  if (!/^\d{10}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > TIMESTAMP_WINDOW_SECONDS) {
    return failure(403, 'error_auth', 'Invalid timestamp, please check it is within 5 minutes of the server time.');
  }
  if (!signMatches(params.get('sign') ?? '', expectedSign(partnerId, apiPath, timestamp, SANDBOX_PARTNER_KEY))) {
    return failure(403, 'error_auth', 'Wrong sign.');
  }
  return undefined;
}

function searchItems(params: URLSearchParams, stockOf: StockOf): SandboxResponse {
  const keyword = params.get('keyword') ?? '';
  const offset = Number(params.get('offset') ?? '0');
  const pageSize = Number(params.get('page_size') ?? '20');
  if (!Number.isInteger(offset) || offset < 0) return failure(400, 'error_param', 'offset should be a non-negative integer.');
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    return failure(400, 'error_param', `page_size should be between 1 and ${MAX_PAGE_SIZE}.`);
  }
  const matching = keyword.trim() === '' ? listings : listings.filter((listing) => matchesQuery(listing, keyword));
  const hasNextPage = offset + pageSize < matching.length;
  return success({
    item: matching.slice(offset, offset + pageSize).map((listing) => toItem(listing, stockOf)),
    total_count: matching.length,
    has_next_page: hasNextPage,
    next_offset: hasNextPage ? offset + pageSize : 0,
  });
}

function getItemBaseInfo(params: URLSearchParams, stockOf: StockOf): SandboxResponse {
  const ids = idList(params, 'item_id_list');
  if (typeof ids === 'string') return failure(400, 'error_param', ids);
  return success({
    item_list: ids
      .map(findListing)
      .filter((listing) => listing !== undefined)
      .map((listing) => toItem(listing, stockOf)),
  });
}

function getShopBaseInfo(params: URLSearchParams): SandboxResponse {
  const ids = idList(params, 'shop_id_list');
  if (typeof ids === 'string') return failure(400, 'error_param', ids);
  const shops = ids.map(findSeller).filter((seller) => seller !== undefined);
  return success({
    shop_list: shops.map((seller) => ({
      shop_id: shopIdOf(seller),
      shop_name: seller.name,
      region: seller.country,
      shop_rating: Math.round(seller.positiveFeedbackPermille / 2) / 100, // out of 5
      months_active: seller.monthsActive,
      pickup_address: pickupAddressOf(seller),
      return_refund: returnRefundOf(seller),
    })),
  });
}

/** Comma-separated numeric ids, 1–50 of them; anything else is the platform's `error_param`. */
function idList(params: URLSearchParams, name: string): number[] | string {
  const ids = (params.get(name) ?? '').split(',').filter((id) => id !== '');
  if (ids.length === 0 || ids.length > MAX_IDS_PER_CALL) return `${name} should list 1 to ${MAX_IDS_PER_CALL} ids.`;
  if (ids.some((id) => !/^\d+$/.test(id))) return `${name} should list numeric ids.`;
  return ids.map(Number);
}

function toItem(listing: SeedListing, stockOf: StockOf): Record<string, unknown> {
  const seller = sellers[listing.sellerIndex];
  const ringgit = listing.priceMinor / 100; // the platform really does send prices as JSON numbers
  return {
    item_id: itemIdOf(listing),
    item_name: listing.titleNative,
    item_name_en: listing.titleEnglish,
    item_status: 'NORMAL',
    region: listing.originCountry,
    price_info: [{ currency: 'MYR', original_price: ringgit, current_price: ringgit }],
    stock_info_v2: { summary_info: { total_reserved_stock: 0, total_available_stock: stockOf(listing) } },
    weight: listing.weightGrams / 1000, // kilograms
    dimension: { package_length: listing.dimensionsCm[0], package_width: listing.dimensionsCm[1], package_height: listing.dimensionsCm[2] },
    tax_info: { hs_code: listing.declaredHsCode ?? '' }, // the platform sends "" when the shop left it blank
    item_dangerous: listing.archetype.lithiumBattery ? 1 : 0,
    shop_id: seller ? shopIdOf(seller) : null,
    shop_name: seller?.name ?? null,
    warehouse_regions: listing.warehouseCountry ? [listing.warehouseCountry] : [],
    logistics_channels: logisticsChannelsOf(seller?.shipping ?? { kind: 'DOMESTIC' }, listing.originCountry),
  };
}

/**
 * PasarMall's style: the item's courier channels, each `enabled` or not, with `ship_to` codes
 * or "*" for every region but its `blocked_regions`. Home-only shops keep the cross-border
 * channel switched off rather than removed, as shops on such platforms do.
 */
function logisticsChannelsOf(policy: SeedShippingPolicy, home: string): Array<Record<string, unknown>> {
  const domestic = { channel_id: 20011, channel_name: 'PosLaju', enabled: true, ship_to: [home] };
  switch (policy.kind) {
    case 'DOMESTIC':
      return [domestic, { channel_id: 30018, channel_name: 'SLS International', enabled: false, ship_to: ['*'], blocked_regions: [] }];
    case 'REGIONAL':
      return [
        domestic,
        { channel_id: 30012, channel_name: 'SLS Asia', enabled: true, ship_to: policy.countries.filter((c) => c !== home) },
      ];
    case 'WORLDWIDE':
      return [
        domestic,
        { channel_id: 30018, channel_name: 'SLS International', enabled: true, ship_to: ['*'], blocked_regions: policy.except },
      ];
  }
}

function success(response: Record<string, unknown>): SandboxResponse {
  return { body: { error: '', message: '', warning: '', request_id: requestId(), response } };
}

function failure(status: number, error: string, message: string): SandboxResponse {
  return { status, body: { error, message, request_id: requestId() } };
}

let counter = 0;
const requestId = (): string => `pm${Date.now().toString(16)}${(++counter).toString(16)}`;
