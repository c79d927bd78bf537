import type { MutationResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';

export const Mutation: MutationResolvers<Context> = {
  placeOrder: (_parent, { input }, { booking, principal }) => booking.placeOrder(input, principal?.keyId ?? null),
};
