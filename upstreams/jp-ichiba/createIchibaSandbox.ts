import type { SandboxRequest, SandboxResponse, SandboxUpstream, SeedListing, SeedShippingPolicy } from '#packages/sandbox/index.js';
import { createSandboxServer, createStockLedger, el, matchesQuery, xmlDocument } from '#packages/sandbox/index.js';
import { findListing, findSeller, henpinOf, itemCodeOf, listings, sellers, shipFromOf, shopCodeOf } from './catalog.js';
import { orderRoutes } from './orderRoutes.js';

/** The application id the sandbox accepts; a real deployment registers its own. */
export const SANDBOX_APPLICATION_ID = '1012345678901234567';

const MAX_HITS = 30;
/** The vendor never pages past page 100, however many items match. */
const MAX_PAGE = 100;
const MAX_CODES_PER_CALL = 30;
const ITEM_CODE = /^[a-z0-9-]+:\d+$/;
const SHOP_CODE = /^[a-z0-9-]+$/;
const BASE = '/services/api';

/**
 * Ichiba Japan (JP): a legacy XML API. The credential is an `applicationId` query parameter,
 * search pages by `page` (from 1) and `hits`, prices are whole yen, and errors are XML with a
 * fitting HTTP status — including 404 `not_found` when a search simply matches nothing. Writes
 * (inventory holds and orders, `orderRoutes.ts`) are form POSTs with a `uniqueKey`.
 */
export const ichibaSandbox = {
  id: 'jp-ichiba',
  description: 'Ichiba Japan, a Japanese marketplace (legacy XML API, applicationId, page/hits paging)',
  defaultPort: 4106,
  create: ({ logger, fault }) => {
    const ledger = createStockLedger({ listings, itemIdOf: itemCodeOf, reservationPrefix: 'rsv-', orderPrefix: '338201-' });
    const stockOf: StockOf = (listing) => ledger.available(itemCodeOf(listing)) ?? listing.stock;
    return createSandboxServer({
      id: 'jp-ichiba',
      listings,
      sellers,
      logger,
      fault,
      routes: [
        route(`${BASE}/IchibaItem/Search/20220601`, 'IchibaItem/Search', (params) => searchItems(params, stockOf)),
        route(`${BASE}/IchibaItem/Lookup/20220601`, 'IchibaItem/Lookup', (params) => lookupItems(params, stockOf)),
        route(`${BASE}/IchibaShop/Lookup/20220601`, 'IchibaShop/Lookup', lookupShops),
        ...orderRoutes(ledger, SANDBOX_APPLICATION_ID, (status, root) => xml(status, xmlDocument(root))),
        ...ledger.routes,
      ],
      // A response cut off mid-item, as a proxy with a full buffer sends it.
      garbage: () =>
        xml(200, `<?xml version="1.0" encoding="UTF-8"?>\n<response><count>12</count><Items><Item><itemCode>uji-chaen:1</itemName>`),
    });
  },
} satisfies SandboxUpstream;

/** Live stock: the seeded count less what reservations hold and orders took. */
type StockOf = (listing: SeedListing) => number;

function route(path: string, endpoint: string, handler: (params: URLSearchParams) => SandboxResponse) {
  return {
    method: 'GET',
    path,
    endpoint,
    handle: (request: SandboxRequest) =>
      request.query.get('applicationId') === SANDBOX_APPLICATION_ID
        ? handler(request.query)
        : error(401, 'wrong_application_id', 'specify valid applicationId'),
  };
}

function searchItems(params: URLSearchParams, stockOf: StockOf): SandboxResponse {
  const keyword = params.get('keyword') ?? '';
  const page = Number(params.get('page') ?? '1');
  const hits = Number(params.get('hits') ?? String(MAX_HITS));
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE) return error(400, 'wrong_parameter', `page must be 1 to ${MAX_PAGE}`);
  if (!Number.isInteger(hits) || hits < 1 || hits > MAX_HITS) return error(400, 'wrong_parameter', `hits must be 1 to ${MAX_HITS}`);
  const matching = keyword.trim() === '' ? listings : listings.filter((listing) => matchesQuery(listing, keyword));
  if (matching.length === 0) return error(404, 'not_found', 'not found');
  const found = matching.slice((page - 1) * hits, page * hits);
  return xml(
    200,
    xmlDocument(
      el('response', [
        el('count', matching.length),
        el('page', page),
        el('first', Math.min((page - 1) * hits + 1, matching.length)),
        el('last', (page - 1) * hits + found.length),
        el('hits', found.length),
        el('pageCount', Math.min(Math.ceil(matching.length / hits), MAX_PAGE)),
        el(
          'Items',
          found.map((listing) => toItem(listing, stockOf)),
        ),
      ]),
    ),
  );
}

