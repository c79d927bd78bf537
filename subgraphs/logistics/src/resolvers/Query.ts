import type { QueryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';

export const Query: QueryResolvers<Context> = {
  carriers: (_parent, _args, { carriers }) => carriers.map((adapter) => adapter.carrier),
};
