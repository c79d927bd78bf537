import type { SeedListing } from '#packages/sandbox/index.js';
import { listings, numIidOf } from '#upstreams/cn-jademarket/catalog.js';

/** An Offer representation as the gateway sends it to logistics: the key plus the `@requires` fields. */
export interface OfferRepresentation {
  __typename: 'Offer';
  id: string;
  price: { amount: string; currency: string };
  originCountry: string;
  hsCode: string | null;
  /** The catalog's checked classification; left out by callers of `_entities` that do not know it. */
  hsClassification?: { hsCode: string | null; status: string; confidence: number | null };
  weightGrams: number;
  dimensions: { lengthCm: number; widthCm: number; heightCm: number } | null;
  warehouseCountries: string[];
  containsLithiumBattery: boolean;
}

/** What the catalog would answer for a Jade Market listing (CN, prices in yuan). */
export function representationOf(listing: SeedListing): OfferRepresentation {
  const [lengthCm, widthCm, heightCm] = listing.dimensionsCm;
  return {
    __typename: 'Offer',
    id: Buffer.from(`Offer:cn-jademarket:${numIidOf(listing)}`).toString('base64url'),
    price: { amount: (listing.priceMinor / 100).toFixed(2), currency: 'CNY' },
    originCountry: listing.originCountry,
    hsCode: listing.archetype.hsCode,
    hsClassification: { hsCode: listing.archetype.hsCode, status: 'DECLARED', confidence: null },
    weightGrams: listing.weightGrams,
    dimensions: { lengthCm, widthCm, heightCm },
    warehouseCountries: listing.warehouseCountry ? [listing.warehouseCountry] : [],
    containsLithiumBattery: listing.archetype.lithiumBattery === true,
  };
}

/** The first `count` Jade Market listings, as a search page would bring them. */
export const jadeMarketPage = (count: number): OfferRepresentation[] => listings.slice(0, count).map(representationOf);

/** A hand-made offer: a 250 g tea box from China unless told otherwise. */
export function offer(overrides: Partial<OfferRepresentation> = {}): OfferRepresentation {
  return {
    __typename: 'Offer',
    id: Buffer.from(`Offer:cn-jademarket:${overrides.weightGrams ?? 250}`).toString('base64url'),
    price: { amount: '120.00', currency: 'CNY' },
    originCountry: 'CN',
    hsCode: '090210',
    hsClassification: { hsCode: '090210', status: 'DECLARED', confidence: null },
    weightGrams: 250,
    dimensions: { lengthCm: 15, widthCm: 10, heightCm: 6 },
    warehouseCountries: [],
    containsLithiumBattery: false,
    ...overrides,
  };
}
