import { ASEAN, seedCatalog, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';

/** PasarMall's catalog: Malaysian shops, prices in ringgit, some stock held in neighbouring countries. */
export const { listings, sellers } = seedCatalog({
  seed: 'my-pasarmall',
  count: 280,
  language: 'ms',
  country: 'MY',
  minorUnitsPerUsdCent: 4.4, // sen per US cent, roughly MYR 4.40 per USD
  sellerNames: [
    'Kedai Teh Cameron',
    'Butik Sutera Kelantan',
    'Gajet Murah KL',
    'Kraf Tangan Melaka',
    'Kosmetik Ayu',
    'Mainan Ceria Johor',
    'Pustaka Ilmu',
    'Kopi Tenom Sabah',
  ],
  warehouseCountries: ['SG', 'TH', 'ID'],
  // Regional sellers: ASEAN plus the Asia-Pacific markets SE-Asian platforms' couriers serve.
  regionalDestinations: [...ASEAN, 'CN', 'JP', 'KR', 'AU'],
});

/** Item and shop ids are large numbers, as on the SE-Asian open platforms. */
export const itemIdOf = (listing: SeedListing): number => 1_840_000_000 + listing.index * 13;
export const shopIdOf = (seller: SeedSeller): number => 302_000 + seller.index * 17;

const byItemId = new Map(listings.map((listing) => [itemIdOf(listing), listing]));
const byShopId = new Map(sellers.map((seller) => [shopIdOf(seller), seller]));

export const findListing = (itemId: number): SeedListing | undefined => byItemId.get(itemId);
export const findSeller = (shopId: number): SeedSeller | undefined => byShopId.get(shopId);
