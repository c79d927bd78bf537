import { isCountryCode } from '#packages/countries/index.js';
import type { Logger } from '#packages/log/index.js';
import { parseMoney } from '#packages/money/index.js';
import {
  PayloadError,
  asArray,
  asBoolean,
  asDecimalString,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  type VendorRecord,
} from '#packages/validate/index.js';
import { postalAddress } from '../postalAddress.js';
import type { OfferRecord, PostalAddress, ReturnPolicy, SellerRecord, ShipsTo } from '../ports.js';

export const MARKETPLACE_ID = 'cn-jademarket';

/** Thrown for an error envelope: the vendor says HTTP 200 but `error_response` inside. */
export class JadeMarketError extends Error {
  override name = 'JadeMarketError';
  constructor(
    readonly code: number,
    readonly subCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** Opens `{"<method>_response": {...}}`, or throws the envelope's error. */
export function openEnvelope(body: unknown, responseName: string): VendorRecord {
  const root = asRecord(body, '$');
  if (root.error_response !== undefined) {
    const error = asRecord(root.error_response, '$.error_response');
    throw new JadeMarketError(
      asNonNegativeInteger(error.code, '$.error_response.code'),
      optional(error.sub_code, '$.error_response.sub_code', asString) ?? '',
      optional(error.msg, '$.error_response.msg', asString) ?? 'unknown error',
    );
  }
  return asRecord(root[responseName], `$.${responseName}`);
}

/** `items: { item: [...] }` — the vendor wraps every list in an object named after its element. */
export function itemsOf(response: VendorRecord, path: string): readonly unknown[] {
  const items = optional(response.items, `${path}.items`, asRecord);
  return items === undefined ? [] : (optional(items.item, `${path}.items.item`, asArray) ?? []);
}

export function shopsOf(response: VendorRecord, path: string): readonly unknown[] {
  const shops = optional(response.shops, `${path}.shops`, asRecord);
  return shops === undefined ? [] : (optional(shops.shop, `${path}.shops.shop`, asArray) ?? []);
}

export function toOfferRecord(value: unknown, path: string, logger: Logger): OfferRecord {
  const item = asRecord(value, path);
  const location = asRecord(item.location, `${path}.location`);
  const warehouse = optional(item.overseas_warehouse, `${path}.overseas_warehouse`, asString);
  const originCountry = asNonEmptyString(location.country, `${path}.location.country`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: String(asNonNegativeInteger(item.num_iid, `${path}.num_iid`)),
    title: asNonEmptyString(item.title_en, `${path}.title_en`),
    nativeTitle: asNonEmptyString(item.title, `${path}.title`),
    price: parseMoney(asDecimalString(item.price, `${path}.price`), 'CNY'),
    originCountry,
    hsCode: optional(item.hs_code, `${path}.hs_code`, asString),
    weightGrams: Math.round(Number(asDecimalString(item.item_weight, `${path}.item_weight`)) * 1000),
    dimensionsCm: parseSize(optional(item.item_size, `${path}.item_size`, asString)),
    availableQuantity: asNonNegativeInteger(item.num, `${path}.num`),
    seller: {
      nativeId: String(asNonNegativeInteger(item.seller_id, `${path}.seller_id`)),
      name: optional(item.nick, `${path}.nick`, asString),
    },
    warehouseCountries: warehouse === undefined ? [] : [warehouse],
    containsLithiumBattery: optional(item.has_battery, `${path}.has_battery`, asBoolean) ?? false,
    shipsTo: readShipsTo(item, path, originCountry, logger),
  };
}

/**
 * `domestic_only: true`, or `ship_to_regions` as "CN,HK,JP" or "GLOBAL" (then
 * `ship_exclude_regions` lists the exceptions). A region we cannot read counts as domestic only.
 */
function readShipsTo(item: VendorRecord, path: string, originCountry: string, logger: Logger): ShipsTo {
  const domesticOnly: ShipsTo = { kind: 'ONLY', countries: [originCountry] };
  if (asBoolean(item.domestic_only, `${path}.domestic_only`)) return domesticOnly;
  const regions = asString(item.ship_to_regions, `${path}.ship_to_regions`);
  const excluded = optional(item.ship_exclude_regions, `${path}.ship_exclude_regions`, asString) ?? '';
  const shipsTo: ShipsTo | undefined = regions === 'GLOBAL' ? worldwideExcept(countryList(excluded)) : onlyTo(countryList(regions));
  if (shipsTo !== undefined) return shipsTo;
  logger.warn('unknown shipping regions read as domestic only', {
    marketplace: MARKETPLACE_ID,
    path: `${path}.ship_to_regions`,
    regions,
    excluded,
  });
  return domesticOnly;
}

/** "CN,HK,JP" → codes; undefined when any entry is not a country code (e.g. a vendor zone name). */
function countryList(text: string): string[] | undefined {
  const codes = text
    .split(',')
    .map((code) => code.trim())
    .filter((code) => code !== '');
  return codes.every(isCountryCode) ? codes : undefined;
}

const worldwideExcept = (except: string[] | undefined): ShipsTo | undefined => except && { kind: 'WORLDWIDE', except };
const onlyTo = (countries: string[] | undefined): ShipsTo | undefined =>
  countries && countries.length > 0 ? { kind: 'ONLY', countries } : undefined;

export function toSellerRecord(value: unknown, path: string): SellerRecord {
  const shop = asRecord(value, path);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: String(asNonNegativeInteger(shop.seller_id, `${path}.seller_id`)),
    name: asNonEmptyString(shop.nick, `${path}.nick`),
    country: asNonEmptyString(shop.country, `${path}.country`),
    dispatchAddress: readSendAddress(shop.send_address, asNonEmptyString(shop.country, `${path}.country`), `${path}.send_address`),
    returnPolicy: readAfterSale(shop.after_sale, `${path}.after_sale`),
  };
}

/** `after_sale`: `no_reason_return` a period such as "7d", or "none"; `return_freight` "buyer" or "seller". No restocking fee is kept back. */
function readAfterSale(value: unknown, path: string): ReturnPolicy {
  const afterSale = asRecord(value, path);
  const period = asNonEmptyString(afterSale.no_reason_return, `${path}.no_reason_return`);
  const days = /^([1-9]\d{0,2})d$/.exec(period);
  if (period !== 'none' && !days) throw new PayloadError(`${path}.no_reason_return`, 'a period like "7d", or "none"', period);
  const freight = asString(afterSale.return_freight, `${path}.return_freight`);
  if (freight !== 'buyer' && freight !== 'seller') throw new PayloadError(`${path}.return_freight`, '"buyer" or "seller"', freight);
  return {
    acceptsReturns: days !== null,
    windowDays: days ? Number(days[1]) : undefined,
    returnShippingPaidBy: freight === 'buyer' ? 'BUYER' : 'SELLER',
    restockingFeeBp: 0,
  };
}

/** `send_address`: province, city, district, street detail, zip; the district goes with the street, as labels write it. */
function readSendAddress(value: unknown, country: string, path: string): PostalAddress {
  const address = asRecord(value, path);
  const part = (name: string) => asString(address[name], `${path}.${name}`);
  return postalAddress(
    {
      lines: [`${part('district')}${part('detail')}`],
      city: part('city'),
      region: part('province'),
      postalCode: part('zip'),
      country,
    },
    path,
  );
}

/** "15*10*6" in centimetres. */
function parseSize(text: string | undefined): readonly [number, number, number] | undefined {
  const parts = text?.split('*').map(Number);
  if (parts?.length !== 3 || parts.some((n) => !Number.isFinite(n) || n <= 0)) return undefined;
  return [parts[0]!, parts[1]!, parts[2]!];
}
