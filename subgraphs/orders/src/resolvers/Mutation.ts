import type { MutationResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { ownerOf } from './ownerOf.js';

export const Mutation: MutationResolvers<Context> = {
  placeOrder: (_parent, { input }, context) => context.booking.placeOrder(input, ownerOf(context, 'placeOrder'), context.testMode),
};
