import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '#packages/log/index.js';
import { Order } from '../src/resolvers/Order.js';
import { createPaymentFollower } from '../src/saga/createPaymentFollower.js';
import type { PeriodicTask } from '../src/saga/runPeriodically.js';
import { createBookingHarness, type BookingHarness } from './support/createBookingHarness.js';
import { createTestFollower } from './support/createTestFollower.js';
import { TEST_QUOTE_KEY } from './support/testQuote.js';

describe('the payment follower', () => {
  let harness: BookingHarness;
  let follower: PeriodicTask;
  beforeEach(async () => {
    harness = await createBookingHarness();
    // Not started: each test runs rounds itself with runNow().
    follower = createTestFollower(harness);
  });
  afterEach(async () => {
    await follower.stop();
    await harness.close();
  });

  const track = (shipmentId: string, status: string, events: string[] = [status]) =>
    harness.participants.tracking.set(shipmentId, { status, eventStatuses: events, firstReportedAt: {} });
  const paymentCalls = () => harness.participants.calls.filter((call) => ['capturePayment', 'releaseEscrow'].includes(call.operation));

  it('captures on pickup and releases escrow on delivery, once each, keyed by order and step', async () => {
    const { order } = await harness.place();
    const id = order!.id;
    const shipmentId = (await harness.orderOf(id)).shipmentId!;

    await follower.runNow();
    expect(paymentCalls()).toEqual([]); // label created, not picked up yet

    track(shipmentId, 'IN_TRANSIT', ['LABEL_CREATED', 'PICKED_UP', 'IN_TRANSIT']);
    await follower.runNow();
    await follower.runNow();
    expect(paymentCalls()).toEqual([{ operation: 'capturePayment', idempotencyKey: `order:${id}:CAPTURE_PAYMENT` }]);
    expect((await harness.stepsOf(id)).slice(-2)).toEqual([
      { name: 'CAPTURE_PAYMENT', status: 'DONE' },
      { name: 'RELEASE_ESCROW', status: 'PENDING' },
    ]);

    track(shipmentId, 'DELIVERED');
    await follower.runNow();
    await follower.runNow();
    expect(paymentCalls().map((call) => call.idempotencyKey)).toEqual([`order:${id}:CAPTURE_PAYMENT`, `order:${id}:RELEASE_ESCROW`]);
    expect((await harness.stepsOf(id)).at(-1)).toEqual({ name: 'RELEASE_ESCROW', status: 'DONE' });
    expect(await harness.store.findFollowable(Date.now(), 10)).not.toContain(id);
  });

  it('captures and releases in one round when the first look already says delivered', async () => {
    const { order } = await harness.place();
    track((await harness.orderOf(order!.id)).shipmentId!, 'DELIVERED', ['PICKED_UP', 'DELIVERED']);
    await follower.runNow();
    expect(paymentCalls().map((call) => call.operation)).toEqual(['capturePayment', 'releaseEscrow']);
  });

  it('only captures a domestic order, which has no escrow to release', async () => {
    const { order } = await harness.place({}, { originCountry: 'DE', destinationCountry: 'DE' });
    track((await harness.orderOf(order!.id)).shipmentId!, 'DELIVERED');
    await follower.runNow();
    expect(paymentCalls().map((call) => call.operation)).toEqual(['capturePayment']);
    expect(await harness.store.findFollowable(Date.now(), 10)).not.toContain(order!.id);
  });

  it('tries a capture that got no answer again next round, with the same key', async () => {
    const { order } = await harness.place();
    track((await harness.orderOf(order!.id)).shipmentId!, 'PICKED_UP');
    harness.participants.script('capturePayment', (n) => (n === 1 ? { transient: true } : undefined));
    await follower.runNow();
    expect((await harness.stepsOf(order!.id)).at(-2)).toEqual({ name: 'CAPTURE_PAYMENT', status: 'RUNNING' });
    await follower.runNow();
    expect((await harness.stepsOf(order!.id)).at(-2)).toEqual({ name: 'CAPTURE_PAYMENT', status: 'DONE' });
    expect(new Set(paymentCalls().map((call) => call.idempotencyKey))).toEqual(new Set([`order:${order!.id}:CAPTURE_PAYMENT`]));
    expect(paymentCalls()).toHaveLength(2);
  });
});

describe('the payment follower facing a carrier that refuses to track a parcel', () => {
  it('backs off, flags the order for attention after a bounded number of refusals, warns once and stops asking', async () => {
    const harness = await createBookingHarness();
    let clock = Date.now();
    const lines: Array<{ level: string; msg: string }> = [];
    const follower = createPaymentFollower({
      store: harness.store,
      participants: harness.participants,
      owner: 'follower-replica',
      leaseMs: 5_000,
      intervalMs: 1_000,
      maxAttempts: 3,
      maxTrackingRefusals: 3,
      logger: createLogger('orders', { level: 'debug', write: (line) => lines.push(JSON.parse(line) as { level: string; msg: string }) }),
      quoteKey: TEST_QUOTE_KEY,
      now: () => clock,
    });
    try {
      const { order } = await harness.place();
      const id = order!.id;
      harness.participants.tracking.set((await harness.orderOf(id)).shipmentId!, {
        refused: true,
        reason: 'NOT_FOUND: carrier does not know label',
      });

      await follower.runNow(); // refusal 1
      for (let round = 0; round < 5; round++) await follower.runNow(); // backing off: not asked again yet
      expect(await harness.store.findFollowable(clock, 10)).toContain(id);
      clock += 10 * 60_000;
      await follower.runNow(); // refusal 2
      expect(await harness.store.findFollowable(clock, 10)).toContain(id);
      clock += 10 * 60_000;
      await follower.runNow(); // refusal 3: flagged

      const steps = (await harness.store.listSteps([id])).get(id)!;
      expect(steps.find((step) => step.name === 'CAPTURE_PAYMENT')).toMatchObject({
        status: 'FAILED',
        error: { code: 'TRACKING_REFUSED', message: expect.stringMatching(/refused to track the parcel 3 times.*needs attention/) },
      });
      expect(await harness.store.findFollowable(clock + 60 * 60_000, 10)).not.toContain(id);
      // the order says why a person must look at it
      const attentionOf = Order.attention as (order: unknown, args: unknown, context: unknown) => Promise<string | null>;
      const context = { steps: { load: async () => steps } };
      expect(await attentionOf(await harness.orderOf(id), {}, context)).toMatch(/^CAPTURE_PAYMENT: the carrier refused to track/);
      expect(lines.filter((line) => line.level === 'warn')).toEqual([
        expect.objectContaining({ msg: 'order flagged for attention: its parcel cannot be tracked' }),
      ]);
      expect(lines.filter((line) => line.level === 'error')).toEqual([]);
    } finally {
      await follower.stop();
      await harness.close();
    }
  });
});
