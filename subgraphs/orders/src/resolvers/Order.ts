import type { OrderResolvers, OrderStepResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';

export const Order: OrderResolvers<Context> = {
  __resolveReference: async (reference, { store }) => (await store.getOrder(reference.id)) ?? null,
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
  note: (step) => (step.name === 'AUTHORIZE_PAYMENT' ? (step.result?.escrowReason ?? null) : null),
};
