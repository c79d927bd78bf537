import type { OrderResolvers, OrderStepResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';

export const Order: OrderResolvers<Context> = {
  // `_entities` too answers only the owner: another key's order resolves to null
  __resolveReference: async (reference, { store, ownerKeyId }) =>
    ownerKeyId === undefined ? null : ((await store.getOwnedOrder(ownerKeyId, reference.id)) ?? null),
  buyerReference: (order) => order.buyerReference,
  status: (order) => order.status,
  createdAt: (order) => new Date(order.createdAt).toISOString(),
  total: (order) => order.total,
  steps: (order, _args, { steps }) => steps.load(order.id),
  // Entity references: logistics and payments resolve the rest (tracking, status, provider).
  shipment: (order) => (order.shipmentId === null ? null : { id: order.shipmentId }),
  payment: (order) => (order.paymentId === null ? null : { id: order.paymentId }),
};

export const OrderStep: OrderStepResolvers<Context> = {
  name: (step) => step.name,
  status: (step) => step.status,
  at: (step) => new Date(step.updatedAt).toISOString(),
  error: (step) => step.error?.message ?? null,
};
