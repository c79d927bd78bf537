import { isCountryCode } from '#packages/countries/index.js';
import type { Logger } from '#packages/log/index.js';
import { fromMinor } from '#packages/money/index.js';
import {
  asArray,
  asBoolean,
  asFiniteNumber,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  PayloadError,
  type VendorRecord,
} from '#packages/validate/index.js';
import { postalAddress } from '../postalAddress.js';
import type { OfferRecord, PostalAddress, ReturnPolicy, SellerRecord, ShipsTo } from '../ports.js';

export const MARKETPLACE_ID = 'br-feira';

/** Attributes come as a list of `{id, value_name}`; this reads one by id. */
function attribute(attributes: readonly unknown[], id: string, path: string): string | undefined {
  for (const [index, entry] of attributes.entries()) {
    const record = asRecord(entry, `${path}[${index}]`);
    if (record.id === id) return optional(record.value_name, `${path}[${index}].value_name`, asString);
  }
  return undefined;
}

export function toOfferRecord(value: unknown, path: string, logger: Logger): OfferRecord {
  const item = asRecord(value, path);
  const currency = asNonEmptyString(item.currency_id, `${path}.currency_id`);
  if (currency !== 'BRL') throw new PayloadError(`${path}.currency_id`, 'BRL', currency);
  const attributes = asArray(item.attributes ?? [], `${path}.attributes`);
  const seller = asRecord(item.seller, `${path}.seller`);
  const address = asRecord(item.address, `${path}.address`);
  const originCountry = asNonEmptyString(address.country_id, `${path}.address.country_id`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(item.id, `${path}.id`),
    title: asNonEmptyString(item.title_en, `${path}.title_en`),
    nativeTitle: asNonEmptyString(item.title, `${path}.title`),
    price: fromMinor(reaisToCentavos(asFiniteNumber(item.price, `${path}.price`), `${path}.price`), 'BRL'),
    originCountry,
    hsCode: attribute(attributes, 'HS_CODE', `${path}.attributes`),
    weightGrams: parseGrams(attribute(attributes, 'PACKAGE_WEIGHT', `${path}.attributes`), `${path}.attributes.PACKAGE_WEIGHT`),
    dimensionsCm: parseDimensions(attribute(attributes, 'PACKAGE_DIMENSIONS', `${path}.attributes`)),
    availableQuantity: asNonNegativeInteger(item.available_quantity, `${path}.available_quantity`),
    seller: {
      nativeId: String(asNonNegativeInteger(seller.id, `${path}.seller.id`)),
      name: optional(seller.nickname, `${path}.seller.nickname`, asString),
    },
    warehouseCountries: asArray(item.fulfillment_countries ?? [], `${path}.fulfillment_countries`).map((country, index) =>
      asNonEmptyString(country, `${path}.fulfillment_countries[${index}]`),
    ),
    containsLithiumBattery: attribute(attributes, 'HAS_LITHIUM_BATTERY', `${path}.attributes`) === 'Sim',
    shipsTo: readShipsTo(asRecord(item.shipping, `${path}.shipping`), `${path}.shipping`, originCountry, logger),
  };
}

/**
 * `{international: false}` ships at home only; otherwise `coverage` says how to read the lists:
 * "selected" → `destinations`, "worldwide" → all but `excluded_destinations`. A coverage or
 * code we do not know counts as domestic only.
 */
function readShipsTo(shipping: VendorRecord, path: string, originCountry: string, logger: Logger): ShipsTo {
  const domesticOnly: ShipsTo = { kind: 'ONLY', countries: [originCountry] };
  if (!asBoolean(shipping.international, `${path}.international`)) return domesticOnly;
  const coverage = asString(shipping.coverage, `${path}.coverage`);
  const codes = (field: string) =>
    asArray(shipping[field] ?? [], `${path}.${field}`).map((code, index) => asString(code, `${path}.${field}[${index}]`));
  if (coverage === 'selected') {
    const destinations = codes('destinations');
    if (destinations.length > 0 && destinations.every(isCountryCode)) return { kind: 'ONLY', countries: destinations };
  } else if (coverage === 'worldwide') {
    const excluded = codes('excluded_destinations');
    if (excluded.every(isCountryCode)) return { kind: 'WORLDWIDE', except: excluded };
  }
  logger.warn('unknown shipping coverage read as domestic only', { marketplace: MARKETPLACE_ID, path, shipping });
  return domesticOnly;
}

export function toSellerRecord(value: unknown, path: string): SellerRecord {
  const user = asRecord(value, path);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: String(asNonNegativeInteger(user.id, `${path}.id`)),
    name: asNonEmptyString(user.nickname, `${path}.nickname`),
    country: asNonEmptyString(user.country_id, `${path}.country_id`),
    dispatchAddress: readShippingAddress(user.shipping_address, `${path}.shipping_address`),
    returnPolicy: readReturnConditions(user.return_conditions, `${path}.return_conditions`),
  };
}

/** `return_conditions`: `accepts_returns`, `days` when it does, `free_return` when the seller pays the way back. No restocking fee is kept back. */
function readReturnConditions(value: unknown, path: string): ReturnPolicy {
  const conditions = asRecord(value, path);
  const accepted = asBoolean(conditions.accepts_returns, `${path}.accepts_returns`);
  const freeReturn = asBoolean(conditions.free_return, `${path}.free_return`);
  let windowDays: number | undefined;
  if (accepted) {
    windowDays = asNonNegativeInteger(conditions.days, `${path}.days`);
    if (windowDays === 0) throw new PayloadError(`${path}.days`, 'a window of at least 1 day', windowDays);
  }
  return { acceptsReturns: accepted, windowDays, returnShippingPaidBy: freeReturn ? 'SELLER' : 'BUYER', restockingFeeBp: 0 };
}

/** `{street_name, street_number, neighborhood: {name}, city: {name}, state: {id: "BR-SP"}, country: {id}, zip_code}`. */
function readShippingAddress(value: unknown, path: string): PostalAddress {
  const address = asRecord(value, path);
  const named = (field: string, key: 'name' | 'id') =>
    asString(asRecord(address[field], `${path}.${field}`)[key], `${path}.${field}.${key}`);
  const street = `${asNonEmptyString(address.street_name, `${path}.street_name`)}, ${asString(address.street_number, `${path}.street_number`)}`;
  return postalAddress(
    {
      lines: [street, named('neighborhood', 'name')],
      city: named('city', 'name'),
      region: named('state', 'id').replace(/^BR-/, ''),
      postalCode: asString(address.zip_code, `${path}.zip_code`),
      country: named('country', 'id'),
    },
    path,
  );
}

/**
 * The vendor writes reais as JSON numbers (89.9). Binary floats cannot hold most of them
 * exactly, so the number is rounded to centavos once, here, and refused if it had more digits.
 */
export function reaisToCentavos(reais: number, path: string): number {
  const centavos = Math.round(reais * 100);
  if (reais < 0 || Math.abs(centavos - reais * 100) > 1e-6) throw new PayloadError(path, 'a price in whole centavos', reais);
  return centavos;
}

function parseGrams(text: string | undefined, path: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(g|kg)$/.exec(text ?? '');
  if (!match) throw new PayloadError(path, 'a weight like "250 g"', text);
  return Math.round(Number(match[1]) * (match[2] === 'kg' ? 1000 : 1));
}

function parseDimensions(text: string | undefined): readonly [number, number, number] | undefined {
  const match = /^(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?)x(\d+(?:\.\d+)?) cm$/.exec(text ?? '');
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}
