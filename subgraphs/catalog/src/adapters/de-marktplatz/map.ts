import { isCountryCode } from '#packages/countries/index.js';
import type { Logger } from '#packages/log/index.js';
import { parseMoney, type Money } from '#packages/money/index.js';
import {
  PayloadError,
  asArray,
  asBoolean,
  asDecimalString,
  asFiniteNumber,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  type VendorRecord,
} from '#packages/validate/index.js';
import { postalAddress } from '../postalAddress.js';
import type { OfferRecord, PostalAddress, ReturnPolicy, SellerRecord, ShipsTo } from '../ports.js';
import { GERMAN_STANDARD_VAT_PERCENT, exportPriceExcludingGermanVat } from './exportPriceExcludingGermanVat.js';

export const MARKETPLACE_ID = 'de-marktplatz';

/** HAL collections: `{_embedded: {items: [...]}}`; an empty collection may leave `_embedded` out. */
export function embeddedItems(body: VendorRecord): readonly unknown[] {
  const embedded = optional(body._embedded, '$._embedded', asRecord);
  return optional(embedded?.items, '$._embedded.items', asArray) ?? [];
}

/** `_links.next.href`, absent on the last page. */
export function nextHref(body: VendorRecord): string | undefined {
  const links = optional(body._links, '$._links', asRecord);
  const next = optional(links?.next, '$._links.next', asRecord);
  return next === undefined ? undefined : asNonEmptyString(next.href, '$._links.next.href');
}

export function toOfferRecord(value: unknown, path: string, logger: Logger): OfferRecord {
  const item = asRecord(value, path);
  const seller = asRecord(item.haendler, `${path}.haendler`);
  const originCountry = asNonEmptyString(item.herkunftsland, `${path}.herkunftsland`);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(item.artikelnummer, `${path}.artikelnummer`),
    title: asNonEmptyString(item.titelEnglisch, `${path}.titelEnglisch`),
    nativeTitle: asNonEmptyString(item.titel, `${path}.titel`),
    price: readExportPrice(item.preis, `${path}.preis`),
    originCountry,
    hsCode: optional(item.zolltarifnummer, `${path}.zolltarifnummer`, asString),
    weightGrams: kilogramsToGrams(asDecimalString(item.gewichtKg, `${path}.gewichtKg`), `${path}.gewichtKg`),
    dimensionsCm: readDimensions(item.abmessungenCm, `${path}.abmessungenCm`),
    availableQuantity: asNonNegativeInteger(item.bestand, `${path}.bestand`),
    seller: {
      nativeId: asNonEmptyString(seller.id, `${path}.haendler.id`),
      name: optional(seller.name, `${path}.haendler.name`, asString),
    },
    warehouseCountries: asArray(item.auslandslager ?? [], `${path}.auslandslager`).map((country, index) =>
      asNonEmptyString(country, `${path}.auslandslager[${index}]`),
    ),
    containsLithiumBattery: optional(item.lithiumAkku, `${path}.lithiumAkku`, asBoolean) ?? false,
    shipsTo: readVersand(asRecord(item.versand, `${path}.versand`), `${path}.versand`, originCountry, logger),
  };
}

/**
 * `versand.gebiet`: "INLAND" (home only), "AUSWAHL" (only `versandLaender`) or "WELTWEIT"
 * (all but `ausgenommeneLaender`). A Gebiet or Land we do not know counts as domestic only.
 */
function readVersand(versand: VendorRecord, path: string, originCountry: string, logger: Logger): ShipsTo {
  const domesticOnly: ShipsTo = { kind: 'ONLY', countries: [originCountry] };
  const gebiet = asNonEmptyString(versand.gebiet, `${path}.gebiet`);
  const laender = (field: string) =>
    asArray(versand[field] ?? [], `${path}.${field}`).map((land, index) => asString(land, `${path}.${field}[${index}]`));
  if (gebiet === 'INLAND') return domesticOnly;
  if (gebiet === 'AUSWAHL') {
    const versandLaender = laender('versandLaender');
    if (versandLaender.length > 0 && versandLaender.every(isCountryCode)) return { kind: 'ONLY', countries: versandLaender };
  } else if (gebiet === 'WELTWEIT') {
    const ausgenommen = laender('ausgenommeneLaender');
    if (ausgenommen.every(isCountryCode)) return { kind: 'WORLDWIDE', except: ausgenommen };
  }
  logger.warn('unknown Versandgebiet read as domestic only', { marketplace: MARKETPLACE_ID, path, versand });
  return domesticOnly;
}

