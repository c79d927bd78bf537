import { randomUUID } from 'node:crypto';
import type { OrderEvent, OrderEventOf, OrderEventType } from '#packages/events/index.js';

/** A new event of `type` about an order, with its own id (readers are idempotent by it), at the saga's instant. */
export function orderEvent<T extends OrderEventType>(type: T, orderId: string, at: number, data: OrderEventOf<T>['data']): OrderEvent {
  return { id: randomUUID(), type, version: 1, orderId, occurredAt: new Date(at).toISOString(), data } as OrderEvent;
}
