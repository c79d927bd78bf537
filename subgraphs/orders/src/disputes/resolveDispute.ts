import type { OrderEvent } from '#packages/events/index.js';
import { orderEvent } from '../events/orderEvent.js';
import { ParticipantError } from '../participants/ParticipantError.js';
import { stepIdempotencyKey } from '../saga/idempotencyKeys.js';
import type { PaymentState } from '../saga/Participants.js';
import type { FollowUpStepName } from '../saga/stepNames.js';
import type { OrderRecord, StepPatch, StepRecord } from '../store/OrderStore.js';
import type { DisputeOutcome, DisputeRecord } from './DisputeRecord.js';
import { disputeRefused, type DisputePayloadModel } from './disputeModels.js';
import type { DisputeEnvironment, ResolveDisputeRequest } from './OrderDisputes.js';
import { readDisputeText } from './readDisputeText.js';
import { withOrderLease } from './withOrderLease.js';

/** What settling did at the payment provider, and what that changes of the order's follow-up steps. */
interface Settlement {
  /** The payment's status at its provider afterwards. */
  readonly paymentStatus: string;
  readonly steps: ReadonlyArray<{ name: FollowUpStepName; patch: StepPatch }>;
  readonly events: readonly OrderEvent[];
}

/**
 * An operator settles a dispute. The decision is written first (`SETTLING`), then the payment
 * provider acts on it with a key made of the dispute id (or, for a release, the order's own
 * RELEASE_ESCROW key, which the follower would use: the seller is never paid twice), then the
 * dispute becomes `RESOLVED` together with the follow-up steps it settles and its events, in one
 * transaction. A provider that does not answer leaves it `SETTLING`: the same decision again
 * finishes it with the same key. All of it under the order's lease, so the follower stays out.
 */
export async function resolveDispute(env: DisputeEnvironment, request: ResolveDisputeRequest): Promise<DisputePayloadModel> {
  const note = request.note === null ? { text: '' } : readDisputeText(request.note, 'note', false);
  if ('problem' in note) return disputeRefused('INVALID_INPUT', note.problem, 'note');
  const found = await env.store.getDispute(request.disputeId);
  if (found === undefined) return disputeRefused('DISPUTE_NOT_FOUND', `no dispute ${request.disputeId}`, 'disputeId');
  const refusal = settledAlready(found, request.outcome);
  if (refusal !== undefined) return refusal;

  const outcome = await withOrderLease(env.store, found.orderId, env, async (): Promise<DisputePayloadModel> => {
    let dispute = (await env.store.getDispute(found.id))!;
    const again = settledAlready(dispute, request.outcome);
    if (again !== undefined) return again;
    const order = await env.store.getOrder(dispute.orderId);
    if (order === undefined || order.paymentId === null) throw new Error(`disputed order ${dispute.orderId} has no payment`);
    if (dispute.status === 'OPEN') {
      const decided = { status: 'SETTLING', outcome: request.outcome, note: note.text || null, resolvedBy: request.operator } as const;
      await env.store.updateDispute(dispute.id, decided, env.now());
      dispute = { ...dispute, ...decided };
    }
    const steps = (await env.store.listSteps([order.id])).get(order.id) ?? [];
    let settlement: Settlement;
    try {
      settlement = request.outcome === 'REFUND' ? await refund(env, dispute, order, steps) : await release(env, dispute, order, steps);
    } catch (error) {
      return paymentFailed(env, dispute, error);
    }
    const at = env.now();
    const resolved = { status: 'RESOLVED', paymentStatus: settlement.paymentStatus, resolvedAt: at } as const;
    const events = [
      ...settlement.events,
      orderEvent('dispute.resolved', order, at, {
        disputeId: dispute.id,
        outcome: request.outcome,
        resolvedAt: new Date(at).toISOString(),
      }),
    ];
    await env.store.updateDispute(dispute.id, resolved, at, { orderId: order.id, steps: settlement.steps, events });
    env.logger.info('dispute settled', {
      orderId: order.id,
      disputeId: dispute.id,
      outcome: request.outcome,
      payment: resolved.paymentStatus,
    });
    return { dispute: { ...dispute, ...resolved, updatedAt: at }, userErrors: [] };
  });
  if (outcome === 'busy') {
    return disputeRefused('ORDER_BUSY', `a payment step of order ${found.orderId} is in flight: try again in a moment`, 'disputeId', found);
  }
  return outcome;
}

/**
 * The buyer wins: money taken (captured into escrow) is refunded; a payment only authorized is
 * voided, and then there is nothing to capture or release later. A void the provider refuses as a
 * state conflict means a capture did happen (a step left RUNNING by a crash): then it is refunded.
 */