function lookupItems(params: URLSearchParams, stockOf: StockOf): SandboxResponse {
  const codes = codeList(params.get('itemCodes'), ITEM_CODE);
  if (codes === undefined) return error(400, 'wrong_parameter', `itemCodes must list 1 to ${MAX_CODES_PER_CALL} shopCode:itemNumber codes`);
  const found = codes.map(findListing).filter((listing) => listing !== undefined);
  if (found.length === 0) return error(404, 'not_found', 'not found');
  return xml(
    200,
    xmlDocument(
      el('response', [
        el('count', found.length),
        el(
          'Items',
          found.map((listing) => toItem(listing, stockOf)),
        ),
      ]),
    ),
  );
}

function lookupShops(params: URLSearchParams): SandboxResponse {
  const codes = codeList(params.get('shopCodes'), SHOP_CODE);
  if (codes === undefined) return error(400, 'wrong_parameter', `shopCodes must list 1 to ${MAX_CODES_PER_CALL} shop codes`);
  const found = codes.map(findSeller).filter((seller) => seller !== undefined);
  if (found.length === 0) return error(404, 'not_found', 'not found');
  const shops = found.map((seller) =>
    el('Shop', [
      el('shopCode', shopCodeOf(seller)),
      el('shopName', seller.name),
      el('shopCountry', seller.country),
      el('reviewAverage', (seller.positiveFeedbackPermille / 200).toFixed(2)), // out of 5
      el('openedMonthsAgo', seller.monthsActive),
      el(
        'shipFrom',
        Object.entries(shipFromOf(seller)).map(([name, value]) => el(name, value)),
      ),
      el(
        'henpin',
        Object.entries(henpinOf(seller)).map(([name, value]) => el(name, value)),
      ),
    ]),
  );
  return xml(200, xmlDocument(el('response', [el('count', found.length), el('Shops', shops)])));
}

function codeList(text: string | null, pattern: RegExp): string[] | undefined {
  const codes = (text ?? '').split(',').filter((code) => code !== '');
  return codes.length === 0 || codes.length > MAX_CODES_PER_CALL || !codes.every((code) => pattern.test(code)) ? undefined : codes;
}

function toItem(listing: SeedListing, stockOf: StockOf): string {
  const seller = sellers[listing.sellerIndex];
  return el('Item', [
    el('itemCode', itemCodeOf(listing)),
    el('itemName', listing.titleNative),
    el('itemNameEn', listing.titleEnglish),
    el('itemPrice', listing.priceMinor), // whole yen
    el('stockCount', stockOf(listing)),
    el('shopCode', seller ? shopCodeOf(seller) : ''),
    el('shopName', seller?.name ?? ''),
    el('originCountry', listing.originCountry),
    el('hsCode', listing.declaredHsCode ?? ''), // an empty element when the shop left it blank
    el('weight', listing.weightGrams, { unit: 'g' }),
    el('packageSize', listing.dimensionsCm.join('x'), { unit: 'cm' }),
    el('lithiumBattery', listing.archetype.lithiumBattery ? 1 : 0),
    el('overseasWarehouses', listing.warehouseCountry ? [el('country', listing.warehouseCountry)] : []),
    ...shippingOf(seller?.shipping ?? { kind: 'DOMESTIC' }),
  ]);
}

/**
 * Ichiba's style: `<shipOverseas>0</shipOverseas>` for home only; otherwise 1 and
 * `<shipToCountries scope="selected">` listing `<country>`s, or `scope="all"` with `<shipExcludedCountries>`.
 */
function shippingOf(policy: SeedShippingPolicy): string[] {
  const countries = (codes: readonly string[]) => codes.map((code) => el('country', code));
  switch (policy.kind) {
    case 'DOMESTIC':
      return [el('shipOverseas', 0)];
    case 'REGIONAL':
      return [el('shipOverseas', 1), el('shipToCountries', countries(policy.countries), { scope: 'selected' })];
    case 'WORLDWIDE':
      return [el('shipOverseas', 1), el('shipToCountries', [], { scope: 'all' }), el('shipExcludedCountries', countries(policy.except))];
  }
}

function error(status: number, code: string, message: string): SandboxResponse {
  return xml(status, xmlDocument(el('error', [el('code', code), el('message', message)])));
}

function xml(status: number, body: string): SandboxResponse {
  return { status, headers: { 'content-type': 'application/xml; charset=utf-8' }, body };
}
