import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderEventSchema, type OrderEvent } from '#packages/events/index.js';
import type { PeriodicTask } from '../src/saga/runPeriodically.js';
import { createBookingHarness, TEST_API_KEY_ID, type BookingHarness } from './support/createBookingHarness.js';
import { createTestFollower } from './support/createTestFollower.js';

/** The saga's domain events: written with the state change they report, carrying what readers need. */
describe('order events', () => {
  let harness: BookingHarness;
  let follower: PeriodicTask;
  beforeEach(async () => {
    harness = await createBookingHarness();
    follower = createTestFollower(harness);
  });
  afterEach(async () => {
    await follower.stop();
    await harness.close();
  });
  const eventsOf = async (orderId: string): Promise<OrderEvent[]> =>
    (await harness.store.listEvents(0, 1_000)).map((row) => row.event).filter((event) => event.orderId === orderId);

  it('a confirmed order publishes order.confirmed with its trade facts, from the quote and the participants', async () => {
    const { order } = await harness.place();
    const [confirmed, ...rest] = await eventsOf(order!.id);
    expect(rest).toEqual([]);
    expect(OrderEventSchema.parse(confirmed)).toEqual(confirmed);
    if (confirmed?.type !== 'order.confirmed') throw new Error(`expected order.confirmed, got ${confirmed?.type}`);
    // The key that placed it: webhooks send the order's events to that key's endpoints only.
    expect(confirmed.placedBy).toBe(TEST_API_KEY_ID);
    expect(confirmed.data.trade).toMatchObject({
      marketplace: { id: 'cn-jademarket', name: 'Jade Market' },
      seller: { id: 'cn-seller-1', country: 'CN' },
      origin: { country: 'CN', region: 'Asia' },
      destination: { country: 'DE', region: 'Europe' },
      goods: { hsCode: '090210', quantity: 2, netWeightGrams: 500, customsValue: { amount: '302.50', currency: 'CNY' } },
      charges: {
        currency: 'EUR',
        duties: { amount: '0.00' },
        taxes: { amount: '8.83' },
        total: { amount: '60.58' },
        deMinimisApplied: false,
      },
      fx: { date: '2026-11-26', perEuro: { CNY: '8.2400', USD: '1.1600' } },
      shipping: { mode: 'POSTAL', carrierId: 'post-intl', promisedTransitDays: { min: 6, max: 12 } },
      payment: { provider: 'cardnet', method: 'CARD', escrow: true },
      synthetic: false,
    });
  });

  it('a failed order publishes order.failed naming the step and code, and nothing else', async () => {
    harness.participants.script('reserveStock', () => ({ refuse: 'OUT_OF_STOCK' }));
    const { order } = await harness.place();
    const events = await eventsOf(order!.id);
    expect(events.map((event) => event.type)).toEqual(['order.failed']);
    expect(events[0]!.placedBy).toBe(TEST_API_KEY_ID);
    expect(events[0]!.data).toMatchObject({ step: 'RESERVE_STOCK', code: 'OUT_OF_STOCK' });
  });

  it('the parcel and payment stages follow in order, at the times the carrier reported', async () => {
    const { order } = await harness.place();
    const shipmentId = (await harness.orderOf(order!.id)).shipmentId!;
    const pickedUp = '2026-12-01T08:00:00.000Z';
    const delivered = '2026-12-08T16:30:00.000Z';
    harness.participants.tracking.set(shipmentId, {
      status: 'DELIVERED',
      eventStatuses: ['LABEL_CREATED', 'PICKED_UP', 'DELIVERED'],
      firstReportedAt: { PICKED_UP: pickedUp, DELIVERED: delivered },
    });
    await follower.runNow();
    await follower.runNow(); // a second look writes nothing twice
    const events = await eventsOf(order!.id);
    expect(events.map((event) => event.type)).toEqual([
      'order.confirmed',
      'shipment.dispatched',
      'payment.captured',
      'shipment.delivered',
      'escrow.released',
    ]);
    for (const event of events) expect(OrderEventSchema.safeParse(event).success).toBe(true);
    expect(events[1]!.data).toMatchObject({ dispatchedAt: pickedUp, shipmentId });
    expect(events[3]!.data).toMatchObject({ dispatchedAt: pickedUp, deliveredAt: delivered });
    expect(events[2]!.data).toMatchObject({ amount: { amount: '60.58', currency: 'EUR' } });
    expect(new Set(events.map((event) => event.id)).size).toBe(5);
  });
});
