import { userInputError } from '#packages/errors/index.js';
import type { QueryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import type { OrderConnectionModel } from '../models.js';
import type { OrderRecord } from '../store/OrderStore.js';
import { ownerOf } from './ownerOf.js';

/** Most orders one page may ask for. */
export const MAX_PAGE_SIZE = 100;

export const Query: QueryResolvers<Context> = {
  // another key's order does not exist for this one: null, exactly as for an unknown id
  order: async (_parent, { id }, context) => (await context.store.getOwnedOrder(ownerOf(context, 'order'), id)) ?? null,

  orders(_parent, { first, after }, context) {
    const owner = ownerOf(context, 'orders');
    return pageOfOrders(first, after, (page) => context.store.listOrders({ owner, ...page }));
  },

  viewer: (_parent, _args, context) => {
    ownerOf(context, 'viewer');
    return {};
  },
};

/**
 * A page of orders, newest first, from `list` (asked for one more than the page, to know whether
 * another follows), Relay style: for `orders` and `Marketplace.orders`.
 */
export async function pageOfOrders(
  first: number | null | undefined,
  after: string | null | undefined,
  list: (page: { first: number; after: { createdAt: number; id: string } | undefined }) => Promise<OrderRecord[]>,
): Promise<OrderConnectionModel> {
  const pageSize = first ?? 10;
  if (pageSize < 0 || pageSize > MAX_PAGE_SIZE)
    throw userInputError(`first: must be from 0 to ${MAX_PAGE_SIZE} (got ${pageSize})`, 'first');
  const position = after == null ? undefined : decodeOrderCursor(after);
  const found = await list({ first: pageSize + 1, after: position });
  const page = found.slice(0, pageSize);
  const edges = page.map((order) => ({ cursor: encodeOrderCursor(order), node: order }));
  return {
    edges,
    pageInfo: {
      hasNextPage: found.length > pageSize,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: position !== undefined,
      startCursor: edges[0]?.cursor ?? null,
    },
  };
}

/** A cursor is the position of an order in the newest-first list: its creation instant and id. */
export function encodeOrderCursor(order: Pick<OrderRecord, 'createdAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([order.createdAt, order.id]), 'utf8').toString('base64url');
}

function decodeOrderCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parts) && parts.length === 2 && Number.isSafeInteger(parts[0]) && typeof parts[1] === 'string') {
      return { createdAt: parts[0] as number, id: parts[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw userInputError('after: not a cursor from `orders`', 'after');
}
