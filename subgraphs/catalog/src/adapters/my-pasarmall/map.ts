import { isCountryCode } from '#packages/countries/index.js';
import type { Logger } from '#packages/log/index.js';
import { parseMoney, type Money } from '#packages/money/index.js';
import {
  PayloadError,
  asArray,
  asBoolean,
  asFiniteNumber,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  type VendorRecord,
} from '#packages/validate/index.js';
import { postalAddress } from '../postalAddress.js';
import type { OfferRecord, PostalAddress, ReturnPolicy, SellerRecord, ShipsTo } from '../ports.js';

export const MARKETPLACE_ID = 'my-pasarmall';

/** Thrown for an envelope whose `error` is not empty, e.g. `error_auth` or `error_param`. */
export class PasarMallError extends Error {
  override name = 'PasarMallError';
  constructor(
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** Opens `{error, message, response}`: a non-empty `error` is a refusal whatever the HTTP status. */
export function openEnvelope(body: unknown, httpStatus: number): VendorRecord {
  const root = asRecord(body, '$');
  const error = optional(root.error, '$.error', asString) ?? '';
  if (error !== '') throw new PasarMallError(error, optional(root.message, '$.message', asString) ?? 'no message');
  if (httpStatus !== 200) throw new PayloadError('$.error', `an error name with HTTP ${httpStatus}`, root.error);
  return asRecord(root.response, '$.response');
}

export function toOfferRecord(value: unknown, path: string, logger: Logger): OfferRecord {
  const item = asRecord(value, path);
  const prices = asArray(item.price_info, `${path}.price_info`);
  // Items with variations list one price per model; the first is the one the shop shows.
  const price = asRecord(prices[0], `${path}.price_info[0]`);
  const currency = asNonEmptyString(price.currency, `${path}.price_info[0].currency`);
  if (currency !== 'MYR') throw new PayloadError(`${path}.price_info[0].currency`, 'MYR', currency);
  const stock = asRecord(asRecord(item.stock_info_v2, `${path}.stock_info_v2`).summary_info, `${path}.stock_info_v2.summary_info`);
  const taxInfo = optional(item.tax_info, `${path}.tax_info`, asRecord);
  const hsCode = optional(taxInfo?.hs_code, `${path}.tax_info.hs_code`, asString);
  const originCountry = asNonEmptyString(item.region, `${path}.region`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: String(asNonNegativeInteger(item.item_id, `${path}.item_id`)),
    title: asNonEmptyString(item.item_name_en, `${path}.item_name_en`),
    nativeTitle: asNonEmptyString(item.item_name, `${path}.item_name`),
    price: ringgitToMoney(price.current_price, `${path}.price_info[0].current_price`),
    originCountry,
    hsCode: hsCode === '' ? undefined : hsCode, // the platform sends "" when the shop left it blank
    weightGrams: kilogramsToGrams(item.weight, `${path}.weight`),
    dimensionsCm: readDimension(optional(item.dimension, `${path}.dimension`, asRecord), `${path}.dimension`),
    availableQuantity: asNonNegativeInteger(stock.total_available_stock, `${path}.stock_info_v2.summary_info.total_available_stock`),
    seller: {
      nativeId: String(asNonNegativeInteger(item.shop_id, `${path}.shop_id`)),
      name: optional(item.shop_name, `${path}.shop_name`, asString),
    },
    warehouseCountries: (optional(item.warehouse_regions, `${path}.warehouse_regions`, asArray) ?? []).map((region, index) =>
      asNonEmptyString(region, `${path}.warehouse_regions[${index}]`),
    ),
    // The platform flags dangerous goods as a whole; among consumer goods that is the battery,
    // and over-flagging only costs a postal option, while under-flagging gets a parcel seized.
    containsLithiumBattery: readFlag(item.item_dangerous, `${path}.item_dangerous`),
    shipsTo: readLogisticsChannels(item.logistics_channels, `${path}.logistics_channels`, originCountry, logger),
  };
}

/**
 * An item reaches a country when any of its enabled courier channels does. A channel's
 * `ship_to` lists region codes, or "*" for all but its `blocked_regions`. A region we cannot
 * read makes the whole item count as domestic only.
 */
function readLogisticsChannels(value: unknown, path: string, originCountry: string, logger: Logger): ShipsTo {
  const channels = asArray(value, path).map((entry, index) => asRecord(entry, `${path}[${index}]`));
  const reach: ShipsTo[] = [];
  for (const [index, channel] of channels.entries()) {
    const at = `${path}[${index}]`;
    if (!asBoolean(channel.enabled, `${at}.enabled`)) continue;
    const shipTo = regionCodes(channel.ship_to, `${at}.ship_to`);
    const blocked = regionCodes(channel.blocked_regions ?? [], `${at}.blocked_regions`);
    const worldwide = shipTo.length === 1 && shipTo[0] === '*';
    if (worldwide && blocked.every(isCountryCode)) reach.push({ kind: 'WORLDWIDE', except: blocked });
    else if (!worldwide && shipTo.every(isCountryCode)) reach.push({ kind: 'ONLY', countries: shipTo });
    else {
      logger.warn('unknown logistics channel regions read as domestic only', { marketplace: MARKETPLACE_ID, path: at, shipTo, blocked });
      return { kind: 'ONLY', countries: [originCountry] };
    }
  }
  return anyOf(reach);
}

/** Where at least one of the channels ships. No enabled channel ships nowhere: `ONLY []`. */
function anyOf(reach: readonly ShipsTo[]): ShipsTo {
  const listed = new Set(reach.flatMap((channel) => (channel.kind === 'ONLY' ? channel.countries : [])));
  const worldwide = reach.flatMap((channel) => (channel.kind === 'WORLDWIDE' ? [channel.except] : []));
  if (worldwide.length === 0) return { kind: 'ONLY', countries: [...listed] };
  // Blocked only where every worldwide channel blocks it and no listed channel goes.
  const except = worldwide[0]!.filter((country) => !listed.has(country) && worldwide.every((blocked) => blocked.includes(country)));
  return { kind: 'WORLDWIDE', except };
}

function regionCodes(value: unknown, path: string): string[] {
  return asArray(value, path).map((code, index) => asString(code, `${path}[${index}]`));
}

export function toSellerRecord(value: unknown, path: string): SellerRecord {
  const shop = asRecord(value, path);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: String(asNonNegativeInteger(shop.shop_id, `${path}.shop_id`)),
    name: asNonEmptyString(shop.shop_name, `${path}.shop_name`),
    country: asNonEmptyString(shop.region, `${path}.region`),
    dispatchAddress: readPickupAddress(shop.pickup_address, `${path}.pickup_address`),
    returnPolicy: readReturnRefund(shop.return_refund, `${path}.return_refund`),
  };
}

/**
 * `return_refund`: `return_enabled` 1 or 0, `return_period_hours` (whole days of hours when
 * enabled), `return_shipping_bearer` 1 (buyer) or 2 (seller). No restocking fee is kept back.
 */
function readReturnRefund(value: unknown, path: string): ReturnPolicy {
  const returnRefund = asRecord(value, path);
  const enabled = asNonNegativeInteger(returnRefund.return_enabled, `${path}.return_enabled`);
  if (enabled > 1) throw new PayloadError(`${path}.return_enabled`, '0 or 1', enabled);
  const bearer = asNonNegativeInteger(returnRefund.return_shipping_bearer, `${path}.return_shipping_bearer`);
  if (bearer !== 1 && bearer !== 2) throw new PayloadError(`${path}.return_shipping_bearer`, '1 (buyer) or 2 (seller)', bearer);
  let windowDays: number | undefined;
  if (enabled === 1) {
    const hours = asNonNegativeInteger(returnRefund.return_period_hours, `${path}.return_period_hours`);
    if (hours === 0 || hours % 24 !== 0) throw new PayloadError(`${path}.return_period_hours`, 'whole days of hours, at least 24', hours);
    windowDays = hours / 24;
  }
  return { acceptsReturns: enabled === 1, windowDays, returnShippingPaidBy: bearer === 1 ? 'BUYER' : 'SELLER', restockingFeeBp: 0 };
}

/** `pickup_address`: one free-text street line, city, state, zipcode and `region` (the country code). */
function readPickupAddress(value: unknown, path: string): PostalAddress {
  const address = asRecord(value, path);
  const part = (name: string) => asString(address[name], `${path}.${name}`);
  return postalAddress(
    { lines: [part('address')], city: part('city'), region: part('state'), postalCode: part('zipcode'), country: part('region') },
    path,
  );
}

/**
 * Prices come as JSON numbers in ringgit (45.9). `String()` prints a double as the shortest
 * decimal that reads back to it, which is the vendor's own decimal, so that text is parsed
 * exactly rather than multiplying a float by 100. A third decimal is refused, not rounded.
 */
export function ringgitToMoney(value: unknown, path: string): Money {
  const ringgit = asFiniteNumber(value, path);
  const text = String(ringgit);
  if (ringgit <= 0 || !/^\d+(\.\d{1,2})?$/.test(text))
    throw new PayloadError(path, 'a positive ringgit amount with at most 2 decimals', value);
  return parseMoney(text, 'MYR');
}

function kilogramsToGrams(value: unknown, path: string): number {
  const grams = Math.round(asFiniteNumber(value, path) * 1000);
  if (grams <= 0) throw new PayloadError(path, 'a weight in kilograms of at least 1 g', value);
  return grams;
}

function readDimension(dimension: VendorRecord | undefined, path: string): readonly [number, number, number] | undefined {
  if (dimension === undefined) return undefined;
  const sides = (['package_length', 'package_width', 'package_height'] as const).map((side) =>
    asNonNegativeInteger(dimension[side], `${path}.${side}`),
  );
  // Shops that never measured their parcel leave zeros: unknown, not flat.
  return sides.some((side) => side === 0) ? undefined : [sides[0]!, sides[1]!, sides[2]!];
}

function readFlag(value: unknown, path: string): boolean {
  const flag = asNonNegativeInteger(value, path);
  if (flag > 1) throw new PayloadError(path, '0 or 1', value);
  return flag === 1;
}
