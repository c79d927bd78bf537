import { isCountryCode } from '#packages/countries/index.js';
import type { Logger } from '#packages/log/index.js';
import { fromMinor, type Money } from '#packages/money/index.js';
import { PayloadError, type XmlElement } from '#packages/validate/index.js';
import { postalAddress } from '../postalAddress.js';
import type { OfferRecord, PostalAddress, ReturnPolicy, SellerRecord, ShipsTo } from '../ports.js';

export const MARKETPLACE_ID = 'jp-ichiba';

const EMPTY: XmlElement = { name: '', attributes: {}, children: [], text: '' };

/** The vendor's `<error><code/><message/></error>`, when a refusal can be read as one. */
export interface IchibaError {
  readonly code: string;
  readonly message: string;
}

/** The root of every successful answer; an `<error>` or anything else under HTTP 200 is not one. */
export function openResponse(root: XmlElement): XmlElement {
  if (root.name !== 'response') throw new PayloadError('$', '<response>', `<${root.name}>`);
  return root;
}

export function readError(root: XmlElement): IchibaError {
  if (root.name !== 'error') throw new PayloadError('$', '<error>', `<${root.name}>`);
  return { code: nonEmptyText(root, 'code', '$.error'), message: text(root, 'message', '$.error') };
}

/** `<Items><Item/>…</Items>`: the list element is required, each entry read at its own path. */
export function listOf<T>(
  parent: XmlElement,
  list: string,
  entry: string,
  path: string,
  read: (element: XmlElement, path: string) => T,
): T[] {
  return childrenNamed(child(parent, list, path), entry).map((element, index) => read(element, `${path}.${list}.${entry}[${index}]`));
}

/** A search answer: its items, and how many pages the vendor says the whole result has. */
export function readSearchResult(root: XmlElement, logger: Logger): { offers: OfferRecord[]; pageCount: number } {
  return {
    offers: listOf(root, 'Items', 'Item', '$', (item, path) => toOfferRecord(item, path, logger)),
    pageCount: wholeNumber(text(root, 'pageCount', '$'), '$.pageCount'),
  };
}

export function toOfferRecord(item: XmlElement, path: string, logger: Logger): OfferRecord {
  // An item stocked only at home has an empty <overseasWarehouses/> or none at all.
  const warehouses = optionalChild(item, 'overseasWarehouses', path) ?? EMPTY;
  const originCountry = nonEmptyText(item, 'originCountry', path);
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: nonEmptyText(item, 'itemCode', path),
    title: nonEmptyText(item, 'itemNameEn', path),
    nativeTitle: nonEmptyText(item, 'itemName', path),
    price: yenToMoney(text(item, 'itemPrice', path), `${path}.itemPrice`),
    originCountry,
    hsCode: optionalText(item, 'hsCode', path),
    weightGrams: readGrams(child(item, 'weight', path), `${path}.weight`),
    dimensionsCm: readPackageSize(optionalChild(item, 'packageSize', path), `${path}.packageSize`),
    availableQuantity: wholeNumber(text(item, 'stockCount', path), `${path}.stockCount`),
    seller: { nativeId: nonEmptyText(item, 'shopCode', path), name: optionalText(item, 'shopName', path) },
    warehouseCountries: childrenNamed(warehouses, 'country').map((country, index) => {
      const at = `${path}.overseasWarehouses.country[${index}]`;
      return nonEmpty(leafText(country, at), at);
    }),
    containsLithiumBattery: flag(text(item, 'lithiumBattery', path), `${path}.lithiumBattery`),
    shipsTo: readShipping(item, path, originCountry, logger),
  };
}

/**
 * `<shipOverseas>0</shipOverseas>` ships at home only. With 1, `<shipToCountries scope="selected">`
 * lists the `<country>`s, `scope="all"` means all but `<shipExcludedCountries>`. A flag, scope or
 * code we do not know counts as domestic only.
 */
function readShipping(item: XmlElement, path: string, originCountry: string, logger: Logger): ShipsTo {
  const domesticOnly: ShipsTo = { kind: 'ONLY', countries: [originCountry] };
  const overseas = text(item, 'shipOverseas', path);
  if (overseas === '0') return domesticOnly;
  const codesIn = (list: XmlElement, at: string) =>
    childrenNamed(list, 'country').map((country, index) => leafText(country, `${at}.country[${index}]`).trim());
  const shipTo = overseas === '1' ? child(item, 'shipToCountries', path) : undefined;
  const scope = shipTo?.attributes.scope;
  if (shipTo !== undefined && scope === 'selected') {
    const countries = codesIn(shipTo, `${path}.shipToCountries`);
    if (countries.length > 0 && countries.every(isCountryCode)) return { kind: 'ONLY', countries };
  } else if (shipTo !== undefined && scope === 'all') {
    const excluded = codesIn(optionalChild(item, 'shipExcludedCountries', path) ?? EMPTY, `${path}.shipExcludedCountries`);
    if (excluded.every(isCountryCode)) return { kind: 'WORLDWIDE', except: excluded };
  }
  logger.warn('unknown overseas shipping read as domestic only', { marketplace: MARKETPLACE_ID, path, shipOverseas: overseas, scope });
  return domesticOnly;
}

