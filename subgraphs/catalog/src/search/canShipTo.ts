import { assertNever } from '#packages/errors/index.js';
import type { OfferRecord } from '../adapters/ports.js';

/** Whether the offer's seller ships to `country` (ISO 3166-1 alpha-2), as the marketplace told us. */
export function canShipTo(offer: Pick<OfferRecord, 'shipsTo'>, country: string): boolean {
  const { shipsTo } = offer;
  switch (shipsTo.kind) {
    case 'WORLDWIDE':
      return !shipsTo.except.includes(country);
    case 'ONLY':
      return shipsTo.countries.includes(country);
    default:
      return assertNever(shipsTo);
  }
}
