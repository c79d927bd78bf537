import type { z } from 'zod';
import type { LegSchema, MoneySchema, OrderEventSchema, OrderTradeSchema, ShippingModeSchema } from './schema/orderEventSchemas.js';

/** One order event, as published and consumed (see `EVENTS.md`). */
export type OrderEvent = z.infer<typeof OrderEventSchema>;
export type OrderEventType = OrderEvent['type'];
/** The event of one type. */
export type OrderEventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;
export type OrderTrade = z.infer<typeof OrderTradeSchema>;
export type EventMoney = z.infer<typeof MoneySchema>;
export type EventLeg = z.infer<typeof LegSchema>;
export type EventShippingMode = z.infer<typeof ShippingModeSchema>;

/** Every type, in the order EVENTS.md lists them. */
export const ORDER_EVENT_TYPES = [
  'order.confirmed',
  'order.failed',
  'order.cancelled',
  'shipment.dispatched',
  'shipment.delivered',
  'payment.captured',
  'payment.refunded',
  'escrow.released',
  'dispute.opened',
  'dispute.resolved',
  'return.requested',
  'order.marketplace_status',
] as const satisfies readonly OrderEventType[];
