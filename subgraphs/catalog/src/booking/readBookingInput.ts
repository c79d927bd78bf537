import { userInputError } from '#packages/errors/index.js';
import { MoneyError, parseMoney, type Money } from '#packages/money/index.js';

/** Longest idempotency key passed on: vendors cap theirs (255 is common), and ours get a suffix or two. */
const MAX_KEY_LENGTH = 200;
/** Most units one booking holds, as logistics quotes at most. */
const MAX_QUANTITY = 999;

/** An idempotency key every vendor can carry (a header, a form field): 1–200 visible ASCII characters. */
export function readIdempotencyKey(key: string, argumentName: string): string {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw userInputError(`${argumentName}: 1 to ${MAX_KEY_LENGTH} visible ASCII characters`, argumentName);
  }
  return key;
}

export function readQuantity(quantity: number, argumentName: string): number {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw userInputError(`${argumentName}: must be from 1 to ${MAX_QUANTITY} (got ${quantity})`, argumentName);
  }
  return quantity;
}

/** A decimal amount in `currency`, which must be the marketplace's: the order is priced in it. */
export function readUnitPrice(input: { amount: string; currency: string }, marketplaceCurrency: string, argumentName: string): Money {
  if (input.currency !== marketplaceCurrency) {
    throw userInputError(`${argumentName}.currency: the marketplace prices in ${marketplaceCurrency}, not ${input.currency}`, argumentName);
  }
  try {
    return parseMoney(input.amount, input.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw userInputError(`${argumentName}.amount: ${error.message}`, argumentName);
    throw error;
  }
}

export function readName(name: string, argumentName: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > 200) throw userInputError(`${argumentName}: 1 to 200 characters`, argumentName);
  return trimmed;
}
