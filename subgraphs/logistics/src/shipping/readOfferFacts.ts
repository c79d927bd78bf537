import { isCountryCode } from '#packages/countries/index.js';
import { userInputError } from '#packages/errors/index.js';
import { parseMoney, type Money } from '#packages/money/index.js';
import {
  asArray,
  asBoolean,
  asDecimalString,
  asFiniteNumber,
  asNonEmptyString,
  asNonNegativeInteger,
  asRecord,
  asString,
  optional,
  PayloadError,
} from '#packages/validate/index.js';
import type { OfferModel } from '../models.js';
import { readHsClassification, type ConsignmentClassification } from './readHsClassification.js';

/** The physical and commercial facts of an offer that shipping is quoted from. */
export interface OfferFacts {
  readonly id: string;
  /** Present when the query asked for `shippingOptions` (its `@requires` has it). */
  readonly price: Money | undefined;
  readonly originCountry: string;
  /** The HS code customs will use, and where it comes from (the catalog's `hsClassification`). */
  readonly classification: ConsignmentClassification;
  readonly weightGrams: number;
  /** Longest side first; undefined when the seller never measured. */
  readonly dimensionsCm: readonly [number, number, number] | undefined;
  readonly warehouseCountries: readonly string[];
  readonly containsLithiumBattery: boolean;
}

/**
 * Reads the `@requires` fields of an Offer representation. The gateway fills them from the
 * catalog; anyone else calling `_entities` may not, so a missing or malformed field is the
 * caller's error, named by path: BAD_USER_INPUT on `representations`.
 */
export function readOfferFacts(offer: OfferModel): OfferFacts {
  const at = `representations[Offer ${offer.id}]`;
  try {
    const price = optional(offer.price, `${at}.price`, asRecord);
    const dimensions = optional(offer.dimensions, `${at}.dimensions`, asRecord);
    const weightGrams = asNonNegativeInteger(offer.weightGrams, `${at}.weightGrams`);
    if (weightGrams === 0) throw new PayloadError(`${at}.weightGrams`, 'at least 1 g', 0);
    return {
      id: offer.id,
      price: price === undefined ? undefined : readPrice(price, `${at}.price`),
      originCountry: country(offer.originCountry, `${at}.originCountry`),
      classification: readHsClassification(
        optional(offer.hsCode, `${at}.hsCode`, asString) ?? null,
        offer.hsClassification,
        `${at}.hsClassification`,
      ),
      weightGrams,
      dimensionsCm: dimensions === undefined ? undefined : readSides(dimensions, `${at}.dimensions`),
      warehouseCountries: asArray(offer.warehouseCountries, `${at}.warehouseCountries`).map((value, index) =>
        country(value, `${at}.warehouseCountries[${index}]`),
      ),
      containsLithiumBattery: asBoolean(offer.containsLithiumBattery, `${at}.containsLithiumBattery`),
    };
  } catch (error) {
    if (error instanceof PayloadError) throw userInputError(error.message, 'representations');
    throw error;
  }
}

function readPrice(price: Readonly<Record<string, unknown>>, path: string): Money {
  const amount = asDecimalString(price.amount, `${path}.amount`);
  const currency = asNonEmptyString(price.currency, `${path}.currency`);
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    throw new PayloadError(path, `an amount in ${currency}`, `${amount} (${error instanceof Error ? error.message : String(error)})`);
  }
}

function readSides(dimensions: Readonly<Record<string, unknown>>, path: string): readonly [number, number, number] {
  const sides = (['lengthCm', 'widthCm', 'heightCm'] as const).map((side) => {
    const value = asFiniteNumber(dimensions[side], `${path}.${side}`);
    if (value <= 0) throw new PayloadError(`${path}.${side}`, 'a length above 0 cm', value);
    return value;
  });
  const [a, b, c] = sides.sort((x, y) => y - x);
  return [a!, b!, c!];
}

function country(value: unknown, path: string): string {
  const code = asString(value, path);
  if (!isCountryCode(code)) throw new PayloadError(path, 'an ISO 3166-1 alpha-2 country code', code);
  return code;
}
