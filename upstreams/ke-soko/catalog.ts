import { seedCatalog, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';
import { swahiliTitleOf } from './swahiliTitles.js';

/**
 * The East African Community's members (Somalia since 2024), where Soko's regional sellers ship
 * by road and regional post.
 */
const EAST_AFRICAN_COMMUNITY = ['BI', 'CD', 'KE', 'RW', 'SO', 'SS', 'TZ', 'UG'];

const seeded = seedCatalog({
  seed: 'ke-soko',
  count: 240,
  language: 'en',
  country: 'KE',
  minorUnitsPerUsdCent: 129, // KES cents per US cent, roughly KES 129 per USD (late 2025)
  sellerNames: [
    'Chai Bora Kericho',
    'Kahawa ya Nyeri',
    'Kitenge Fashions Mombasa',
    'Simu Accessories Nairobi',
    'Urembo Asili',
    'Toys za Watoto Kisumu',
    'Vitabu Bookshop Nakuru',
    'Akamba Handicrafts Machakos',
  ],
  regionalDestinations: EAST_AFRICAN_COMMUNITY,
});

/** Soko's catalog: Kenyan shops, Swahili titles with English ones, prices in whole shillings as Kenyan shops write them. */
export const listings: readonly SeedListing[] = seeded.listings.map((listing) => ({
  ...listing,
  titleNative: swahiliTitleOf(listing.archetype, listing.style),
  priceMinor: Math.max(100, Math.round(listing.priceMinor / 100) * 100),
}));
export const sellers: readonly SeedSeller[] = seeded.sellers;

export const listingIdOf = (listing: SeedListing): string => `SK-${200_000 + listing.index * 11}`;
export const sellerIdOf = (seller: SeedSeller): string => `duka-${101 + seller.index}`;

const byListingId = new Map(listings.map((listing) => [listingIdOf(listing), listing]));
const bySellerId = new Map(sellers.map((seller) => [sellerIdOf(seller), seller]));

export const findListing = (id: string): SeedListing | undefined => byListingId.get(id);
export const findSeller = (id: string): SeedSeller | undefined => bySellerId.get(id);