export function toSellerRecord(shop: XmlElement, path: string): SellerRecord {
  return {
    marketplaceId: MARKETPLACE_ID,
    nativeId: nonEmptyText(shop, 'shopCode', path),
    name: nonEmptyText(shop, 'shopName', path),
    country: nonEmptyText(shop, 'shopCountry', path),
    dispatchAddress: readShipFrom(child(shop, 'shipFrom', path), nonEmptyText(shop, 'shopCountry', path), `${path}.shipFrom`),
    returnPolicy: readHenpin(child(shop, 'henpin', path), `${path}.henpin`),
  };
}

/**
 * `<henpin>` (returns): `henpinKahi` 1 or 0, whether goods are taken back for a change of mind;
 * `henpinKigenNichi` days after arrival, when they are; `henpinSoryo` who pays the postage back,
 * `kounyusha` (the buyer) or `shop`. No restocking fee is kept back.
 */
function readHenpin(henpin: XmlElement, path: string): ReturnPolicy {
  const accepted = flag(nonEmptyText(henpin, 'henpinKahi', path), `${path}.henpinKahi`);
  const soryo = nonEmptyText(henpin, 'henpinSoryo', path);
  if (soryo !== 'kounyusha' && soryo !== 'shop') throw new PayloadError(`${path}.henpinSoryo`, '"kounyusha" or "shop"', soryo);
  let windowDays: number | undefined;
  if (accepted) {
    windowDays = wholeNumber(nonEmptyText(henpin, 'henpinKigenNichi', path), `${path}.henpinKigenNichi`);
    if (windowDays === 0) throw new PayloadError(`${path}.henpinKigenNichi`, 'a window of at least 1 day', windowDays);
  }
  return { acceptsReturns: accepted, windowDays, returnShippingPaidBy: soryo === 'kounyusha' ? 'BUYER' : 'SELLER', restockingFeeBp: 0 };
}

/** `<shipFrom>`: 〒 zipCode, prefecture, city (with ward or district), street and block number. */
function readShipFrom(shipFrom: XmlElement, country: string, path: string): PostalAddress {
  return postalAddress(
    {
      lines: [nonEmptyText(shipFrom, 'street', path)],
      city: nonEmptyText(shipFrom, 'city', path),
      region: nonEmptyText(shipFrom, 'prefecture', path),
      postalCode: nonEmptyText(shipFrom, 'zipCode', path),
      country,
    },
    path,
  );
}

/** Yen have no minor unit (ISO 4217 exponent 0): a price is digits only, "1980", never "1980.0". */
export function yenToMoney(value: string, path: string): Money {
  if (!/^[1-9]\d{0,14}$/.test(value)) throw new PayloadError(path, 'a positive whole number of yen', value);
  return fromMinor(BigInt(value), 'JPY');
}

export function wholeNumber(value: string, path: string): number {
  if (!/^\d{1,15}$/.test(value)) throw new PayloadError(path, 'a whole number ≥ 0', value);
  return Number(value);
}

function readGrams(weight: XmlElement, path: string): number {
  if (weight.attributes.unit !== 'g') throw new PayloadError(`${path}@unit`, '"g"', weight.attributes.unit);
  const grams = wholeNumber(weight.text, path);
  if (grams === 0) throw new PayloadError(path, 'a weight of at least 1 g', weight.text);
  return grams;
}

/** "15x10x6" in centimetres; shops that never measured leave it out or write zeros. */
function readPackageSize(size: XmlElement | undefined, path: string): readonly [number, number, number] | undefined {
  if (size === undefined || size.text.trim() === '') return undefined;
  if (size.attributes.unit !== 'cm') throw new PayloadError(`${path}@unit`, '"cm"', size.attributes.unit);
  const match = /^(\d+)x(\d+)x(\d+)$/.exec(size.text);
  if (!match) throw new PayloadError(path, 'a size like "15x10x6"', size.text);
  const sides = [Number(match[1]), Number(match[2]), Number(match[3])] as const;
  return sides.includes(0) ? undefined : sides;
}

function flag(value: string, path: string): boolean {
  if (value !== '0' && value !== '1') throw new PayloadError(path, '0 or 1', value);
  return value === '1';
}

function childrenNamed(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((element) => element.name === name);
}

function optionalChild(parent: XmlElement, name: string, path: string): XmlElement | undefined {
  const found = childrenNamed(parent, name);
  if (found.length > 1) throw new PayloadError(`${path}.${name}`, 'at most one element', `${found.length} elements`);
  return found[0];
}

export function child(parent: XmlElement, name: string, path: string): XmlElement {
  return optionalChild(parent, name, path) ?? missing(`${path}.${name}`);
}

function missing(path: string): never {
  throw new PayloadError(path, 'an element', undefined);
}

/** The text of a leaf element; an element where text belongs is a wrongly-shaped document. */
function leafText(element: XmlElement, path: string): string {
  if (element.children.length > 0) throw new PayloadError(path, 'text', `<${element.children[0]?.name}>`);
  return element.text;
}

function nonEmpty(value: string, path: string): string {
  const trimmed = value.trim();
  if (trimmed === '') throw new PayloadError(path, 'non-empty text', value);
  return trimmed;
}

function text(parent: XmlElement, name: string, path: string): string {
  return leafText(child(parent, name, path), `${path}.${name}`);
}

export function nonEmptyText(parent: XmlElement, name: string, path: string): string {
  return nonEmpty(text(parent, name, path), `${path}.${name}`);
}

function optionalText(parent: XmlElement, name: string, path: string): string | undefined {
  const element = optionalChild(parent, name, path);
  const value = element === undefined ? '' : leafText(element, `${path}.${name}`).trim();
  return value === '' ? undefined : value;
}
