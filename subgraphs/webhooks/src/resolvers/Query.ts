import type { QueryResolvers } from '../__generated__/resolvers.js';
import { requireKey } from '../access/requireKey.js';
import type { Context } from '../context.js';

export const Query: QueryResolvers<Context> = {
  webhooks: async (_parent, _args, { principal, store }) => store.listWebhooks(requireKey(principal)),
};
