import { isCountryCode } from '#packages/countries/index.js';
import type { Logger } from '#packages/log/index.js';
import { fromMinor } from '#packages/money/index.js';
import {
  PayloadError,
  asArray,
  asBoolean,
  asDecimalString,
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

export const MARKETPLACE_ID = 'us-mainstreet';

/** Exact by definition (international yard and pound, 1959): 1 oz = 1/16 × 0.45359237 kg. */
const GRAMS_PER_OUNCE = 28.349523125;
/** Exact by the same definition. */
const CM_PER_INCH = 2.54;

/** `{listings: [...], nextToken?}` — the token is opaque and passed back untouched. */
export function readSearchAnswer(body: unknown): { listings: readonly unknown[]; nextToken: string | undefined } {
  const root = asRecord(body, '$');
  return {
    listings: asArray(root.listings, '$.listings'),
    nextToken: optional(root.nextToken, '$.nextToken', asNonEmptyString),
  };
}

export function listOf(root: VendorRecord, field: string): readonly unknown[] {
  return asArray(root[field], `$.${field}`);
}

export function toOfferRecord(value: unknown, path: string, logger: Logger): OfferRecord {
  const listing = asRecord(value, path);
  const currency = asNonEmptyString(listing.currency, `${path}.currency`);
  if (currency !== 'USD') throw new PayloadError(`${path}.currency`, 'USD', currency);
  const seller = asRecord(listing.seller, `${path}.seller`);
  const hazmat = optional(listing.hazmat, `${path}.hazmat`, asRecord);
  // The vendor has one title, in English, which is also the native one.
  const title = asNonEmptyString(listing.title, `${path}.title`);
  const originCountry = asNonEmptyString(listing.countryOfOrigin, `${path}.countryOfOrigin`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(listing.listingId, `${path}.listingId`),
    title,
    nativeTitle: title,
    price: fromMinor(asNonNegativeInteger(listing.priceCents, `${path}.priceCents`), 'USD'),
    originCountry,
    hsCode: optional(listing.hsCode, `${path}.hsCode`, asString),
    weightGrams: ouncesToGrams(asFiniteNumber(listing.weightOz, `${path}.weightOz`), `${path}.weightOz`),
    dimensionsCm: readDimensions(listing.dimensionsIn, `${path}.dimensionsIn`),
    availableQuantity: asNonNegativeInteger(listing.quantityAvailable, `${path}.quantityAvailable`),
    seller: {
      nativeId: asNonEmptyString(seller.sellerId, `${path}.seller.sellerId`),
      name: optional(seller.displayName, `${path}.seller.displayName`, asString),
    },
    warehouseCountries: asArray(listing.fulfillmentCountries ?? [], `${path}.fulfillmentCountries`).map((country, index) =>
      asNonEmptyString(country, `${path}.fulfillmentCountries[${index}]`),
    ),
    containsLithiumBattery: optional(hazmat?.lithiumBattery, `${path}.hazmat.lithiumBattery`, asBoolean) ?? false,
    shipsTo: readShipsTo(listing, path, originCountry, logger),
  };
}

/**
 * `shipsTo` is a list of codes, or "*" for everywhere but `excludedCountries`. Another word
 * in its place, or a code we do not know, counts as domestic only.
 */
function readShipsTo(listing: VendorRecord, path: string, originCountry: string, logger: Logger): ShipsTo {
  const shipsTo = listing.shipsTo;
  const codes = (value: unknown, at: string) => asArray(value, at).map((code, index) => asString(code, `${at}[${index}]`));
  if (shipsTo === '*') {
    const excluded = codes(listing.excludedCountries ?? [], `${path}.excludedCountries`);
    if (excluded.every(isCountryCode)) return { kind: 'WORLDWIDE', except: excluded };
  } else if (typeof shipsTo !== 'string') {
    const countries = codes(shipsTo, `${path}.shipsTo`);
    if (countries.length > 0 && countries.every(isCountryCode)) return { kind: 'ONLY', countries };
  }
  logger.warn('unknown shipsTo read as domestic only', {
    marketplace: MARKETPLACE_ID,
    path: `${path}.shipsTo`,
    shipsTo,
    excludedCountries: listing.excludedCountries,
  });
  return { kind: 'ONLY', countries: [originCountry] };
}

export function toSellerRecord(value: unknown, path: string): SellerRecord {
  const seller = asRecord(value, path);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(seller.sellerId, `${path}.sellerId`),
    name: asNonEmptyString(seller.displayName, `${path}.displayName`),
    country: asNonEmptyString(seller.countryCode, `${path}.countryCode`),
    dispatchAddress: readShipFromAddress(seller.shipFromAddress, `${path}.shipFromAddress`),
    returnPolicy: readReturnPolicy(seller.returnPolicy, `${path}.returnPolicy`),
  };
}

