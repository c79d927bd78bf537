import type { Logger } from '#packages/log/index.js';
import type { OrderRecord, OrderStore, StepRecord } from '../store/OrderStore.js';
import { followUpEvents, type FollowUpEvents } from '../events/followUpEvents.js';
import { classifyFailure } from './classifyFailure.js';
import { stepIdempotencyKey } from './idempotencyKeys.js';
import type { PaymentState, Participants, ShipmentTracking } from './Participants.js';
import { runPeriodically, type PeriodicTask } from './runPeriodically.js';
import type { FollowUpStepName } from './stepNames.js';

/** Confirmed orders looked at per round; tracking for all of them is one request. */
const BATCH = 50;

/** Statuses that mean the carrier has the parcel. */
const IN_CARRIER_HANDS = new Set(['PICKED_UP', 'IN_TRANSIT', 'AT_HUB', 'CUSTOMS', 'OUT_FOR_DELIVERY', 'DELIVERED']);

export interface PaymentFollowerOptions {
  store: OrderStore;
  participants: Participants;
  owner: string;
  leaseMs: number;
  intervalMs: number;
  /** Attempts of a capture or release without an answer before the step is FAILED for a person to look at. */
  maxAttempts: number;
  logger: Logger;
  /** To read the booked quote into the dispatch and delivery events. */
  quoteKey: Buffer;
  now?: () => number;
}

/**
 * Follows confirmed orders' parcels: captures the payment once the carrier reports pickup, and
 * releases escrow once it reports delivery. Both are steps of the order (CAPTURE_PAYMENT,
 * RELEASE_ESCROW), written before and after the call, with keys from order id and step name, so
 * a second replica or a restart never captures or releases twice.
 */
export function createPaymentFollower(options: PaymentFollowerOptions): PeriodicTask {
  const { store, participants, owner, logger } = options;
  const now = options.now ?? Date.now;

  async function followOnce(): Promise<void> {
    const ids = await store.findFollowable(now(), BATCH);
    if (ids.length === 0) return;
    const orders = (await Promise.all(ids.map((id) => store.getOrder(id)))).filter(
      (order): order is OrderRecord => order?.shipmentId != null,
    );
    const tracking = await participants.trackShipments(orders.map((order) => order.shipmentId!));
    const steps = await store.listSteps(orders.map((order) => order.id));
    for (const order of orders) {
      const parcel = tracking.get(order.shipmentId!);
      if (!parcel) continue;
      if (!(await store.claimLease(order.id, owner, now(), options.leaseMs))) continue;
      try {
        await follow(order, parcel, steps.get(order.id) ?? []);
      } finally {
        await store.releaseLease(order.id, owner);
      }
    }
  }

  async function follow(order: OrderRecord, parcel: ShipmentTracking, steps: readonly StepRecord[]): Promise<void> {
    const capture = steps.find((step) => step.name === 'CAPTURE_PAYMENT');
    const release = steps.find((step) => step.name === 'RELEASE_ESCROW');
    const pickedUp = IN_CARRIER_HANDS.has(parcel.status) || parcel.eventStatuses.includes('PICKED_UP');
    let captured = capture?.status === 'DONE';
    const events = followUpEvents(order, steps, parcel, options.quoteKey);
    if (capture && isOpen(capture) && pickedUp && order.paymentId) {
      captured = await perform(order, capture, events, (idempotencyKey) =>
        participants.capturePayment({ paymentId: order.paymentId!, idempotencyKey }),
      );
    }
    if (release && isOpen(release) && captured && parcel.status === 'DELIVERED' && order.paymentId) {
      await perform(order, release, events, (idempotencyKey) =>
        participants.releaseEscrow({ paymentId: order.paymentId!, idempotencyKey }),
      );
    }
  }

  /**
   * One follow-up call: RUNNING before, DONE after; true when it is done. The first RUNNING write
   * is when the parcel's new stage was first seen, so it carries that stage's event (dispatched,
   * delivered); the DONE write carries the payment's (captured, released).
   */
  async function perform(
    order: OrderRecord,
    step: StepRecord,
    events: FollowUpEvents,
    call: (idempotencyKey: string) => Promise<PaymentState>,
  ): Promise<boolean> {
    const name = step.name as FollowUpStepName;
    const attempt = step.attempt + 1;
    const at = now();
    const stage = step.attempt === 0 ? events.stageSeen(name, at) : [];
    await store.updateStep(order.id, name, { status: 'RUNNING', attempt, startedAt: step.startedAt ?? at }, at, stage);
    try {
      const payment = await call(stepIdempotencyKey(order.id, name));
      const doneAt = now();
      await store.updateStep(
        order.id,
        name,
        { status: 'DONE', finishedAt: doneAt, result: { status: payment.status }, error: null },
        doneAt,
        events.paymentDone(name, doneAt),
      );
      logger.info('payment follow-up done', { orderId: order.id, step: name, paymentStatus: payment.status });
      return true;
    } catch (error) {
      const failure = classifyFailure(error, { unavailableCode: 'PAYMENT_UNAVAILABLE' });
      const giveUp = failure.kind !== 'transient' || attempt >= options.maxAttempts;
      await store.updateStep(
        order.id,
        name,
        giveUp
          ? { status: 'FAILED', finishedAt: now(), error: { code: failure.rawCode, message: `${failure.message}: needs attention` } }
          : { error: { code: failure.rawCode, message: `attempt ${attempt} got no answer: ${failure.message}` } },
        now(),
      );
      if (giveUp) logger.error('payment follow-up failed: needs attention', { orderId: order.id, step: name, error: failure.message });
      return false;
    }
  }

  return runPeriodically('payment follower', options.intervalMs, followOnce, logger);
}

const isOpen = (step: StepRecord) => step.status === 'PENDING' || step.status === 'RUNNING';
