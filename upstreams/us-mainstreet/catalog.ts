import { EU_MEMBER_STATE_LIST } from '#packages/countries/index.js';
import { seedCatalog, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';

/** Main Street Market's catalog: American sellers, prices in US cents, English titles only. */
export const { listings, sellers } = seedCatalog({
  seed: 'us-mainstreet',
  count: 320,
  language: 'en',
  country: 'US',
  minorUnitsPerUsdCent: 1,
  sellerNames: [
    'Hudson Valley Tea Co.',
    'Brooklyn Roasters',
    'Austin Gadget Supply',
    'Maine Knitworks',
    'Sonoma Skin Care',
    'Midwest Toy Barn',
    'Powell Street Books',
    'Santa Fe Crafts',
  ],
  warehouseCountries: ['CA', 'MX', 'GB'],
  // Regional sellers: North America (USMCA) and the EU.
  regionalDestinations: ['CA', 'MX', ...EU_MEMBER_STATE_LIST],
});

export const listingIdOf = (listing: SeedListing): string => `MSL${500_000 + listing.index * 9}`;
export const sellerIdOf = (seller: SeedSeller): string => `MSS${7_000 + seller.index * 3}`;

const byListingId = new Map(listings.map((listing) => [listingIdOf(listing), listing]));
const bySellerId = new Map(sellers.map((seller) => [sellerIdOf(seller), seller]));

export const findListing = (listingId: string): SeedListing | undefined => byListingId.get(listingId);
export const findSeller = (sellerId: string): SeedSeller | undefined => bySellerId.get(sellerId);

/** Exact by definition (international yard and pound, 1959): 1 lb = 0.45359237 kg, 1 oz = 1/16 lb. */
export const GRAMS_PER_OUNCE = 28.349523125;
export const CM_PER_INCH = 2.54;

/** Each seller's ship-from address, by seller index, in USPS style. Real towns, streets and postal codes; house numbers are made up and no real business is meant. */
const SHIP_FROM = [
  ['214 Main Street', undefined, 'Beacon', 'NY', '12508'],
  ['45 Washington Avenue', undefined, 'Brooklyn', 'NY', '11205'],
  ['1100 S Lamar Blvd', 'Suite 210', 'Austin', 'TX', '78704'],
  ['12 Water Street', undefined, 'Hallowell', 'ME', '04347'],
  ['480 W Napa Street', undefined, 'Sonoma', 'CA', '95476'],
  ['2200 N Lincoln Avenue', undefined, 'Urbana', 'IL', '61801'],
  ['1450 Powell Street', undefined, 'San Francisco', 'CA', '94133'],
  ['125 E Palace Avenue', undefined, 'Santa Fe', 'NM', '87501'],
] as const;

export function shipFromAddressOf(seller: SeedSeller): Record<string, string | undefined> {
  const [addressLine1, addressLine2, city, stateOrProvince, postalCode] = SHIP_FROM[seller.index % SHIP_FROM.length]!;
  return { addressLine1, addressLine2, city, stateOrProvince, postalCode, countryCode: seller.country };
}

/**
 * Each seller's return policy, by seller index, as the API writes it: a period with its unit,
 * who pays return shipping, and a restocking fee in percent as a decimal string. Sandbox data: no
 * real seller's terms are meant.
 */
const RETURN_POLICIES = [
  { returnsAccepted: true, returnPeriod: { value: 30, unit: 'DAY' }, returnShippingCostPayer: 'BUYER', restockingFeePercent: '0' },
  { returnsAccepted: true, returnPeriod: { value: 60, unit: 'DAY' }, returnShippingCostPayer: 'SELLER', restockingFeePercent: '0' },
  { returnsAccepted: true, returnPeriod: { value: 30, unit: 'DAY' }, returnShippingCostPayer: 'BUYER', restockingFeePercent: '15.0' },
  { returnsAccepted: false, returnShippingCostPayer: 'BUYER', restockingFeePercent: '0' },
] as const;

export const returnPolicyOf = (seller: SeedSeller) => RETURN_POLICIES[seller.index % RETURN_POLICIES.length]!;