export function toSellerRecord(value: unknown, path: string): SellerRecord {
  const seller = asRecord(value, path);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: asNonEmptyString(seller.id, `${path}.id`),
    name: asNonEmptyString(seller.firmenname, `${path}.firmenname`),
    country: asNonEmptyString(seller.land, `${path}.land`),
    dispatchAddress: readVersandadresse(seller.versandadresse, `${path}.versandadresse`),
    returnPolicy: readRueckgabe(seller.rueckgabe, `${path}.rueckgabe`),
  };
}

/**
 * `rueckgabe`: `rueckgabeFristTage` (days) and who bears the cost of sending back, `KAEUFER` or
 * `HAENDLER`. Every Marktplatz shop takes returns: consumers in the EU may withdraw from a
 * distance sale, and the vendor has no field for a shop that refuses them.
 */
function readRueckgabe(value: unknown, path: string): ReturnPolicy {
  const rueckgabe = asRecord(value, path);
  const days = asNonNegativeInteger(rueckgabe.rueckgabeFristTage, `${path}.rueckgabeFristTage`);
  if (days === 0) throw new PayloadError(`${path}.rueckgabeFristTage`, 'a window of at least 1 day', days);
  const traegt = asString(rueckgabe.ruecksendekostenTraegt, `${path}.ruecksendekostenTraegt`);
  if (traegt !== 'KAEUFER' && traegt !== 'HAENDLER')
    throw new PayloadError(`${path}.ruecksendekostenTraegt`, '"KAEUFER" or "HAENDLER"', traegt);
  return { acceptsReturns: true, windowDays: days, returnShippingPaidBy: traegt === 'KAEUFER' ? 'BUYER' : 'SELLER', restockingFeeBp: 0 };
}

/** `versandadresse`: Straße and Hausnummer apart, PLZ, Ort, Land. */
function readVersandadresse(value: unknown, path: string): PostalAddress {
  const address = asRecord(value, path);
  const part = (name: string) => asString(address[name], `${path}.${name}`);
  return postalAddress(
    { lines: [`${part('strasse')} ${part('hausnummer')}`], city: part('ort'), postalCode: part('plz'), country: part('land') },
    path,
  );
}

/**
 * `{gross: "23.80", currency: "EUR", vatRate: "19"}`. Any other rate is refused rather than
 * guessed at: the net price is only right if we remove the VAT that was actually added.
 */
function readExportPrice(value: unknown, path: string): Money {
  const price = asRecord(value, path);
  const currency = asNonEmptyString(price.currency, `${path}.currency`);
  if (currency !== 'EUR') throw new PayloadError(`${path}.currency`, 'EUR', currency);
  const vatRate = asDecimalString(price.vatRate, `${path}.vatRate`);
  if (Number(vatRate) !== Number(GERMAN_STANDARD_VAT_PERCENT)) throw new PayloadError(`${path}.vatRate`, '"19"', vatRate);
  try {
    return exportPriceExcludingGermanVat(parseMoney(asDecimalString(price.gross, `${path}.gross`), 'EUR'));
  } catch (error) {
    if (error instanceof PayloadError) throw error;
    throw new PayloadError(`${path}.gross`, 'a price in whole cents', price.gross);
  }
}

/** "0.250" kg, read digit by digit so that no float rounding touches the grams. */
function kilogramsToGrams(kilograms: string, path: string): number {
  const [whole = '0', fraction = ''] = kilograms.split('.');
  if (fraction.replace(/0+$/, '').length > 3) throw new PayloadError(path, 'kilograms to the gram', kilograms);
  const grams = Number(whole) * 1000 + Number(fraction.padEnd(3, '0').slice(0, 3));
  if (grams <= 0) throw new PayloadError(path, 'a weight above 0 kg', kilograms);
  return grams;
}

/** `{laenge, breite, hoehe}` in centimetres; optional, since not every seller measures parcels. */
function readDimensions(value: unknown, path: string): readonly [number, number, number] | undefined {
  const dimensions = optional(value, path, asRecord);
  if (dimensions === undefined) return undefined;
  const side = (name: string) => {
    const cm = asFiniteNumber(dimensions[name], `${path}.${name}`);
    if (cm <= 0) throw new PayloadError(`${path}.${name}`, 'a length above 0 cm', cm);
    return cm;
  };
  return [side('laenge'), side('breite'), side('hoehe')];
}
