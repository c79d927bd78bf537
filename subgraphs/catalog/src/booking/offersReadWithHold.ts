import type { OfferRecord } from '../adapters/ports.js';

/**
 * Offers a stock reservation answers with as they were read alongside its hold
 * (`StockReservationRecord.offerReadWithHold`): their `availableQuantity` may be from before the
 * hold, so `Offer.availableQuantity` reads it again for them, once the hold is made.
 */
const readWithHold = new WeakSet<OfferRecord>();

/** A copy of `offer` that `Offer.availableQuantity` knows to read again. */
export function offerReadWithHold(offer: OfferRecord): OfferRecord {
  const copy = { ...offer };
  readWithHold.add(copy);
  return copy;
}

export const wasReadWithHold = (offer: OfferRecord): boolean => readWithHold.has(offer);
