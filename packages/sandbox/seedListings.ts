import { loadHsNomenclature } from '#packages/hs/index.js';
import {
  PRODUCT_ARCHETYPES,
  RESTRICTED_ARCHETYPES,
  STYLES,
  type Language,
  type ProductArchetype,
  type Titles,
} from './productArchetypes.js';
import { RESTRICTED_DESTINATIONS } from './restrictedDestinations.js';
import { seededRandom } from './seededRandom.js';

/** A marketplace listing before the vendor's own field names and units are put on it. */
export interface SeedListing {
  /** 0-based position in the catalog; vendors derive their native ids from it. */
  index: number;
  archetype: ProductArchetype;
  style: Titles;
  titleNative: string;
  titleEnglish: string;
  /** In minor units of the marketplace's currency. */
  priceMinor: number;
  stock: number;
  weightGrams: number;
  dimensionsCm: readonly [number, number, number];
  sellerIndex: number;
  originCountry: string;
  /** A country where the item is also stocked in an overseas warehouse, if any. */
  warehouseCountry?: string;
  /**
   * The HS code the seller declared: the archetype's for most listings, none or a wrong one for a
   * few (see `declaredHsCodes`), as real sellers leave it blank or type a heading or a retired code.
   */
  declaredHsCode: string | undefined;
}

export interface SeedSeller {
  index: number;
  name: string;
  country: string;
  /** Months on the marketplace and share of orders delivered as described, for trust signals. */
  monthsActive: number;
  positiveFeedbackPermille: number;
  /** Where the seller ships; every vendor writes it in its own style. */
  shipping: SeedShippingPolicy;
}

/** A seller's shipping policy before a vendor puts its own field names on it. */
export type SeedShippingPolicy =
  | { readonly kind: 'WORLDWIDE'; readonly except: readonly string[] }
  | { readonly kind: 'DOMESTIC' }
  | {
      readonly kind: 'REGIONAL';
      /** Includes the seller's own country. */
      readonly countries: readonly string[];
    };

export interface SeedOptions {
  seed: string;
  count: number;
  language: Language;
  country: string;
  /** How many minor units of the local currency one US cent is worth, roughly. */
  minorUnitsPerUsdCent: number;
  sellerNames: readonly string[];
  /** Countries this marketplace's sellers keep stock in abroad. */
  warehouseCountries?: readonly string[];
  /** Where this marketplace's regional sellers ship besides their own country, e.g. the EU for Germany. */
  regionalDestinations: readonly string[];
  /** Keys of `RESTRICTED_ARCHETYPES` this marketplace also lists, once each, after the seeded listings. */
  restrictedGoods?: readonly string[];
}

/** Deterministic listings and sellers: the same options always give the same catalog. */
export function seedCatalog(options: SeedOptions): { listings: SeedListing[]; sellers: SeedSeller[] } {
  const random = seededRandom(options.seed);
  const shipping = shippingPolicies(options);
  const sellers: SeedSeller[] = options.sellerNames.map((name, index) => ({
    index,
    name,
    country: options.country,
    monthsActive: random.int(2, 120),
    positiveFeedbackPermille: random.int(880, 999),
    shipping: shipping[index]!,
  }));

  const listings: SeedListing[] = [];
  for (let index = 0; index < options.count; index++) {
    const archetype = random.pick(PRODUCT_ARCHETYPES);
    const style = random.pick(STYLES);
    const separator = options.language === 'zh' || options.language === 'ja' ? '' : ' ';
    const priceFactor = 0.6 + random.next() * 0.9;
    const warehouses = options.warehouseCountries ?? [];
    const listing: SeedListing = {
      index,
      declaredHsCode: archetype.hsCode,
      archetype,
      style,
      titleNative: `${style[options.language]}${separator}${archetype.titles[options.language]}`,
      titleEnglish: `${style.en} ${archetype.titles.en}`,
      priceMinor: roundPrice(archetype.basePriceUsdCents * priceFactor * options.minorUnitsPerUsdCent),
      stock: random.next() < 0.08 ? 0 : random.int(1, 500),
      weightGrams: Math.round(archetype.weightGrams * (0.85 + random.next() * 0.3)),
      dimensionsCm: archetype.dimensionsCm,
      sellerIndex: random.int(0, sellers.length - 1),
      originCountry: options.country,
    };
    if (warehouses.length > 0 && random.next() < 0.15) listing.warehouseCountry = random.pick(warehouses);
    listings.push(listing);
  }
  declaredHsCodes(options.seed, listings);
  listings.push(...restrictedListings(options, sellers, listings.length));
  return { listings, sellers };
}

