import { randomUUID } from 'node:crypto';
import type { OrderEvent } from '#packages/events/index.js';

/** The events an escrowed order's payment goes through after booking, as orders writes them for the key `placedBy`. */
export function paymentEvents(orderId: string, placedBy: string | null, at = '2026-12-05T08:00:00.000Z'): OrderEvent[] {
  const amount = { amount: '41.37', currency: 'EUR' };
  return [
    {
      id: randomUUID(),
      type: 'payment.captured',
      version: 1,
      orderId,
      placedBy,
      occurredAt: at,
      data: { paymentId: `pay_${orderId}`, amount, capturedAt: at },
    },
    {
      id: randomUUID(),
      type: 'escrow.released',
      version: 1,
      orderId,
      placedBy,
      occurredAt: at,
      data: { paymentId: `pay_${orderId}`, amount, releasedAt: at },
    },
  ];
}

/** An `order.failed` of the key `placedBy`. */
export function failedEvent(orderId: string, placedBy: string | null): OrderEvent {
  const at = '2026-12-05T08:00:00.000Z';
  return {
    id: randomUUID(),
    type: 'order.failed',
    version: 1,
    orderId,
    placedBy,
    occurredAt: at,
    data: { step: 'AUTHORIZE_PAYMENT', code: 'PAYMENT_DECLINED', message: 'declined', failedAt: at },
  };
}
