import type { ReturnResolvers, ReturnUserErrorResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';

export const Return: ReturnResolvers<Context> = {
  // Like orders, a return is its owner's alone: another key's resolves to null.
  __resolveReference: async (reference, { store, ownerKeyId }) => {
    if (ownerKeyId === undefined) return null;
    const found = await store.getReturn(reference.id);
    return found?.ownerKeyId === ownerKeyId ? found : null;
  },
  order: async (returned, _args, { store }) => {
    const order = await store.getOrder(returned.orderId);
    if (!order) throw new Error(`return ${returned.id} names a missing order ${returned.orderId}`);
    return order;
  },
  destinationCountry: async (returned, _args, { store }) => (await store.getOrder(returned.orderId))!.quote.destinationCountry,
  originCountry: async (returned, _args, { store }) => (await store.getOrder(returned.orderId))!.quote.originCountry,
  requestedAt: (returned) => new Date(returned.createdAt).toISOString(),
  label: (returned) => (returned.labelShipmentId === null ? null : { id: returned.labelShipmentId }),
  refund: (returned) => ({
    total: returned.refundTotal,
    lines: returned.refundLines.map((line) => ({ ...line })),
    issued: returned.refundedAt !== null,
    refundedAt: returned.refundedAt === null ? null : new Date(returned.refundedAt).toISOString(),
  }),
  attention: (returned) => returned.attention,
};

export const ReturnUserError: ReturnUserErrorResolvers<Context> = {
  field: (error) => (error.field === null ? null : error.field.map(String)),
};
