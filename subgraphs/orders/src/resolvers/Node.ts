import type { NodeResolvers, QueryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import type { OrderModel } from '../models.js';
import { nodeTypeOf } from './nodeTypeOf.js';

type NodeReference = { readonly __typename: 'Offer' | 'Seller' | 'Webhook'; readonly id: string };

/**
 * What `node(id:)` answers: an order straight from the store, and only the caller's own (as
 * `order(id:)`); for other types a reference the gateway completes from the subgraph that owns
 * the type, which applies its own access rules (a webhook answers only the key that made it).
 */
async function nodeOf(id: string, context: Context): Promise<OrderModel | NodeReference | null> {
  const type = nodeTypeOf(id);
  if (type === undefined) return null;
  if (type !== 'Order') return { __typename: type, id };
  return context.ownerKeyId === undefined ? null : ((await context.store.getOwnedOrder(context.ownerKeyId, id)) ?? null);
}

export const nodeQuery: Pick<QueryResolvers<Context>, 'node'> = {
  node: (_parent, { id }, context) => nodeOf(id, context),
};

export const Node: NodeResolvers<Context> = {
  __resolveType: (node) => ('__typename' in node && node.__typename !== undefined ? node.__typename : 'Order'),
  __resolveReference: (reference, context) => nodeOf(reference.id, context),
};
