import { assertNever } from '#packages/errors/index.js';
import type { OfferResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { wasReadWithHold } from '../booking/offersReadWithHold.js';
import { fromGlobalId, toGlobalId } from '../globalId.js';
import { listedOffer } from './StockReservation.js';

export const Offer: OfferResolvers<Context> = {
  __resolveReference: (reference, { adapters, loaders }) =>
    loaders.offers.load(fromGlobalId('Offer', reference.id, 'id', new Set(adapters.keys()))),
  id: (offer) => toGlobalId('Offer', offer),
  dimensions: (offer) =>
    offer.dimensionsCm === undefined
      ? null
      : { lengthCm: offer.dimensionsCm[0], widthCm: offer.dimensionsCm[1], heightCm: offer.dimensionsCm[2] },
  hsCode: (offer) => offer.hsCode ?? null,
  // A stock reservation's offer may have been read before its hold took the stock: read it again.
  availableQuantity: (offer, _args, { loaders }) =>
    wasReadWithHold(offer)
      ? listedOffer(loaders, offer.marketplaceId, offer.nativeId).then((listed) => listed.availableQuantity)
      : offer.availableQuantity,
  hsClassification: (offer, _args, { loaders }) => loaders.classifications.load(offer),
  shipsTo: ({ shipsTo }) => {
    switch (shipsTo.kind) {
      case 'WORLDWIDE':
        return { worldwide: true, countries: [], except: [...shipsTo.except] };
      case 'ONLY':
        return { worldwide: false, countries: [...shipsTo.countries], except: [] };
      default:
        return assertNever(shipsTo);
    }
  },
  marketplace: (offer, _args, { adapters }) => marketplaceOf(adapters, offer.marketplaceId),
  seller: (offer) => ({ marketplaceId: offer.marketplaceId, ...offer.seller }),
};

export function marketplaceOf(adapters: Context['adapters'], id: string) {
  const adapter = adapters.get(id);
  if (!adapter) throw new Error(`No adapter for marketplace ${id}`);
  return adapter.marketplace;
}
