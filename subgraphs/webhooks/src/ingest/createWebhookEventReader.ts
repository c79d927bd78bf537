import { randomUUID } from 'node:crypto';
import type { EventReader } from '#packages/events/index.js';
import type { DeliveryRecord, WebhookStore } from '../store/WebhookStore.js';

/**
 * The order events reader of webhooks: each event of an order placed with an API key is queued
 * (written to the store) for every endpoint of that key subscribed to its type. Queuing is
 * idempotent by (endpoint, event id), as the relay delivers at least once. Events of keyless
 * orders, or written before orders recorded the key, go to nobody.
 */
export function createWebhookEventReader(options: {
  name: string;
  store: WebhookStore;
  retryForMs: number;
  now?: () => number;
}): EventReader {
  const { store } = options;
  const now = options.now ?? Date.now;
  return {
    name: options.name,
    async handle(events) {
      const queued: DeliveryRecord[] = [];
      for (const event of events) {
        if (event.placedBy == null) continue;
        const at = now();
        for (const webhook of await store.subscribers(event.placedBy, event.type)) {
          queued.push({
            id: `whd_${randomUUID()}`,
            webhookId: webhook.id,
            eventId: event.id,
            eventType: event.type,
            orderId: event.orderId,
            payload: JSON.stringify(event),
            status: 'PENDING',
            createdAt: at,
            nextAttemptAt: at,
            retryUntil: at + options.retryForMs,
            deliveredAt: null,
            attemptsInRound: 0,
          });
        }
      }
      await store.enqueue(queued);
    },
    async deadLetter(letter) {
      await store.addDeadLetter(letter, now());
    },
  };
}
