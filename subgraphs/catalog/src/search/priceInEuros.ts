import { convert, type ReferenceRates } from '#packages/fx/index.js';
import type { OfferRecord } from '../adapters/ports.js';

/**
 * An offer's price in euro cents at the day's reference rates, so offers priced in yuan, reais
 * and yen can be ordered by price. Undefined when the rates do not quote its currency.
 */
export function priceInEuroCents(offer: OfferRecord, rates: ReferenceRates | undefined): bigint | undefined {
  if (rates === undefined) return undefined;
  if (offer.price.currency === 'EUR') return offer.price.minor;
  try {
    return convert(offer.price, 'EUR', rates).money.minor;
  } catch {
    return undefined;
  }
}
