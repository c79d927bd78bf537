import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { StockReservationResolvers } from '../__generated__/resolvers.js';
import type { OfferRecord } from '../adapters/ports.js';
import { offerReadWithHold } from '../booking/offersReadWithHold.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../globalId.js';

export const StockReservation: StockReservationResolvers<Context> = {
  id: (reservation) => toGlobalId('StockReservation', reservation),
  // The offer as read alongside the hold, where it was: no vendor call after the hold for what the
  // hold does not change. Its stock, if asked, is read again (`Offer.availableQuantity`).
  offer: (reservation, _args, { loaders }) =>
    reservation.offerReadWithHold === undefined
      ? listedOffer(loaders, reservation.marketplaceId, reservation.offerNativeId)
      : offerReadWithHold(reservation.offerReadWithHold),
};

/** The offer as the marketplace lists it now (through the lookup cache). */
export async function listedOffer(loaders: Context['loaders'], marketplaceId: string, nativeId: string): Promise<OfferRecord> {
  const offer = await loaders.offers.load({ marketplaceId, nativeId });
  if (offer === null) {
    throw new GraphQLError(`${marketplaceId} no longer lists offer ${nativeId}`, { extensions: { code: ErrorCode.NOT_FOUND } });
  }
  return offer;
}
