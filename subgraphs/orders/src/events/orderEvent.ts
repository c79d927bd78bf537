import { randomUUID } from 'node:crypto';
import type { OrderEvent, OrderEventOf, OrderEventType } from '#packages/events/index.js';

import type { OrderRecord } from '../store/OrderStore.js';

/** A new event of `type` about an order, with its own id (readers are idempotent by it), at the saga's instant. */
export function orderEvent<T extends OrderEventType>(
  type: T,
  order: Pick<OrderRecord, 'id' | 'placedBy'>,
  at: number,
  data: OrderEventOf<T>['data'],
): OrderEvent {
  return {
    id: randomUUID(),
    type,
    version: 1,
    orderId: order.id,
    placedBy: order.placedBy,
    occurredAt: new Date(at).toISOString(),
    data,
  } as OrderEvent;
}
