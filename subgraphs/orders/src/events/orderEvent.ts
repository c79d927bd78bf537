import { randomUUID } from 'node:crypto';
import type { OrderEvent, OrderEventOf, OrderEventType } from '#packages/events/index.js';

import type { OrderRecord } from '../store/OrderStore.js';

/** A new event of `type` about an order, with its own id (readers are idempotent by it), at the saga's instant. */
export function orderEvent<T extends OrderEventType>(
  type: T,
  order: Pick<OrderRecord, 'id' | 'ownerKeyId'>,
  at: number,
  data: OrderEventOf<T>['data'],
): OrderEvent {
  return {
    id: randomUUID(),
    type,
    version: 1,
    orderId: order.id,
    // The owner, for readers that scope by key (webhooks); null for an order older than owners ('').
    placedBy: order.ownerKeyId === '' ? null : order.ownerKeyId,
    occurredAt: new Date(at).toISOString(),
    data,
  } as OrderEvent;
}
