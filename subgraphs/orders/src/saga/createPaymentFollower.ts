import type { Logger } from '#packages/log/index.js';
import type { OrderRecord, OrderStore, StepRecord } from '../store/OrderStore.js';
import { followUpEvents, type FollowUpEvents } from '../events/followUpEvents.js';
import { classifyFailure } from './classifyFailure.js';
import { stepIdempotencyKey } from './idempotencyKeys.js';
import type { PaymentState, Participants, ShipmentTracking, TrackingRefused } from './Participants.js';
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
  /**
   * Tracking lookups the carrier refuses (an unknown label) in a row, each after a longer wait,
   * before the order's open follow-up steps are FAILED with `TRACKING_REFUSED` for a person to look
   * at (`Order.attention`). Default: 5.
   */
  maxTrackingRefusals?: number;
  logger: Logger;
  /** To read the booked quote into the dispatch and delivery events. */
  quoteKey: Buffer;
  now?: () => number;
}

/**
 * Follows confirmed orders' parcels: captures the payment once the carrier reports pickup, and
 * releases escrow once it reports delivery, unless a dispute holds it. Both are steps of the order (CAPTURE_PAYMENT,
 * RELEASE_ESCROW), written before and after the call, with keys from order id and step name, so
 * a second replica or a restart never captures or releases twice.
 */
export function createPaymentFollower(options: PaymentFollowerOptions): PeriodicTask {
  const { store, participants, owner, logger } = options;
  const now = options.now ?? Date.now;

  const maxTrackingRefusals = options.maxTrackingRefusals ?? 5;
  /** Orders whose last tracking lookups failed: how many the carrier refused in a row, and when to ask again. */
  const backoff = new Map<string, { refusals: number; failures: number; nextAt: number }>();

  async function followOnce(): Promise<void> {
    const ids = (await store.findFollowable(now(), BATCH)).filter((id) => (backoff.get(id)?.nextAt ?? 0) <= now());
    if (ids.length === 0) return;
    // One read for the round, kept in the order `findFollowable` found them (oldest first).
    const found = new Map((await store.getOrders(ids)).map((order) => [order.id, order]));
    const orders = ids.map((id) => found.get(id)).filter((order): order is OrderRecord => order?.shipmentId != null);
    const tracking = await participants.trackShipments(orders.map((order) => order.shipmentId!));
    const steps = await store.listSteps(orders.map((order) => order.id));
    for (const order of orders) {
      const parcel = tracking.get(order.shipmentId!);
      if (!parcel) continue;
      if ('refused' in parcel) {
        await trackingFailed(order, parcel, steps.get(order.id) ?? []);
        continue;
      }
      backoff.delete(order.id);
      // Most rounds find the parcel where it was: nothing to write, so no lease to take and give up.
      if (!hasWork(steps.get(order.id) ?? [], parcel)) continue;
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
    const pickedUp = pickedUpIn(parcel);
    let captured = capture?.status === 'DONE';
    const events = followUpEvents(order, steps, parcel, options.quoteKey);
    if (capture && isOpen(capture) && pickedUp && order.paymentId) {
      captured = await perform(order, capture, events, (idempotencyKey) =>
        participants.capturePayment({ paymentId: order.paymentId!, idempotencyKey }),
      );
    }
    if (release && isOpen(release) && captured && parcel.status === 'DELIVERED' && order.paymentId && !(await heldByDispute(order))) {
      await perform(order, release, events, (idempotencyKey) =>
        participants.releaseEscrow({ paymentId: order.paymentId!, idempotencyKey }),
      );
    }
  }

  /**
   * An unsettled dispute holds the escrow: the seller is not paid until an operator decides. Read
   * under the order's lease, which `openDispute` takes too, so a dispute opened a moment ago is seen.
   */
  async function heldByDispute(order: OrderRecord): Promise<boolean> {
    const dispute = (await store.listDisputes([order.id])).get(order.id);
    if (dispute === undefined || dispute.status === 'RESOLVED') return false;
    logger.debug('escrow held by a dispute', { orderId: order.id, disputeId: dispute.id });
    return true;
  }

  /**
   * A lookup that failed waits twice as long as the last before the next (from one interval up to
   * 64). When the carrier refused it `maxTrackingRefusals` times in a row, the open follow-up steps
   * are FAILED (`TRACKING_REFUSED`): the order is flagged for attention, logged once, and no longer
   * followed.
   */
  async function trackingFailed(order: OrderRecord, parcel: TrackingRefused, steps: readonly StepRecord[]): Promise<void> {
    const previous = backoff.get(order.id) ?? { refusals: 0, failures: 0, nextAt: 0 };
    const refusals = parcel.refused ? previous.refusals + 1 : previous.refusals;
    const failures = previous.failures + 1;
    if (refusals < maxTrackingRefusals) {
      backoff.set(order.id, { refusals, failures, nextAt: now() + options.intervalMs * 2 ** Math.min(failures, 6) });
      logger.debug('tracking lookup failed; asking again later', { orderId: order.id, refusals, reason: parcel.reason });
      return;
    }
    backoff.delete(order.id);
    const message = `the carrier refused to track the parcel ${refusals} times in a row (${parcel.reason}): needs attention`;
    for (const step of steps.filter(isOpen)) {
      await store.updateStep(
        order.id,
        step.name,
        { status: 'FAILED', finishedAt: now(), error: { code: 'TRACKING_REFUSED', message } },
        now(),
      );
    }
    logger.warn('order flagged for attention: its parcel cannot be tracked', {
      orderId: order.id,
      shipmentId: order.shipmentId,
      reason: parcel.reason,
    });
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
      const definite = failure.kind !== 'transient' && failure.kind !== 'unreached';
      const giveUp = definite || attempt >= options.maxAttempts;
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

const pickedUpIn = (parcel: ShipmentTracking) => IN_CARRIER_HANDS.has(parcel.status) || parcel.eventStatuses.includes('PICKED_UP');

/** Whether `follow` may call anyone for the parcel as tracked: a capture once picked up, a release once delivered. */
function hasWork(steps: readonly StepRecord[], parcel: ShipmentTracking): boolean {
  const open = (name: FollowUpStepName) => steps.some((step) => step.name === name && isOpen(step));
  return (open('CAPTURE_PAYMENT') && pickedUpIn(parcel)) || (open('RELEASE_ESCROW') && parcel.status === 'DELIVERED');
}
