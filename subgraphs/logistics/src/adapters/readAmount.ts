import { parseMoney, type Money } from '#packages/money/index.js';
import { PayloadError } from '#packages/validate/index.js';

/**
 * A vendor's decimal amount in a vendor-named currency, as our `Money`. An unknown currency or
 * more decimals than the currency has is a `PayloadError` at `path`: a price is never rounded.
 */
export function readAmount(amount: string, currency: string, path: string): Money {
  try {
    return parseMoney(amount, currency);
  } catch (error) {
    throw new PayloadError(path, `an amount in ${currency} (${error instanceof Error ? error.message : String(error)})`, amount);
  }
}
