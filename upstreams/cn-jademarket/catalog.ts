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
  restrictedGoods: ['lithium-battery'],
});

/** Native item ids are numeric, as on the big Chinese platforms. */
export const numIidOf = (listing: SeedListing): number => 640_000_000 + listing.index * 7;
export const sellerIdOf = (seller: SeedSeller): number => 2_200_000 + seller.index;

const byNumIid = new Map(listings.map((listing) => [numIidOf(listing), listing]));
const bySellerId = new Map(sellers.map((seller) => [sellerIdOf(seller), seller]));

export const findListing = (numIid: number): SeedListing | undefined => byNumIid.get(numIid);
export const findSeller = (sellerId: number): SeedSeller | undefined => bySellerId.get(sellerId);

/**
 * Where each shop dispatches from (发货地址), by seller index, as the platform stores it: province,
 * city, district, street detail, postcode. Real towns, streets and postal codes; house numbers are made up and no real business is meant.
 */
const DISPATCH_ADDRESSES = [
  { province: '浙江省', city: '杭州市', district: '西湖区', detail: '龙井路18号', zip: '310013' },
  { province: '江苏省', city: '苏州市', district: '姑苏区', detail: '人民路268号', zip: '215005' },
  { province: '广东省', city: '深圳市', district: '福田区', detail: '华强北路1019号', zip: '518031' },
  { province: '浙江省', city: '金华市', district: '义乌市', detail: '福田路105号', zip: '322000' },
  { province: '江西省', city: '景德镇市', district: '珠山区', detail: '莲社北路56号', zip: '333000' },
  { province: '广东省', city: '广州市', district: '越秀区', detail: '北京路88号', zip: '510030' },
  { province: '云南省', city: '普洱市', district: '思茅区', detail: '振兴大道36号', zip: '665000' },
  { province: '浙江省', city: '宁波市', district: '鄞州区', detail: '天童南路588号', zip: '315100' },
] as const;

export const dispatchAddressOf = (seller: SeedSeller) => DISPATCH_ADDRESSES[seller.index % DISPATCH_ADDRESSES.length]!;

/**
 * Each shop's after-sale terms, by seller index, as the API writes them: `no_reason_return` is a
 * period such as "7d" (returns without giving a reason) or "none"; `return_freight` says who pays
 * the parcel back. Sandbox data: no real shop's terms are meant.
 */
const AFTER_SALE = [
  { no_reason_return: '7d', return_freight: 'buyer' },
  { no_reason_return: '15d', return_freight: 'seller' },
  { no_reason_return: '7d', return_freight: 'seller' },
  { no_reason_return: 'none', return_freight: 'buyer' },
] as const;

export const afterSaleOf = (seller: SeedSeller) => AFTER_SALE[seller.index % AFTER_SALE.length]!;
