import type { WebhookAttemptResolvers, WebhookDeliveryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { enumOfEventType } from '../eventTypes.js';

const iso = (ms: number) => new Date(ms).toISOString();

export const WebhookDelivery: WebhookDeliveryResolvers<Context> = {
  eventType: (delivery) => enumOfEventType(delivery.eventType),
  createdAt: (delivery) => iso(delivery.createdAt),
  nextAttemptAt: (delivery) => (delivery.status === 'PENDING' ? iso(delivery.nextAttemptAt) : null),
  deliveredAt: (delivery) => (delivery.deliveredAt === null ? null : iso(delivery.deliveredAt)),
  attempts: (delivery, _args, { attempts }) => attempts.load(delivery.id),
};

export const WebhookAttempt: WebhookAttemptResolvers<Context> = {
  at: (attempt) => iso(attempt.at),
};
