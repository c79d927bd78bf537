import { ASEAN, seedCatalog, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';

/** Shops are known by a romaji shop code, which is also the first half of every item code. */
const SHOPS = [
  { code: 'uji-chaen', name: '宇治茶園' },
  { code: 'shizuoka-chaya', name: '静岡茶屋' },
  { code: 'kyoto-kimono', name: '京都きもの工房' },
  { code: 'akiba-gadget', name: '秋葉原ガジェット' },
  { code: 'ginza-cosme', name: '銀座コスメ' },
  { code: 'asakusa-omocha', name: '浅草おもちゃ堂' },
  { code: 'jimbocho-shoten', name: '神保町書店' },
  { code: 'arita-toki', name: '有田陶器' },
] as const;

/** Ichiba Japan's catalog: Japanese shops, prices in whole yen, some stock in overseas warehouses. */
export const { listings, sellers } = seedCatalog({
  seed: 'jp-ichiba',
  count: 320,
  language: 'ja',
  country: 'JP',
  minorUnitsPerUsdCent: 1.5, // yen per US cent, roughly JPY 150 per USD
  sellerNames: SHOPS.map((shop) => shop.name),
  warehouseCountries: ['US', 'TW', 'SG'],
  // Regional sellers: East Asia, ASEAN and Australia.
  regionalDestinations: [...ASEAN, 'CN', 'KR', 'TW', 'HK', 'AU'],
});

export const shopCodeOf = (seller: SeedSeller): string => SHOPS[seller.index]?.code ?? `shop-${seller.index}`;

/** Item codes read `shopCode:itemNumber`, so an item is always found through its shop. */
export function itemCodeOf(listing: SeedListing): string {
  const seller = sellers[listing.sellerIndex];
  return `${seller ? shopCodeOf(seller) : 'unknown'}:${10_000_000 + listing.index * 7}`;
}

const byItemCode = new Map(listings.map((listing) => [itemCodeOf(listing), listing]));
const byShopCode = new Map(sellers.map((seller) => [shopCodeOf(seller), seller]));

export const findListing = (itemCode: string): SeedListing | undefined => byItemCode.get(itemCode);
export const findSeller = (shopCode: string): SeedSeller | undefined => byShopCode.get(shopCode);
