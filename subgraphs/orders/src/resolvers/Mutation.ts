import type { MutationResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { ownerOf } from './ownerOf.js';

export const Mutation: MutationResolvers<Context> = {
  placeOrder: (_parent, { input }, context) => context.booking.placeOrder(input, ownerOf(context, 'placeOrder')),
  requestReturn: async (_parent, { orderId, items, reason }, context) => {
    const { returned, userErrors } = await context.returns.requestReturn({ orderId, items, reason }, ownerOf(context, 'requestReturn'));
    return { return: returned, userErrors };
  },
};
