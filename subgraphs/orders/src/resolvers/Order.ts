import type { OrderResolvers, OrderStepResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { FOLLOW_UP_STEPS } from '../saga/stepNames.js';
import type { OrderRecord, StepRecord } from '../store/OrderStore.js';

export const Order: OrderResolvers<Context> = {
  // `_entities` too answers only the owner: another key's order resolves to null
  __resolveReference: async (reference, { store, ownerKeyId }) =>
    ownerKeyId === undefined ? null : ((await store.getOwnedOrder(ownerKeyId, reference.id)) ?? null),
  // the app's own words about its buyer: for the key that placed the order, not for its marketplace's key
  buyerReference: (order, _args, { ownerKeyId }) => (ownerKeyId === order.ownerKeyId ? order.buyerReference : null),
  // The store keeps PENDING until the saga settles; while it undoes the finished steps, clients see COMPENSATING.
  status: (order) => (order.status === 'PENDING' && order.phase === 'COMPENSATING' ? 'COMPENSATING' : order.status),
  createdAt: (order) => new Date(order.createdAt).toISOString(),
  total: (order) => order.total,
  steps: (order, _args, { steps }) => steps.load(order.id),
  attention: async (order, _args, { steps }) => attentionOf(await steps.load(order.id)) ?? sellerCancellationOf(order),
  marketplaceStatus: ({ marketplaceStatus: kept }) =>
    kept === null ? null : { status: kept.status, cancelledBy: kept.cancelledBy, occurredAt: new Date(kept.occurredAt).toISOString() },
  // Entity references: logistics and payments resolve the rest (tracking, status, provider).
  shipment: (order) => (order.shipmentId === null ? null : { id: order.shipmentId }),
  payment: (order) => (order.paymentId === null ? null : { id: order.paymentId }),
  dispute: async (order, _args, { disputeOf, ownerKeyId }) =>
    ownerKeyId === order.ownerKeyId ? ((await disputeOf.load(order.id)) ?? null) : null,
  // like a dispute, a return is the buyer's business: a marketplace key reading its orders sees none
  return: async (order, _args, { store, ownerKeyId }) =>
    ownerKeyId === order.ownerKeyId ? ((await store.getReturnOfOrder(order.id)) ?? null) : null,
};

export const OrderStep: OrderStepResolvers<Context> = {
  name: (step) => step.name,
  status: (step) => step.status,
  at: (step) => new Date(step.updatedAt).toISOString(),
  error: (step) => step.error?.message ?? null,
  note: (step) => (step.name === 'AUTHORIZE_PAYMENT' ? (step.result?.escrowReason ?? null) : null),
};

/** Step errors that nobody will retry: a person must act. */
const ATTENTION_CODES = new Set(['COMPENSATION_FAILED', 'TRACKING_REFUSED']);

/** The first step given up for good (see `Order.attention`), as `<step>: <why>`; null when none. */
function attentionOf(steps: readonly StepRecord[]): string | null {
  const stuck = steps.find(
    (step) => step.status === 'FAILED' && step.error !== null && (ATTENTION_CODES.has(step.error.code) || isFollowUpStep(step.name)),
  );
  return stuck ? `${stuck.name}: ${stuck.error!.message}` : null;
}

function isFollowUpStep(name: string): boolean {
  return (FOLLOW_UP_STEPS as readonly string[]).includes(name);
}

/** A seller (or marketplace) cancelling at the marketplace is not undone here: a person settles the order. */
function sellerCancellationOf({ status, marketplaceStatus }: OrderRecord): string | null {
  // BUYER is our own cancellation (a booking undone); a FAILED order was undone here already
  if (marketplaceStatus?.status !== 'CANCELLED' || marketplaceStatus.cancelledBy === 'BUYER' || status === 'FAILED') return null;
  const by = marketplaceStatus.cancelledBy === 'SELLER' ? 'the seller' : 'the marketplace';
  return `PLACE_MARKETPLACE_ORDER: ${by} cancelled the order at the marketplace`;
}
