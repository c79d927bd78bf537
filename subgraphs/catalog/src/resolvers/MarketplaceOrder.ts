import type { MarketplaceOrderResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../globalId.js';
import { marketplaceOf } from './Offer.js';

export const MarketplaceOrder: MarketplaceOrderResolvers<Context> = {
  id: (order) => toGlobalId('MarketplaceOrder', order),
  marketplace: (order, _args, { adapters }) => marketplaceOf(adapters, order.marketplaceId),
};
