import { ASEAN, seedCatalog, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';

/** Jade Market's catalog: Chinese sellers, prices in yuan, some stock kept in overseas warehouses. */
export const { listings, sellers } = seedCatalog({
  seed: 'cn-jademarket',
  count: 300,
  language: 'zh',
  country: 'CN',
  minorUnitsPerUsdCent: 7.2, // fen per US cent, roughly CNY 7.2 per USD
  sellerNames: ['杭州西湖茶庄', '苏州丝绸坊', '深圳数码配件', '义乌小商品', '景德镇陶艺', '广州美妆', '云南普洱', '宁波玩具厂'],
  warehouseCountries: ['DE', 'US', 'MY', 'BR'],
  // Regional sellers: ASEAN, Hong Kong and Macau, and the big neighbouring markets.
  regionalDestinations: [...ASEAN, 'HK', 'MO', 'JP', 'KR', 'AU'],
});

/** Native item ids are numeric, as on the big Chinese platforms. */
export const numIidOf = (listing: SeedListing): number => 640_000_000 + listing.index * 7;
export const sellerIdOf = (seller: SeedSeller): number => 2_200_000 + seller.index;

const byNumIid = new Map(listings.map((listing) => [numIidOf(listing), listing]));
const bySellerId = new Map(sellers.map((seller) => [sellerIdOf(seller), seller]));

export const findListing = (numIid: number): SeedListing | undefined => byNumIid.get(numIid);
export const findSeller = (sellerId: number): SeedSeller | undefined => bySellerId.get(sellerId);
