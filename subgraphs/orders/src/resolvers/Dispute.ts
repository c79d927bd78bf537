import type { DisputeResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';

export const Dispute: DisputeResolvers<Context> = {
  openedAt: (dispute) => new Date(dispute.openedAt).toISOString(),
  resolvedAt: (dispute) => (dispute.resolvedAt === null ? null : new Date(dispute.resolvedAt).toISOString()),
};