async function refund(
  env: DisputeEnvironment,
  dispute: DisputeRecord,
  order: OrderRecord,
  steps: readonly StepRecord[],
): Promise<Settlement> {
  const paymentId = order.paymentId!;
  const captured = stepOf(steps, 'CAPTURE_PAYMENT')?.status === 'DONE';
  const refundIt = () => env.participants.refundPayment({ paymentId, idempotencyKey: `dispute:${dispute.id}:REFUND` });
  let payment: PaymentState;
  if (captured) payment = await refundIt();
  else {
    try {
      payment = await env.participants.voidPayment({ paymentId, idempotencyKey: `dispute:${dispute.id}:VOID` });
    } catch (error) {
      if (!(error instanceof ParticipantError && error.kind === 'rejected' && error.code === 'STATE_CONFLICT')) throw error;
      payment = await refundIt();
    }
  }
  const at = env.now();
  const skipped = { status: 'SKIPPED', finishedAt: at, error: null } as const;
  return {
    paymentStatus: payment.status,
    steps: (['CAPTURE_PAYMENT', 'RELEASE_ESCROW'] as const)
      .filter((name) => isOpen(stepOf(steps, name)))
      .map((name) => ({ name, patch: skipped })),
    events:
      payment.status === 'REFUNDED'
        ? [orderEvent('payment.refunded', order, at, { paymentId, amount: order.total, refundedAt: new Date(at).toISOString() })]
        : [],
  };
}

/**
 * The seller wins: a payment taken into escrow is paid to the seller now, as the RELEASE_ESCROW step
 * (done, with its event). One not yet captured has nothing to pay out: the hold is lifted and the
 * follower captures on pickup and releases on delivery, as for any order.
 */
async function release(
  env: DisputeEnvironment,
  _dispute: DisputeRecord,
  order: OrderRecord,
  steps: readonly StepRecord[],
): Promise<Settlement> {
  const paymentId = order.paymentId!;
  const step = stepOf(steps, 'RELEASE_ESCROW');
  const captured = stepOf(steps, 'CAPTURE_PAYMENT')?.status === 'DONE';
  if (!captured) return { paymentStatus: 'AUTHORIZED', steps: [], events: [] };
  // a release given up earlier (FAILED) is a person's to look at (`Order.attention`): not retried here
  if (!isOpen(step)) return { paymentStatus: step?.status === 'DONE' ? 'RELEASED' : 'IN_ESCROW', steps: [], events: [] };
  const startedAt = env.now();
  const payment = await env.participants.releaseEscrow({ paymentId, idempotencyKey: stepIdempotencyKey(order.id, 'RELEASE_ESCROW') });
  const at = env.now();
  return {
    paymentStatus: payment.status,
    steps: [
      {
        name: 'RELEASE_ESCROW',
        patch: {
          status: 'DONE',
          attempt: (step?.attempt ?? 0) + 1,
          startedAt: step?.startedAt ?? startedAt,
          finishedAt: at,
          result: { status: payment.status },
          error: null,
        },
      },
    ],
    events: [orderEvent('escrow.released', order, at, { paymentId, amount: order.total, releasedAt: new Date(at).toISOString() })],
  };
}

function paymentFailed(env: DisputeEnvironment, dispute: DisputeRecord, error: unknown): DisputePayloadModel {
  const definite = error instanceof ParticipantError && (error.kind === 'refused' || error.kind === 'rejected');
  const message = error instanceof Error ? error.message : String(error);
  env.logger[definite ? 'error' : 'warn']('dispute not settled: the payment provider did not act', {
    orderId: dispute.orderId,
    disputeId: dispute.id,
    outcome: dispute.outcome,
    error: message,
  });
  return definite
    ? disputeRefused('PAYMENT_REFUSED', `the payment provider refused to act on ${dispute.outcome}: ${message}`, undefined, dispute)
    : disputeRefused(
        'PAYMENT_UNAVAILABLE',
        `the payment provider did not answer: settle again with ${dispute.outcome} to finish`,
        undefined,
        dispute,
      );
}

/** A refusal when the dispute is settled, or being settled with another outcome. */
function settledAlready(dispute: DisputeRecord, outcome: DisputeOutcome): DisputePayloadModel | undefined {
  if (dispute.status === 'RESOLVED') {
    return disputeRefused('DISPUTE_ALREADY_SETTLED', `dispute ${dispute.id} was settled: ${dispute.outcome}`, 'disputeId', dispute);
  }
  if (dispute.status === 'SETTLING' && dispute.outcome !== outcome) {
    return disputeRefused('DISPUTE_ALREADY_SETTLED', `dispute ${dispute.id} is being settled: ${dispute.outcome}`, 'disputeId', dispute);
  }
  return undefined;
}

const stepOf = (steps: readonly StepRecord[], name: FollowUpStepName) => steps.find((step) => step.name === name);
const isOpen = (step: StepRecord | undefined) => step !== undefined && (step.status === 'PENDING' || step.status === 'RUNNING');