/**
 * `returnPolicy`: `returnsAccepted`, `returnPeriod` `{value, unit}` (days or months, only when
 * returns are accepted), `returnShippingCostPayer` `BUYER` or `SELLER`, `restockingFeePercent` a
 * decimal string to the hundredth.
 */
function readReturnPolicy(value: unknown, path: string): ReturnPolicy {
  const policy = asRecord(value, path);
  const accepted = asBoolean(policy.returnsAccepted, `${path}.returnsAccepted`);
  const payer = asString(policy.returnShippingCostPayer, `${path}.returnShippingCostPayer`);
  if (payer !== 'BUYER' && payer !== 'SELLER') throw new PayloadError(`${path}.returnShippingCostPayer`, '"BUYER" or "SELLER"', payer);
  const percent = asDecimalString(policy.restockingFeePercent, `${path}.restockingFeePercent`);
  const [whole = '0', fraction = ''] = percent.split('.');
  if (fraction.replace(/0+$/, '').length > 2) throw new PayloadError(`${path}.restockingFeePercent`, 'a percent to the hundredth', percent);
  const restockingFeeBp = Number(whole) * 100 + Number(fraction.padEnd(2, '0').slice(0, 2));
  if (restockingFeeBp > 10_000) throw new PayloadError(`${path}.restockingFeePercent`, 'at most 100 percent', percent);
  return {
    acceptsReturns: accepted,
    windowDays: accepted ? readReturnPeriod(policy.returnPeriod, `${path}.returnPeriod`) : undefined,
    returnShippingPaidBy: payer,
    restockingFeeBp,
  };
}

function readReturnPeriod(value: unknown, path: string): number {
  const period = asRecord(value, path);
  const count = asNonNegativeInteger(period.value, `${path}.value`);
  if (count === 0) throw new PayloadError(`${path}.value`, 'a period of at least 1', count);
  const unit = asString(period.unit, `${path}.unit`);
  if (unit === 'DAY') return count;
  if (unit === 'MONTH') return count * 30;
  throw new PayloadError(`${path}.unit`, '"DAY" or "MONTH"', unit);
}

function readShipFromAddress(value: unknown, path: string): PostalAddress {
  const address = asRecord(value, path);
  const part = (name: string) => asString(address[name], `${path}.${name}`);
  return postalAddress(
    {
      lines: [part('addressLine1'), optional(address.addressLine2, `${path}.addressLine2`, asString)],
      city: part('city'),
      region: part('stateOrProvince'),
      postalCode: part('postalCode'),
      country: part('countryCode'),
    },
    path,
  );
}

/**
 * The vendor gives ounces to two decimals (±0.005 oz, under 0.15 g), so rounding to the gram
 * gives back the weight the seller entered in grams.
 */
function ouncesToGrams(ounces: number, path: string): number {
  if (ounces <= 0) throw new PayloadError(path, 'a weight above 0 oz', ounces);
  return Math.max(1, Math.round(ounces * GRAMS_PER_OUNCE));
}

/** Inches to two decimals (±0.013 cm), so millimetres are exact: 5.91 in → 15.0 cm. */
function readDimensions(value: unknown, path: string): readonly [number, number, number] | undefined {
  const dimensions = optional(value, path, asRecord);
  if (dimensions === undefined) return undefined;
  const side = (name: string) => {
    const inches = asFiniteNumber(dimensions[name], `${path}.${name}`);
    if (inches <= 0) throw new PayloadError(`${path}.${name}`, 'a length above 0 in', inches);
    return Math.round(inches * CM_PER_INCH * 10) / 10;
  };
  return [side('length'), side('width'), side('height')];
}
