import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { MarketplaceResolvers, ViewerResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { ownerOf } from './ownerOf.js';
import { pageOfOrders } from './Query.js';
import { readReachPeriod } from '../reach/readReachPeriod.js';
import { summarizeReach } from '../reach/summarizeReach.js';

export const Viewer: ViewerResolvers<Context> = {
  marketplace: (_viewer, _args, context) => {
    if (context.callerMarketplaceId === undefined) {
      throw forbidden('viewer.marketplace needs a marketplace key: this API key is bound to no marketplace');
    }
    return { id: context.callerMarketplaceId };
  },
};

/**
 * A marketplace's orders are its own business: only a key bound to that very marketplace reads
 * them, whichever path asked (`viewer.marketplace`, or an offer's `marketplace` in search).
 */
export const Marketplace: MarketplaceResolvers<Context> = {
  __resolveReference: (reference) => ({ id: reference.id }),
  orders: (marketplace, { first, after }, context) => {
    ownerOf(context, 'Marketplace.orders');
    if (context.callerMarketplaceId !== marketplace.id) {
      throw forbidden(
        context.callerMarketplaceId === undefined
          ? `the orders of ${marketplace.id} are for its own marketplace key: this API key is bound to no marketplace`
          : `this key sees only ${context.callerMarketplaceId}'s orders, not ${marketplace.id}'s`,
      );
    }
    return pageOfOrders(first, after, (page) => context.store.listMarketplaceOrders({ marketplaceId: marketplace.id, ...page }));
  },
  async reach(marketplace, { from, to }, context) {
    ownerOf(context, 'Marketplace.reach');
    if (context.callerMarketplaceId !== marketplace.id) {
      throw forbidden(
        context.callerMarketplaceId === undefined
          ? `the reach of ${marketplace.id} is for its own marketplace key: this API key is bound to no marketplace`
          : `this key sees only ${context.callerMarketplaceId}'s reach, not ${marketplace.id}'s`,
      );
    }
    const period = readReachPeriod({ from, to }, Date.now());
    return summarizeReach(await context.store.readReach({ marketplaceId: marketplace.id, ...period }), period);
  },
};

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}
