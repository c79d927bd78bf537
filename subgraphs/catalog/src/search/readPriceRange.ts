import { userInputError } from '#packages/errors/index.js';
import { convert, type ReferenceRates } from '#packages/fx/index.js';
import { MoneyError, compareMoney, currencyCode, parseMoney, type Money } from '#packages/money/index.js';
import type { PriceRange } from '../__generated__/resolvers.js';
import type { OfferRecord } from '../adapters/ports.js';

export interface PriceBounds {
  contains(offer: OfferRecord, rates: ReferenceRates): boolean;
}

/** Reads `filter.price`, refusing bounds that are not amounts of its currency or are upside down. */
export function readPriceRange(range: PriceRange): PriceBounds {
  const bound = (text: string | null | undefined, field: 'min' | 'max'): Money | undefined => {
    if (text == null) return undefined;
    try {
      const money = parseMoney(text, range.currency);
      if (money.minor < 0n) throw new MoneyError('a price cannot be negative');
      return money;
    } catch (error) {
      throw userInputError(`filter.price.${field}: ${error instanceof Error ? error.message : String(error)}`, `filter.price.${field}`);
    }
  };
  const currency = currencyCode(range.currency); // the scalar has checked it already
  const min = bound(range.min, 'min');
  const max = bound(range.max, 'max');
  if (min && max && compareMoney(min, max) > 0) throw userInputError('filter.price: min is above max', 'filter.price');

  return {
    contains(offer, rates) {
      let price: Money;
      try {
        price = offer.price.currency === currency ? offer.price : convert(offer.price, currency, rates).money;
      } catch {
        return false; // no rate for its currency: it cannot be shown to be in range
      }
      return (min === undefined || compareMoney(price, min) >= 0) && (max === undefined || compareMoney(price, max) <= 0);
    },
  };
}
