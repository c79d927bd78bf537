import { userInputError } from '#packages/errors/index.js';
import { parseCountryOnly } from '#packages/scalars/index.js';
import { findControlCharacter } from '#packages/validate/index.js';
import type { PlaceOrderInput } from '../__generated__/resolvers.js';
import type { UserErrorModel } from '../models.js';
import type { BuyerDetails } from '../store/OrderStore.js';

/** The payment methods booking knows; the payments subgraph routes each to a provider. */
export const PAYMENT_METHODS = ['CARD', 'WALLET', 'PIX', 'FPX'] as const;

/** A request as booking keeps it: trimmed, canonical case, optional parts as null. */
export interface NormalizedPlaceOrder {
  readonly quoteId: string;
  readonly idempotencyKey: string;
  readonly buyer: BuyerDetails;
  readonly paymentMethod: (typeof PAYMENT_METHODS)[number];
  /** The app's own reference for its buyer; null when none was given. */
  readonly buyerReference: string | null;
}

const MAX_TEXT = 200;
const MAX_KEY = 255;
const MAX_REFERENCE = 100;
// Deliberately plain: one @, no spaces, a dot in the domain. Deliverability is the mail server's business.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{4,24}$/;

/**
 * Checks a placeOrder input before anything is reserved, booked or charged, and puts it in a
 * canonical form (so equal requests hash alike). Every problem is reported, each with its field
 * path, e.g. `["input", "buyer", "email"]`. The quote itself is checked later, against its
 * signature (`verifyQuote`), once the idempotency key is known to be new.
 *
 * Control characters in the buyer's text are not a mistake to correct but input no form produces
 * (NUL, ESC, CR/LF, a bidi override): they are refused outright with BAD_USER_INPUT naming the
 * field, before anything else, so they are never stored nor sent on to a vendor.
 */
export function normalizePlaceOrderInput(input: PlaceOrderInput): { value: NormalizedPlaceOrder } | { errors: UserErrorModel[] } {
  refuseControlCharacters(input);
  const errors: UserErrorModel[] = [];
  const text = (value: string | null | undefined, field: readonly string[], what: string, max = MAX_TEXT): string => {
    const trimmed = (value ?? '').trim();
    if (trimmed === '') errors.push(invalid(field, `${what} is required`));
    else if (trimmed.length > max) errors.push(invalid(field, `${what} is longer than ${max} characters`));
    return trimmed;
  };
  const optionalText = (value: string | null | undefined, field: readonly string[], what: string): string | null => {
    const trimmed = (value ?? '').trim();
    return trimmed === '' ? null : text(trimmed, field, what);
  };

  const idempotencyKey = text(input.idempotencyKey, ['input', 'idempotencyKey'], 'an idempotency key', MAX_KEY);
  const quoteId = text(input.quoteId, ['input', 'quoteId'], 'a quote id (from landedCost.quoteId)', 8_192);
  const name = text(input.buyer.name, ['input', 'buyer', 'name'], "the buyer's name");
  const email = text(input.buyer.email, ['input', 'buyer', 'email'], "the buyer's email").toLowerCase();
  if (email !== '' && !EMAIL.test(email))
    errors.push(invalid(['input', 'buyer', 'email'], `"${input.buyer.email}" is not an email address`));
  const buyerReference = optionalText(input.buyerReference, ['input', 'buyerReference'], 'the buyer reference');
  if (buyerReference !== null && buyerReference.length > MAX_REFERENCE)
    errors.push(invalid(['input', 'buyerReference'], `the buyer reference is longer than ${MAX_REFERENCE} characters`));
  const phone = optionalText(input.buyer.phone, ['input', 'buyer', 'phone'], "the buyer's phone");
  if (phone !== null && !PHONE.test(phone)) errors.push(invalid(['input', 'buyer', 'phone'], `"${phone}" is not a phone number`));
  const address = input.buyer.address;
  const at = (field: string) => ['input', 'buyer', 'address', field];
  const buyer: BuyerDetails = {
    name,
    email,
    phone,
    address: {
      line1: text(address.line1, at('line1'), 'the first address line'),
      line2: optionalText(address.line2, at('line2'), 'the second address line'),
      city: text(address.city, at('city'), 'the city'),
      postalCode: text(address.postalCode, at('postalCode'), 'the postal code', 20),
      country: address.country.trim().toUpperCase(),
    },
  };
  // The scalar admits a subdivision; an address's country is the country (the quote carries the region).
  const country = parseCountryOnly(address.country);
  if ('problem' in country) errors.push(invalid(at('country'), country.problem));
  // The enum already refused an unknown method; kept as a check for callers that bypass the schema.
  const method: string = input.payment.method;
  if (!isPaymentMethod(method)) {
    errors.push(
      invalid(
        ['input', 'payment', 'method'],
        `"${input.payment.method}" is not a payment method; use one of ${PAYMENT_METHODS.join(', ')}`,
      ),
    );
  }
  if (errors.length > 0 || !isPaymentMethod(method)) return { errors };
  return { value: { quoteId, idempotencyKey, buyer, paymentMethod: method, buyerReference } };
}

function refuseControlCharacters(input: PlaceOrderInput): void {
  const { buyer } = input;
  const fields: Array<[string, string | null | undefined]> = [
    ['input.buyerReference', input.buyerReference],
    ['input.buyer.name', buyer.name],
    ['input.buyer.email', buyer.email],
    ['input.buyer.phone', buyer.phone],
    ['input.buyer.address.line1', buyer.address.line1],
    ['input.buyer.address.line2', buyer.address.line2],
    ['input.buyer.address.city', buyer.address.city],
    ['input.buyer.address.postalCode', buyer.address.postalCode],
  ];
  for (const [field, value] of fields) {
    const found = value == null ? undefined : findControlCharacter(value);
    if (found !== undefined) throw userInputError(`${field}: control character ${found} is not allowed in a buyer's details`, field);
  }
}

function isPaymentMethod(value: string): value is NormalizedPlaceOrder['paymentMethod'] {
  return (PAYMENT_METHODS as readonly string[]).includes(value);
}

function invalid(field: readonly string[], message: string): UserErrorModel {
  return { code: 'INVALID_INPUT', message: `${field.slice(1).join('.')}: ${message}`, field };
}
