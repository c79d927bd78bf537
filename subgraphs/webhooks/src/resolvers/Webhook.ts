import { userInputError } from '#packages/errors/index.js';
import type { WebhookResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { enumOfEventType } from '../eventTypes.js';

/** Most deliveries one page of the log may ask for. */
const MAX_DELIVERIES = 100;

export const Webhook: WebhookResolvers<Context> = {
  // `node(id:)` reaches a webhook through here: only the key that registered it sees it, as in `webhooks`
  async __resolveReference({ id }, { store, principal }) {
    if (principal?.keyId === undefined) return null;
    return (await store.listWebhooks(principal.keyId)).find((webhook) => webhook.id === id) ?? null;
  },
  events: (webhook) => webhook.events.map(enumOfEventType),
  createdAt: (webhook) => new Date(webhook.createdAt).toISOString(),
  async deliveries(webhook, { first, status }, { store }) {
    const count = first ?? 20;
    if (count < 0 || count > MAX_DELIVERIES) throw userInputError(`first: must be from 0 to ${MAX_DELIVERIES} (got ${count})`, 'first');
    return store.listDeliveries(webhook.id, { first: count, status: status ?? undefined });
  },
};
