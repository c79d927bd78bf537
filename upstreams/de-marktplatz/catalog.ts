import { EU_MEMBER_STATE_LIST } from '#packages/countries/index.js';
import { seedCatalog, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';

/**
 * Marktplatz's catalog: German sellers. `priceMinor` is the seller's NET export price in euro
 * cents; the API only ever shows it with German VAT on top (see `grossCentsOf`).
 */
export const { listings, sellers } = seedCatalog({
  seed: 'de-marktplatz',
  count: 280,
  language: 'de',
  country: 'DE',
  minorUnitsPerUsdCent: 0.92, // euro cents per US cent, roughly EUR 0.92 per USD
  sellerNames: [
    'Teehaus Hamburg',
    'Kaffeerösterei Leipzig',
    'Münchner Strickwaren',
    'Handyzubehör Köln',
    'Naturkosmetik Allgäu',
    'Holzspielzeug Erzgebirge',
    'Antiquariat Weimar',
  ],
  warehouseCountries: ['US', 'CH', 'GB'],
  // Regional sellers: the EU single market plus the neighbours outside it.
  regionalDestinations: [...EU_MEMBER_STATE_LIST, 'CH', 'GB', 'NO'],
  restrictedGoods: ['riesling-wine'],
});

/** Article numbers as the vendor prints them on invoices: letters, then a running number. */
export const artikelnummerOf = (listing: SeedListing): string => `MP-${4_711_000 + listing.index * 13}`;
export const haendlerIdOf = (seller: SeedSeller): string => `H${10_200 + seller.index * 7}`;

const byArtikelnummer = new Map(listings.map((listing) => [artikelnummerOf(listing), listing]));
const byHaendlerId = new Map(sellers.map((seller) => [haendlerIdOf(seller), seller]));

export const findListing = (artikelnummer: string): SeedListing | undefined => byArtikelnummer.get(artikelnummer);
export const findSeller = (haendlerId: string): SeedSeller | undefined => byHaendlerId.get(haendlerId);

/** The sandbox's standard VAT rate, in percent: every Marktplatz price is shown with it. */
export const VAT_RATE_PERCENT = 19;

/**
 * Shelf price with 19% VAT, as German shops show prices to consumers (PAngV: prices include
 * VAT). Rounded half-up to the cent, the "kaufmännische Rundung" shops use.
 */
export const grossCentsOf = (netCents: number): number => Math.floor((netCents * (100 + VAT_RATE_PERCENT) + 50) / 100);

/** Each seller's Versandadresse, by seller index: street and house number apart, as the API writes them. Real towns, streets and postal codes; house numbers are made up and no real business is meant. */
const VERSANDADRESSEN = [
  ['Am Sandtorkai', '32', '20457', 'Hamburg'],
  ['Karl-Liebknecht-Straße', '45', '04107', 'Leipzig'],
  ['Sendlinger Straße', '12', '80331', 'München'],
  ['Ehrenstraße', '58', '50672', 'Köln'],
  ['Bahnhofstraße', '9', '87509', 'Immenstadt im Allgäu'],
  ['Hauptstraße', '71', '09548', 'Kurort Seiffen'],
  ['Schillerstraße', '6', '99423', 'Weimar'],
] as const;

export function versandadresseOf(seller: SeedSeller): Record<string, string> {
  const [strasse, hausnummer, plz, ort] = VERSANDADRESSEN[seller.index % VERSANDADRESSEN.length]!;
  return { strasse, hausnummer, plz, ort, land: seller.country };
}

/**
 * Each seller's Rückgabebedingungen, by seller index, as the API writes them: days, and who bears
 * the cost of sending back (`KAEUFER` or `HAENDLER`). Consumers in the EU may withdraw from a
 * distance contract within 14 days, so every window here is 14 days or more; many shops give
 * longer. Sandbox data: no real shop's terms are meant.
 */
const RUECKGABEN = [
  { rueckgabeFristTage: 14, ruecksendekostenTraegt: 'KAEUFER' },
  { rueckgabeFristTage: 30, ruecksendekostenTraegt: 'HAENDLER' },
  { rueckgabeFristTage: 14, ruecksendekostenTraegt: 'HAENDLER' },
  { rueckgabeFristTage: 100, ruecksendekostenTraegt: 'HAENDLER' },
  { rueckgabeFristTage: 30, ruecksendekostenTraegt: 'KAEUFER' },
] as const;

export const rueckgabeOf = (seller: SeedSeller) => RUECKGABEN[seller.index % RUECKGABEN.length]!;
