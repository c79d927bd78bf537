import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { MutationResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { ownerOf } from './ownerOf.js';
import { recordReach } from '../reach/recordReach.js';
import { recordMarketplaceOrderStatus } from '../marketplaceStatus/recordMarketplaceOrderStatus.js';

export const Mutation: MutationResolvers<Context> = {
  placeOrder: (_parent, { input }, context) => context.booking.placeOrder(input, ownerOf(context, 'placeOrder'), context.testMode),
  openDispute: (_parent, { orderId, reason, evidence }, context) =>
    context.disputes.open({ owner: ownerOf(context, 'openDispute'), orderId, reason, evidence }),
  resolveDispute(_parent, { disputeId, outcome, note }, context) {
    // the gateway asks the scope too (`@requiresScopes`); a principal signed without it is refused here as well
    if (!context.callerScopes.includes(DISPUTES_RESOLVE_SCOPE)) {
      throw new GraphQLError(`resolveDispute needs an operator key with the scope ${DISPUTES_RESOLVE_SCOPE}`, {
        extensions: { code: ErrorCode.FORBIDDEN, requiredScope: DISPUTES_RESOLVE_SCOPE },
      });
    }
    return context.disputes.resolve({ operator: ownerOf(context, 'resolveDispute'), disputeId, outcome, note: note ?? null });
  },
  requestReturn: async (_parent, { orderId, items, reason }, context) => {
    const { returned, userErrors } = await context.returns.requestReturn({ orderId, items, reason }, ownerOf(context, 'requestReturn'));
    return { return: returned, userErrors };
  },
  recordReach: (_parent, { counts }, context) => recordReach(counts, context),
  recordMarketplaceOrderStatus: (_parent, { input }, context) => recordMarketplaceOrderStatus(input, context),
};

/** The scope of operator keys that settle disputes. */
export const DISPUTES_RESOLVE_SCOPE = 'disputes:resolve';
