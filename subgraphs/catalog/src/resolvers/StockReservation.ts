import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { StockReservationResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../globalId.js';

export const StockReservation: StockReservationResolvers<Context> = {
  id: (reservation) => toGlobalId('StockReservation', reservation),
  async offer(reservation, _args, { loaders }) {
    const offer = await loaders.offers.load({ marketplaceId: reservation.marketplaceId, nativeId: reservation.offerNativeId });
    if (offer === null) {
      throw new GraphQLError(`${reservation.marketplaceId} no longer lists offer ${reservation.offerNativeId}`, {
        extensions: { code: ErrorCode.NOT_FOUND },
      });
    }
    return offer;
  },
};
