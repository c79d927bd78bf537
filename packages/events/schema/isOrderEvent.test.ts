import { describe, expect, it } from 'vitest';
import { syntheticEvents } from '#subgraphs/insights/src/seed/createSyntheticHistory.js';
import { parseOrderEvent } from '../parseOrderEvent.js';
import { isOrderEvent } from './isOrderEvent.js';
import { OrderEventSchema } from './orderEventSchemas.js';

/** One of each event type, as `orders` writes them (the seeded history has confirmations and deliveries). */
const at = '2026-11-02T10:00:00.000Z';
const envelope = { id: '0b6f3a52-7a4e-4c3e-9d1a-2f1e5b9c8d7a', version: 1, orderId: 'ord_1', occurredAt: at };
const money = { amount: '12.50', currency: 'EUR' };
const OTHERS: unknown[] = [
  { ...envelope, type: 'order.failed', data: { step: 'payment', code: 'DECLINED', message: 'no', failedAt: at } },
  { ...envelope, type: 'order.cancelled', placedBy: 'key_1', data: { reason: 'buyer', cancelledAt: at, by: 'BUYER' } },
  { ...envelope, type: 'order.cancelled', placedBy: null, data: { reason: 'buyer', cancelledAt: '2026-11-02T11:00:00+01:00' } },
  { ...envelope, type: 'payment.captured', data: { paymentId: 'p', amount: money, capturedAt: at } },
  { ...envelope, type: 'payment.refunded', data: { paymentId: 'p', amount: money, refundedAt: at } },
  { ...envelope, type: 'escrow.released', data: { paymentId: 'p', amount: money, releasedAt: at } },
  { ...envelope, type: 'dispute.opened', data: { disputeId: 'd', reason: 'DAMAGED', openedAt: at } },
  { ...envelope, type: 'dispute.resolved', data: { disputeId: 'd', outcome: 'REFUND', resolvedAt: at } },
];
const valid = [...[...syntheticEvents({ orders: 40, months: 2 })].map((event) => JSON.parse(JSON.stringify(event)) as unknown), ...OTHERS];

/** Every path to a value inside `value`. */
function paths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, inner]) => paths(inner, [...prefix, key]))];
}
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
function setAt(value: unknown, path: string[], change: (parent: Record<string, unknown>, key: string) => void): unknown {
  const copy = clone(value);
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  change(parent, path[path.length - 1]!);
  return copy;
}
const REPLACEMENTS: unknown[] = [null, 0, -1, 1.5, '', 'x', 'ABC', '2026-02-30T10:00:00Z', true, [], {}];

describe('the quick check of order events', () => {
  it('accepts the events zod accepts, of every type', () => {
    for (const event of valid) {
      expect(OrderEventSchema.safeParse(event).success).toBe(true);
      expect(isOrderEvent(event), JSON.stringify(event)).toBe(true);
    }
  });

  it('never accepts what zod refuses: every value of every event removed, replaced or joined by an unknown key', () => {
    let refused = 0;
    for (const event of [valid[0]!, valid.find((e) => (e as { type: string }).type === 'shipment.delivered')!, ...OTHERS]) {
      for (const path of paths(event).filter((p) => p.length > 0)) {
        const broken = [
          setAt(event, path, (parent, key) => delete parent[key]),
          ...REPLACEMENTS.map((replacement) => setAt(event, path, (parent, key) => (parent[key] = replacement))),
          setAt(event, path, (parent, key) => {
            if (typeof parent[key] === 'object' && parent[key] !== null && !Array.isArray(parent[key]))
              (parent[key] as Record<string, unknown>).unexpected = 1;
          }),
        ];
        for (const candidate of broken) {
          const zodSays = OrderEventSchema.safeParse(candidate).success;
          if (!zodSays) refused += 1;
          if (isOrderEvent(candidate)) expect(zodSays, `${path.join('.')}: ${JSON.stringify(candidate)}`).toBe(true);
        }
      }
    }
    expect(refused).toBeGreaterThan(1_000);
  });

  it('reads an event the quick check accepts exactly as zod reads it, and still names what is wrong', () => {
    for (const event of valid) {
      const parsed = parseOrderEvent(JSON.stringify(event));
      expect(parsed).toEqual({ ok: true, event: OrderEventSchema.parse(event) });
    }
    const withExtra = { ...(valid[0] as object), note: 'kept out' };
    expect(parseOrderEvent(JSON.stringify(withExtra))).toEqual({ ok: true, event: OrderEventSchema.parse(withExtra) });
    expect(parseOrderEvent(JSON.stringify({ ...(valid[0] as object), id: 'not-a-uuid' }))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^id: /),
    });
  });
});
