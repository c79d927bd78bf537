import { runWithTestTrigger } from '#packages/log/index.js';
import type { OrderErrorCode, OrderFailure, OrderRecord, StepRecord, StepResult } from '../store/OrderStore.js';
import { orderEvent } from '../events/orderEvent.js';
import { orderTradeOf } from '../events/orderTradeOf.js';
import { BOOKING_STEP_DEFINITIONS, type BookingStep } from './bookingSteps.js';
import { isExpectedFailureCode } from '../participants/ParticipantError.js';
import { classifyFailure, retryDelayMs } from './classifyFailure.js';
import { stepIdempotencyKey } from './idempotencyKeys.js';
import { CONTINUE, stepsByName, writeStep, type SagaAdvance, type SagaEnvironment } from './SagaEnvironment.js';
import type { StepName } from './stepNames.js';
import { testTriggerOfStep } from './testTriggerOfStep.js';

/**
 * Takes the next booking step: writes it RUNNING (attempt + 1) before calling the participant,
 * DONE with its result after. An expected failure fails the step and turns the saga to
 * compensation; an unknown outcome (network, 5xx) leaves it RUNNING to be repeated with the same
 * idempotency key after a backoff, until `maxStepAttempts`. Once every step is DONE the order is
 * CONFIRMED and its follow-up steps (capture, escrow release) are added.
 */
export async function advanceForward(env: SagaEnvironment, order: OrderRecord, steps: readonly StepRecord[]): Promise<SagaAdvance> {
  const byName = stepsByName(steps);
  const results = new Map<StepName, StepResult>();
  for (const step of steps) if (step.status === 'DONE' && step.result) results.set(step.name, step.result);

  for (const definition of BOOKING_STEP_DEFINITIONS) {
    const step = byName.get(definition.name);
    if (!step) throw new Error(`order ${order.id} has no ${definition.name} step`);
    if (step.status === 'DONE') continue;
    if (step.status === 'FAILED' || step.status === 'COMPENSATING') {
      // The step failed but the crash came before the saga turned to compensation.
      const code = isExpectedFailureCode(step.error?.code) ? step.error.code : definition.unavailableCode;
      return beginCompensation(env, order, failureOf(definition, code, step.error?.message ?? 'no answer'));
    }
    if (step.attempt >= env.maxStepAttempts) return giveUp(env, order, definition, step);
    return attempt(env, order, definition, step, results);
  }
  await confirm(env, order, steps);
  return CONTINUE;
}

async function attempt(
  env: SagaEnvironment,
  order: OrderRecord,
  definition: BookingStep,
  step: StepRecord,
  results: ReadonlyMap<StepName, StepResult>,
): Promise<SagaAdvance> {
  const attempt = step.attempt + 1;
  const running = { status: 'RUNNING', attempt, startedAt: step.startedAt ?? env.now() } as const;
  // A local step's first write carries what RUNNING would have (see BookingStep.local).
  const started = definition.local ? { attempt: running.attempt, startedAt: running.startedAt } : {};
  if (!definition.local) await writeStep(env, definition.name, running);
  try {
    const run = () =>
      definition.run({
        order,
        results,
        participants: env.participants,
        idempotencyKey: stepIdempotencyKey(order.id, definition.name),
        quoteKey: env.quoteKey,
        escrowLimits: env.escrowLimits,
        now: env.now(),
      });
    // Test mode: the step's participant calls carry the trigger on to the vendor's sandbox.
    const testTrigger = testTriggerOfStep(order, definition.name);
    const outcome = await (testTrigger === undefined ? run() : runWithTestTrigger(testTrigger, run));
    const done = { ...started, status: 'DONE', finishedAt: env.now(), result: outcome.result, error: null } as const;
    // Written with the next step's start (or the order's confirmation): a crash before that write
    // repeats this step with the same idempotency key, as a crash right after its call would.
    env.store.writeLater(
      { steps: [{ name: definition.name, patch: done }], ...(outcome.orderPatch && { order: outcome.orderPatch }) },
      env.now(),
    );
    env.logger.info('saga step done', { orderId: order.id, step: definition.name, attempt });
    return CONTINUE;
  } catch (error) {
    const failure = classifyFailure(error, definition);
    if (failure.kind !== 'transient') {
      await writeStep(env, definition.name, {
        ...started,
        status: 'FAILED',
        finishedAt: env.now(),
        error: { code: failure.rawCode, message: failure.message },
      });
      return beginCompensation(env, order, failureOf(definition, failure.code, failure.message, failure.field));
    }
    env.logger.warn('saga step got no answer; it will be repeated with the same key', {
      orderId: order.id,
      step: definition.name,
      attempt,
      error: failure.message,
    });
    const message = `attempt ${attempt} of ${env.maxStepAttempts} got no answer: ${failure.message}`;
    await writeStep(env, definition.name, { ...started, error: { code: failure.rawCode, message } });
    if (attempt >= env.maxStepAttempts)
      return giveUp(env, order, definition, { ...step, attempt, error: { code: failure.rawCode, message } });
    const until = env.now() + retryDelayMs(attempt, env.retryBaseMs);
    await env.store.write({ order: { nextAttemptAt: until } }, env.now());
    return { kind: 'wait', until };
  }
}

/**
 * Out of attempts without an answer: the step may or may not have happened. It is marked
 * COMPENSATING, so compensation first asks the participant again (same key) what it did, then
 * undoes that.
 */
async function giveUp(env: SagaEnvironment, order: OrderRecord, definition: BookingStep, step: StepRecord): Promise<SagaAdvance> {
  const last = step.error?.message ?? 'no answer';
  await writeStep(env, definition.name, { status: 'COMPENSATING', finishedAt: env.now() });
  return beginCompensation(
    env,
    order,
    failureOf(definition, definition.unavailableCode, `no answer after ${step.attempt} attempts (${last})`),
  );
}

async function beginCompensation(env: SagaEnvironment, order: OrderRecord, failure: OrderFailure): Promise<SagaAdvance> {
  env.logger.info('saga step failed; undoing the finished steps', { orderId: order.id, step: failure.step, code: failure.code });
  await env.store.write({ order: { phase: 'COMPENSATING', failure, nextAttemptAt: env.now() } }, env.now());
  return CONTINUE;
}

async function confirm(env: SagaEnvironment, order: OrderRecord, steps: readonly StepRecord[]): Promise<void> {
  const at = env.now();
  const trade = orderTradeOf(order, steps, env.quoteKey);
  if (!trade) throw new Error(`saga bug: order ${order.id} is confirmed without its reservation, shipment or payment`);
  const confirmed = orderEvent('order.confirmed', order, at, {
    trade,
    placedAt: new Date(order.createdAt).toISOString(),
    confirmedAt: new Date(at).toISOString(),
  });
  // The follow-up steps with the confirmation, in one write: once the order reads CONFIRMED, the follower expects them.
  const followUps = [
    { name: 'CAPTURE_PAYMENT', status: 'PENDING' },
    { name: 'RELEASE_ESCROW', status: order.escrow ? 'PENDING' : 'SKIPPED' },
  ] as const;
  await env.store.write({ addSteps: followUps, order: { status: 'CONFIRMED', phase: 'SETTLED' }, events: [confirmed] }, at);
  env.logger.info('order confirmed', { orderId: order.id, shipmentId: order.shipmentId, paymentId: order.paymentId });
}

function failureOf(definition: BookingStep, code: OrderErrorCode, message: string, field?: readonly string[]): OrderFailure {
  return { step: definition.name, code, message: `${definition.name} failed: ${message}`, field: field ?? definition.field };
}
