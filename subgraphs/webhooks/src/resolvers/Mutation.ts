import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import type { MutationResolvers } from '../__generated__/resolvers.js';
import { requireKey } from '../access/requireKey.js';
import type { Context } from '../context.js';
import { checkWebhookUrl } from '../delivery/checkWebhookUrl.js';
import { newWebhookSecret } from '../delivery/webhookSignature.js';
import { eventTypeOfEnum } from '../eventTypes.js';

export const Mutation: MutationResolvers<Context> = {
  async registerWebhook(_parent, { url, events }, context) {
    const owner = requireKey(context.principal);
    if (events.length === 0) throw userInputError('events: name at least one event type', 'events');
    const problem = await checkWebhookUrl(url, { allowPrivate: context.allowPrivateUrls });
    if (problem !== undefined) throw userInputError(`url: ${problem}`, 'url');
    const existing = await context.store.listWebhooks(owner);
    if (existing.length >= context.maxPerKey) {
      throw userInputError(`url: this key has ${existing.length} webhooks, the most one key may have; delete one first`, 'url');
    }
    const webhook = {
      id: `wh_${randomUUID()}`,
      owner,
      url,
      events: [...new Set(events.map(eventTypeOfEnum))],
      secret: newWebhookSecret(),
      createdAt: context.now(),
    };
    await context.store.addWebhook(webhook);
    context.logger.info('webhook registered', { webhookId: webhook.id, owner, events: webhook.events });
    return { webhook, secret: webhook.secret };
  },

  async redeliverWebhook(_parent, { deliveryId }, context) {
    const owner = requireKey(context.principal);
    // Another key's delivery is answered like a missing one: ids are not a way to learn of others' webhooks.
    const delivery = await context.store.getDelivery(owner, deliveryId);
    if (!delivery) {
      throw new GraphQLError(`deliveryId: no delivery ${deliveryId} of this key's webhooks`, {
        extensions: { code: ErrorCode.NOT_FOUND, argumentName: 'deliveryId' },
      });
    }
    const now = context.now();
    return context.store.redeliver(delivery.id, now, now + context.retryForMs);
  },

  deleteWebhook: async (_parent, { id }, context) => context.store.deleteWebhook(requireKey(context.principal), id),
};