/**
 * About one listing in sixteen declares no HS code and one in sixteen a wrong one: only the heading
 * (4 digits, too short to be a classification), or a subheading that does not exist in HS 2022. The
 * draws come from their own generator, so every other field of the catalog stays as it was.
 */
function declaredHsCodes(seed: string, listings: SeedListing[]): void {
  const random = seededRandom(`${seed}:hs-codes`);
  const hs = loadHsNomenclature();
  for (const listing of listings) {
    const draw = random.next();
    const code = listing.archetype.hsCode;
    const retired = `${code.slice(0, 4)}99`;
    if (draw < 1 / 16) listing.declaredHsCode = undefined;
    else if (draw < 2 / 16) listing.declaredHsCode = draw < 1.5 / 16 || hs.get(retired) ? code.slice(0, 4) : retired;
  }
}

/**
 * One listing of each restricted good the marketplace names, appended after the seeded ones (no draw
 * from the catalog's generator, so the rest of the catalog is unchanged), sold by the first seller who
 * ships worldwide, with the code declared right: what stops it at a border is what it is.
 */
function restrictedListings(options: SeedOptions, sellers: readonly SeedSeller[], firstIndex: number): SeedListing[] {
  const seller = sellers.find((candidate) => candidate.shipping.kind === 'WORLDWIDE') ?? sellers[0]!;
  const style = STYLES[0]!;
  const separator = options.language === 'zh' || options.language === 'ja' ? '' : ' ';
  return (options.restrictedGoods ?? []).map((key, offset) => {
    const archetype = RESTRICTED_ARCHETYPES.find((candidate) => candidate.key === key);
    if (archetype === undefined) throw new Error(`restrictedGoods: no restricted archetype "${key}"`);
    return {
      index: firstIndex + offset,
      declaredHsCode: archetype.hsCode,
      archetype,
      style,
      titleNative: `${style[options.language]}${separator}${archetype.titles[options.language]}`,
      titleEnglish: `${style.en} ${archetype.titles.en}`,
      priceMinor: roundPrice(archetype.basePriceUsdCents * options.minorUnitsPerUsdCent),
      stock: 120,
      weightGrams: archetype.weightGrams,
      dimensionsCm: archetype.dimensionsCm,
      sellerIndex: seller.index,
      originCountry: options.country,
    };
  });
}

/**
 * One policy per seller: about one in six ships at home only, about one in six to a regional
 * list, the rest worldwide except the sanctioned destinations. The draws come from their own
 * generator, so the sellers' other fields and the listings stay what they were before shipping
 * existed (stored cursors and tests count on them). Shares are counts, not coin flips, so every
 * marketplace has at least one restricted seller of each kind for tests to look at.
 */
function shippingPolicies(options: SeedOptions): SeedShippingPolicy[] {
  const random = seededRandom(`${options.seed}:shipping`);
  const order = options.sellerNames.map((_name, index) => index);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const restrictedShare = Math.max(1, Math.round(order.length / 6));
  const regional = [options.country, ...options.regionalDestinations.filter((country) => country !== options.country)];
  const policies: SeedShippingPolicy[] = [];
  order.forEach((sellerIndex, rank) => {
    policies[sellerIndex] =
      rank < restrictedShare
        ? { kind: 'DOMESTIC' }
        : rank < 2 * restrictedShare
          ? { kind: 'REGIONAL', countries: regional.filter((country) => !RESTRICTED_DESTINATIONS.includes(country)) }
          : { kind: 'WORLDWIDE', except: RESTRICTED_DESTINATIONS };
  });
  return policies;
}

/** Whether a seller of this catalog ships to `country`: what a search filtered by destination must find. */
export function sellerShipsTo(seller: SeedSeller, country: string): boolean {
  switch (seller.shipping.kind) {
    case 'WORLDWIDE':
      return !seller.shipping.except.includes(country);
    case 'DOMESTIC':
      return country === seller.country;
    case 'REGIONAL':
      return seller.shipping.countries.includes(country);
  }
}

/** Shop prices move in tens of minor units: 12.30 in cent currencies, 1,230 in yen. */
function roundPrice(minor: number): number {
  return Math.max(10, Math.round(minor / 10) * 10);
}

/** Case-insensitive match of every word of the query against either title. */
export function matchesQuery(listing: SeedListing, query: string): boolean {
  const haystack = `${listing.titleNative} ${listing.titleEnglish}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}
