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

/** Each shop's pickup address, by seller index, as the platform stores it. Real towns, streets and postal codes; house numbers are made up and no real business is meant. */
const PICKUP_ADDRESSES = [
  { address: 'No. 21, Jalan Besar', city: 'Tanah Rata', state: 'Pahang', zipcode: '39000' },
  { address: 'Lot 1123, Jalan Sultan Yahya Petra', city: 'Kota Bharu', state: 'Kelantan', zipcode: '15150' },
  { address: 'Lot 3.08, Plaza Low Yat, Jalan Bukit Bintang', city: 'Kuala Lumpur', state: 'Wilayah Persekutuan', zipcode: '55100' },
  { address: 'No. 45, Jalan Hang Jebat', city: 'Melaka', state: 'Melaka', zipcode: '75200' },
  { address: 'No. 8, Jalan SS 15/4', city: 'Subang Jaya', state: 'Selangor', zipcode: '47500' },
  { address: 'No. 17, Jalan Wong Ah Fook', city: 'Johor Bahru', state: 'Johor', zipcode: '80000' },
  { address: 'No. 3, Lebuh Chulia', city: 'George Town', state: 'Pulau Pinang', zipcode: '10200' },
  { address: 'Lot 9, Jalan Padas', city: 'Tenom', state: 'Sabah', zipcode: '89900' },
] as const;

export const pickupAddressOf = (seller: SeedSeller) => ({
  ...PICKUP_ADDRESSES[seller.index % PICKUP_ADDRESSES.length]!,
  region: seller.country,
});

/**
 * Each shop's return/refund setting, by seller index, as the API writes it: `return_enabled`
 * 1 or 0, `return_period_hours`, and `return_shipping_bearer` as a code (1 buyer, 2 seller).
 * Sandbox data: no real shop's terms are meant.
 */
const RETURN_REFUND = [
  { return_enabled: 1, return_period_hours: 360, return_shipping_bearer: 2 },
  { return_enabled: 1, return_period_hours: 168, return_shipping_bearer: 1 },
  { return_enabled: 0, return_period_hours: 0, return_shipping_bearer: 1 },
] as const;

export const returnRefundOf = (seller: SeedSeller) => RETURN_REFUND[seller.index % RETURN_REFUND.length]!;
