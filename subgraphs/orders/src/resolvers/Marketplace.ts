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
 * A marketplace's orders and reach are its own business: only a key bound to that very marketplace
 * reads them, whichever path asked (`viewer.marketplace`, or an offer's `marketplace` in search).
 */
export const Marketplace: MarketplaceResolvers<Context> = {
  __resolveReference: (reference) => ({ id: reference.id }),
  orders: (marketplace, { first, after }, context) => {
    ownMarketplaceOnly(context, marketplace.id, 'orders');
    return pageOfOrders(first, after, (page) => context.store.listMarketplaceOrders({ marketplaceId: marketplace.id, ...page }));
  },
  async reach(marketplace, { from, to }, context) {
    ownMarketplaceOnly(context, marketplace.id, 'reach');
    const period = readReachPeriod({ from, to }, Date.now());
    return summarizeReach(await context.store.readReach({ marketplaceId: marketplace.id, ...period }), period);
  },
};

/** Needs an API key (UNAUTHENTICATED), and one bound to `marketplaceId` (FORBIDDEN, saying whose `what` it may see). */
function ownMarketplaceOnly(context: Context, marketplaceId: string, what: 'orders' | 'reach'): void {
  ownerOf(context, `Marketplace.${what}`);
  if (context.callerMarketplaceId === marketplaceId) return;
  throw forbidden(
    context.callerMarketplaceId === undefined
      ? `the ${what} of ${marketplaceId} ${what === 'orders' ? 'are' : 'is'} for its own marketplace key: this API key is bound to no marketplace`
      : `this key sees only ${context.callerMarketplaceId}'s ${what}, not ${marketplaceId}'s`,
  );
}

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
}
