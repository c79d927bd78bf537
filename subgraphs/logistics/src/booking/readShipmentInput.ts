import { userInputError } from '#packages/errors/index.js';
import { MoneyError, parseMoney } from '#packages/money/index.js';
import type { CustomsValue, LabelGoods, PostalAddress, ProductIdentifiers } from '../adapters/ports.js';

/** Longest idempotency key passed on: carriers cap theirs, and ours get a leg suffix. */
const MAX_KEY_LENGTH = 200;

/** An idempotency key every carrier can carry (a header, an XML element, a form field): 1–200 visible ASCII characters. */
export function readIdempotencyKey(key: string, argumentName: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw userInputError(`${argumentName}: 1 to ${MAX_KEY_LENGTH} visible ASCII characters`, argumentName);
  }
  return key;
}

interface PartyInput {
  readonly name: string;
  readonly line1: string;
  readonly city: string;
  readonly postalCode: string;
  readonly country: string;
  readonly phone?: string | null;
  readonly email?: string | null;
}

/** An address as carriers print it: every line present, none longer than a label has room for. */
export function readParty(input: PartyInput, argumentName: string): PostalAddress {
  const line = (value: string, field: string) => {
    const trimmed = value.trim();
    if (trimmed === '' || trimmed.length > 100)
      throw userInputError(`${argumentName}.${field}: 1 to 100 characters`, `${argumentName}.${field}`);
    return trimmed;
  };
  return {
    name: line(input.name, 'name'),
    line1: line(input.line1, 'line1'),
    city: line(input.city, 'city'),
    postalCode: line(input.postalCode, 'postalCode'),
    country: input.country,
    ...(input.phone != null && input.phone.trim() !== '' && { phone: line(input.phone, 'phone') }),
    ...(input.email != null && input.email.trim() !== '' && { email: line(input.email, 'email') }),
  };
}

interface GoodsInput {
  readonly description: string;
  readonly hsCode?: string | null;
  readonly originCountry: string;
  readonly quantity: number;
  readonly value: { readonly amount: string; readonly currency: string };
  readonly weightGrams: number;
  readonly customsValue?: { readonly value: { readonly amount: string; readonly currency: string }; readonly basis: 'CIF' | 'FOB' } | null;
  readonly productIdentifiers?: {
    readonly merchantProductId: string;
    readonly nonStandardisedId?: string | null;
    readonly standardisedId?: string | null;
  } | null;
}

/** The goods for the customs documents, and the parcel's weight (all units). */
export function readGoods(input: GoodsInput, argumentName: string): { goods: LabelGoods; weightGrams: number } {
  const description = input.description.trim();
  if (description === '' || description.length > 200)
    throw userInputError(`${argumentName}.description: 1 to 200 characters`, `${argumentName}.description`);
  if (input.hsCode != null && !/^\d{6,10}$/.test(input.hsCode)) {
    throw userInputError(`${argumentName}.hsCode: 6 to 10 digits of the Harmonized System`, `${argumentName}.hsCode`);
  }
  if (!Number.isInteger(input.weightGrams) || input.weightGrams < 1)
    throw userInputError(`${argumentName}.weightGrams: at least 1`, `${argumentName}.weightGrams`);
  const value = readPositiveMoney(input.value, `${argumentName}.value`);
  const customsValue: CustomsValue | undefined = input.customsValue
    ? { value: readPositiveMoney(input.customsValue.value, `${argumentName}.customsValue.value`), basis: input.customsValue.basis }
    : undefined;
  const productIdentifiers = input.productIdentifiers
    ? readProductIdentifiers(input.productIdentifiers, `${argumentName}.productIdentifiers`)
    : undefined;
  return {
    goods: {
      description,
      hsCode: input.hsCode ?? undefined,
      originCountry: input.originCountry,
      quantity: input.quantity,
      value,
      customsValue,
      productIdentifiers,
    },
    weightGrams: input.weightGrams,
  };
}

function readPositiveMoney(input: { readonly amount: string; readonly currency: string }, argumentName: string) {
  let value;
  try {
    value = parseMoney(input.amount, input.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw userInputError(`${argumentName}: ${error.message}`, argumentName);
    throw error;
  }
  if (value.minor <= 0n) throw userInputError(`${argumentName}: customs need a value above zero`, argumentName);
  return value;
}

/** Each id as a declaration carries it: 1 to 100 characters, no control characters; an empty optional one is none. */
function readProductIdentifiers(input: NonNullable<GoodsInput['productIdentifiers']>, argumentName: string): ProductIdentifiers {
  const id = (raw: string | null | undefined, field: string): string | undefined => {
    const trimmed = raw?.trim() ?? '';
    if (trimmed === '') return undefined;
    if (trimmed.length > 100 || /\p{Cc}/u.test(trimmed)) {
      throw userInputError(`${argumentName}.${field}: 1 to 100 characters, no control characters`, `${argumentName}.${field}`);
    }
    return trimmed;
  };
  const merchantProductId = id(input.merchantProductId, 'merchantProductId');
  if (merchantProductId === undefined) {
    throw userInputError(`${argumentName}.merchantProductId: 1 to 100 characters`, `${argumentName}.merchantProductId`);
  }
  return {
    merchantProductId,
    nonStandardisedId: id(input.nonStandardisedId, 'nonStandardisedId'),
    standardisedId: id(input.standardisedId, 'standardisedId'),
  };
}
