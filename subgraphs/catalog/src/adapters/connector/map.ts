import { isCountryCode } from '#packages/countries/index.js';
import { UpstreamError, assertNever } from '#packages/errors/index.js';
import { MoneyError, parseMoney, type Money } from '#packages/money/index.js';
import { PayloadError } from '#packages/validate/index.js';
import type { MarketplaceInfo, MarketplaceOrderRecord, OfferRecord, SellerRecord, ShipsTo, StockReservationRecord } from '../ports.js';
import { postalAddress } from '../postalAddress.js';
import type { HoldMessage, ListingMessage, OrderMessage, SellerProfileMessage } from './protocol.js';

/**
 * Protocol messages into our records. The shapes were checked against the protocol already
 * (`protocol.ts`); what is left is what a schema cannot say: amounts in the marketplace's own
 * currency with its ISO 4217 digits, and country codes that exist. A breach throws a
 * `PayloadError` naming the field, which the adapter reports as off-protocol.
 */
export function toOfferRecord(listing: ListingMessage, marketplace: MarketplaceInfo, path: string): OfferRecord {
  return {
    marketplaceId: marketplace.id,
    nativeId: listing.id,
    title: listing.title,
    nativeTitle: listing.nativeTitle,
    price: money(listing.price, marketplace, `${path}.price`),
    originCountry: country(listing.originCountry, `${path}.originCountry`),
    hsCode: listing.hsCode ?? undefined,
    weightGrams: listing.weightGrams,
    dimensionsCm:
      listing.dimensionsCm === null
        ? undefined
        : [listing.dimensionsCm.lengthCm, listing.dimensionsCm.widthCm, listing.dimensionsCm.heightCm],
    availableQuantity: listing.availableQuantity,
    seller: { nativeId: listing.sellerId },
    warehouseCountries: listing.warehouseCountries.map((code, index) => country(code, `${path}.warehouseCountries[${index}]`)),
    containsLithiumBattery: listing.containsLithiumBattery,
    shipsTo: toShipsTo(listing.shipTo, `${path}.shipTo`),
  };
}

function toShipsTo(policy: ListingMessage['shipTo'], path: string): ShipsTo {
  switch (policy.scope) {
    case 'WORLDWIDE':
      return { kind: 'WORLDWIDE', except: policy.except.map((code, index) => country(code, `${path}.except[${index}]`)) };
    case 'COUNTRIES':
      return { kind: 'ONLY', countries: policy.countries.map((code, index) => country(code, `${path}.countries[${index}]`)) };
    default:
      return assertNever(policy);
  }
}

export function toSellerRecord(profile: SellerProfileMessage, marketplace: MarketplaceInfo, path: string): SellerRecord {
  const { verification, rating, returnPolicy } = profile;
  return {
    marketplaceId: marketplace.id,
    nativeId: profile.id,
    name: profile.name,
    country: country(profile.country, `${path}.country`),
    dispatchAddress: postalAddress(
      {
        ...profile.dispatchAddress,
        region: profile.dispatchAddress.region ?? undefined,
        postalCode: profile.dispatchAddress.postalCode ?? undefined,
      },
      `${path}.dispatchAddress`,
    ),
    profile: {
      memberSince: profile.memberSince,
      verification: { level: verification.level, verifiedAt: verification.verifiedAt ?? undefined },
      rating: rating === null ? undefined : readRating(rating, `${path}.rating`),
    },
    returnPolicy: {
      acceptsReturns: returnPolicy.acceptsReturns,
      windowDays: returnPolicy.windowDays ?? undefined,
      returnShippingPaidBy: returnPolicy.returnShippingPaidBy,
      restockingFeeBp: returnPolicy.restockingFeeBp ?? 0,
    },
  };
}

/** A scale whose ends are the wrong way round, or an average outside it, cannot be put on another scale. */
function readRating(rating: NonNullable<SellerProfileMessage['rating']>, path: string) {
  if (!(rating.worst < rating.best)) throw new PayloadError(`${path}.best`, `a best end above worst (${rating.worst})`, rating.best);
  if (rating.average < rating.worst || rating.average > rating.best) {
    throw new PayloadError(`${path}.average`, `an average from ${rating.worst} to ${rating.best}`, rating.average);
  }
  return rating;
}

export function toReservation(hold: HoldMessage, marketplace: MarketplaceInfo): StockReservationRecord {
  return {
    marketplaceId: marketplace.id,
    nativeId: hold.id,
    offerNativeId: hold.listingId,
    quantity: hold.quantity,
    status: hold.status,
    expiresAt: new Date(hold.expiresAt).toISOString(),
  };
}

export function toOrder(order: OrderMessage, marketplace: MarketplaceInfo): MarketplaceOrderRecord {
  return {
    marketplaceId: marketplace.id,
    nativeId: order.id,
    // Everything short of a cancellation means the order stands.
    status: order.status === 'CANCELLED' ? 'CANCELLED' : 'PLACED',
    total: money(order.total, marketplace, 'total'),
  };
}

/** A country code that is assigned: the schema only knows it is two capitals. */
function country(code: string, path: string): string {
  if (!isCountryCode(code)) throw new PayloadError(path, 'an ISO 3166-1 alpha-2 country code', code);
  return code;
}

/** An amount in the marketplace's currency, with no more digits than the currency has. */
function money(value: { amount: string; currency: string }, marketplace: MarketplaceInfo, path: string): Money {
  if (value.currency !== marketplace.currency) throw new PayloadError(`${path}.currency`, marketplace.currency, value.currency);
  try {
    return parseMoney(value.amount, marketplace.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw new PayloadError(`${path}.amount`, `an amount in ${marketplace.currency}`, value.amount);
    throw error;
  }
}

/** A payload that passed the schema but not these checks, as the off-protocol answer it is. */
export function readMessage<T>(marketplace: MarketplaceInfo, operation: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof PayloadError)) throw error;
    throw new UpstreamError({
      upstream: marketplace.id,
      failure: 'bad-response',
      message: `${marketplace.id} answered ${operation} off the connector protocol (${error.message})`,
      cause: error,
    });
  }
}
