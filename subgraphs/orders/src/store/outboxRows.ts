import type { OrderEvent } from '#packages/events/index.js';

/** The columns an event is written with, in `order_events`; `seq` and `published_at` are the store's. */
export const OUTBOX_COLUMNS = ['id', 'order_id', 'type', 'version', 'occurred_at', 'payload'] as const;

/** An event as the values of `OUTBOX_COLUMNS`: the whole event is the payload, so a reader needs no other column. */
export function outboxValues(event: OrderEvent): unknown[] {
  return [event.id, event.orderId, event.type, event.version, Date.parse(event.occurredAt), JSON.stringify(event)];
}

/**
 * PostgreSQL hands out `seq` values when rows are inserted, not when they commit: without care, a
 * reader at `seq > 41` could see 43 commit before 42 and never come back for 42. Event writers take
 * this transaction-scoped lock first, so they commit one after another, in `seq` order. SQLite has
 * a single writer and needs nothing.
 */
export const OUTBOX_WRITE_LOCK = 'tradegraph-order-events';

/** A row of `order_events` read back: its place in the stream and the event it holds. */
export function toListedEvent(row: Readonly<Record<string, unknown>>): { seq: number; event: OrderEvent } {
  return { seq: Number(row.seq), event: JSON.parse(String(row.payload)) as OrderEvent };
}
