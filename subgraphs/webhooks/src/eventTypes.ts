import { ORDER_EVENT_TYPES, type OrderEventType } from '#packages/events/index.js';
import type { WebhookEventType } from './__generated__/resolvers.js';

/** The schema's enum value of an event type: `order.confirmed` ↔ `ORDER_CONFIRMED`. */
export function enumOfEventType(type: OrderEventType): WebhookEventType {
  return type.replace('.', '_').toUpperCase() as WebhookEventType;
}

export function eventTypeOfEnum(value: WebhookEventType): OrderEventType {
  const type = ORDER_EVENT_TYPES.find((candidate) => enumOfEventType(candidate) === value);
  if (type === undefined) throw new Error(`no order event type for ${value}`);
  return type;
}
