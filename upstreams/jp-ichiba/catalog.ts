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

/** Each shop's 発送元 (dispatch address), by shop: postcode, prefecture, city, street. Real towns, streets and postal codes; house numbers are made up and no real business is meant. */
const SHIP_FROM = [
  ['611-0021', '京都府', '宇治市', '宇治妙楽25'],
  ['420-0839', '静岡県', '静岡市葵区', '鷹匠2-7-1'],
  ['604-8156', '京都府', '京都市中京区', '菊水鉾町590'],
  ['101-0021', '東京都', '千代田区', '外神田1-15-8'],
  ['104-0061', '東京都', '中央区', '銀座5-6-12'],
  ['111-0032', '東京都', '台東区', '浅草1-30-4'],
  ['101-0051', '東京都', '千代田区', '神田神保町1-7'],
  ['844-0004', '佐賀県', '西松浦郡有田町', '大樽1-4-2'],
] as const;

export function shipFromOf(seller: SeedSeller): { zipCode: string; prefecture: string; city: string; street: string } {
  const [zipCode, prefecture, city, street] = SHIP_FROM[seller.index % SHIP_FROM.length]!;
  return { zipCode, prefecture, city, street };
}

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

/**
 * Each shop's 返品 (returns) terms, by seller index, as the API writes them: `henpinKahi` 1 or 0
 * (returns for a change of mind accepted or not; many shops take back only faulty goods),
 * `henpinKigenNichi` days after arrival, `henpinSoryo` who pays postage back (`kounyusha` buyer,
 * `shop`). Sandbox data: no real shop's terms are meant.
 */
const HENPIN = [
  { henpinKahi: 0, henpinSoryo: 'kounyusha' },
  { henpinKahi: 1, henpinKigenNichi: 8, henpinSoryo: 'kounyusha' },
  { henpinKahi: 0, henpinSoryo: 'kounyusha' },
  { henpinKahi: 1, henpinKigenNichi: 14, henpinSoryo: 'shop' },
] as const;

export const henpinOf = (seller: SeedSeller): Record<string, string | number> => HENPIN[seller.index % HENPIN.length]!;
