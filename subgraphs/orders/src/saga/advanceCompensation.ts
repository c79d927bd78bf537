import { orderEvent } from '../events/orderEvent.js';
import type { OrderRecord, StepRecord, StepResult } from '../store/OrderStore.js';
import { BOOKING_STEP_DEFINITIONS, type BookingStep } from './bookingSteps.js';
import { classifyFailure, retryDelayMs } from './classifyFailure.js';
import { compensationIdempotencyKey, stepIdempotencyKey } from './idempotencyKeys.js';
import { SETTLED, stepsByName, writeStep, type SagaAdvance, type SagaEnvironment } from './SagaEnvironment.js';
import type { StepName, StepStatus } from './stepNames.js';

/** Undoing these waits for the undo of the step named: cancelling the marketplace order is what gives its stock back. */
const UNDO_AFTER: Partial<Record<StepName, StepName>> = { RESERVE_STOCK: 'PLACE_MARKETPLACE_ORDER' };

type UndoOutcome = { readonly kind: 'done'; readonly status: StepStatus } | { readonly kind: 'wait'; readonly until: number };

/**
 * Undoes the finished steps, in reverse order, in one pass: each written COMPENSATING (attempt
 * + 1) before its participant call, COMPENSATED after. Steps never reached become SKIPPED; a step
 * that failed with an answer did nothing and stays FAILED. A step whose outcome is unknown (no
 * answer) is first asked again with its own key, to learn what it did, then undone.
 *
 * An undo that gets no answer is retried after a backoff, up to `maxCompensationAttempts`; while
 * it waits, the undos at *other* participants go on (a carrier that is down does not keep the
 * marketplace's stock held). An undo that is refused, or out of attempts, is marked FAILED
 * ("needs attention", logged as an error). When nothing is left to undo, the order is FAILED.
 */
export async function advanceCompensation(env: SagaEnvironment, order: OrderRecord, steps: readonly StepRecord[]): Promise<SagaAdvance> {
  const byName = stepsByName(steps);
  const waiting = new Map<StepName, number>();

  for (const definition of [...BOOKING_STEP_DEFINITIONS].reverse()) {
    const step = byName.get(definition.name);
    if (!step) continue;
    switch (step.status) {
      case 'PENDING':
        await writeStep(env, definition.name, { status: 'SKIPPED' });
        byName.set(definition.name, { ...step, status: 'SKIPPED' });
        continue;
      case 'SKIPPED':
      case 'COMPENSATED':
      case 'FAILED':
        continue;
      case 'DONE':
      case 'RUNNING':
      case 'COMPENSATING': {
        if (!definition.compensate) {
          // A local step: nothing outside to undo.
          if (step.status !== 'DONE') await writeStep(env, definition.name, { status: 'FAILED', finishedAt: env.now() });
          continue;
        }
        const before = UNDO_AFTER[definition.name];
        if (before !== undefined && waiting.has(before)) continue;
        const due = dueAt(env, step);
        const outcome = due > env.now() ? { kind: 'wait' as const, until: due } : await undo(env, order, definition, step, byName);
        if (outcome.kind === 'wait') waiting.set(definition.name, outcome.until);
        else byName.set(definition.name, { ...step, status: outcome.status });
      }
    }
  }

  if (waiting.size > 0) {
    const until = Math.min(...waiting.values());
    await env.store.write({ order: { nextAttemptAt: until } }, env.now());
    return { kind: 'wait', until };
  }
  const at = env.now();
  const failed = orderEvent('order.failed', order, at, {
    step: order.failure?.step ?? 'UNKNOWN',
    code: order.failure?.code ?? 'UNKNOWN',
    message: order.failure?.message ?? 'no failure was recorded',
    failedAt: new Date(at).toISOString(),
  });
  await env.store.write({ order: { status: 'FAILED', phase: 'SETTLED' }, events: [failed] }, at);
  env.logger.info('order failed; its finished steps were undone', {
    orderId: order.id,
    step: order.failure?.step,
    code: order.failure?.code,
  });
  return SETTLED;
}

/** When an undo that got no answer may be tried again: its own backoff, from its last attempt. */
function dueAt(env: SagaEnvironment, step: StepRecord): number {
  if (step.status !== 'COMPENSATING' || step.compensationAttempt === 0 || step.error === null) return 0;
  return step.updatedAt + retryDelayMs(step.compensationAttempt, env.retryBaseMs);
}

async function undo(
  env: SagaEnvironment,
  order: OrderRecord,
  definition: BookingStep,
  step: StepRecord,
  byName: ReadonlyMap<StepName, StepRecord>,
): Promise<UndoOutcome> {
  const needsAttention = async (message: string): Promise<UndoOutcome> => {
    await writeStep(env, definition.name, {
      status: 'FAILED',
      finishedAt: env.now(),
      error: { code: 'COMPENSATION_FAILED', message: `could not be undone: ${message}; needs attention` },
    });
    env.logger.error('compensation given up: a participant may still hold this step', {
      orderId: order.id,
      step: definition.name,
      message,
    });
    return { kind: 'done', status: 'FAILED' };
  };
  if (step.compensationAttempt >= env.maxCompensationAttempts) {
    return needsAttention(`no answer after ${step.compensationAttempt} attempts (${step.error?.message ?? 'no answer'})`);
  }
  const attempt = step.compensationAttempt + 1;
  await writeStep(env, definition.name, { status: 'COMPENSATING', compensationAttempt: attempt });
  let stage: 'replay' | 'undo' = 'replay';
  try {
    let result = step.result;
    if (result === null) {
      // No answer ever came: ask again with the step's own key. If it had happened, the
      // participant returns the same result; if not, it happens now, and is undone right after.
      result = await replay(env, order, definition, byName);
      await writeStep(env, definition.name, { result });
    }
    stage = 'undo';
    await definition.compensate!({
      order,
      result,
      participants: env.participants,
      idempotencyKey: compensationIdempotencyKey(order.id, definition.name, attempt),
      statusOf: (name) => byName.get(name)?.status,
    });
    await writeStep(env, definition.name, { status: 'COMPENSATED', finishedAt: env.now(), error: null });
    env.logger.info('saga step undone', { orderId: order.id, step: definition.name, attempt });
    return { kind: 'done', status: 'COMPENSATED' };
  } catch (error) {
    const failure = classifyFailure(error, definition);
    // Not reached is no answer here: the step may have happened, and the undo did not; try again later.
    const definite = failure.kind !== 'transient' && failure.kind !== 'unreached';
    if (definite && stage === 'replay') {
      // Asked again, the participant refused: it never did the step, so there is nothing to undo.
      await writeStep(env, definition.name, {
        status: 'FAILED',
        finishedAt: env.now(),
        error: { code: failure.rawCode, message: failure.message },
      });
      return { kind: 'done', status: 'FAILED' };
    }
    if (definite) return needsAttention(`${failure.rawCode}: ${failure.message}`);
    env.logger.warn('undoing a saga step got no answer; it will be tried again', {
      orderId: order.id,
      step: definition.name,
      attempt,
      error: failure.message,
    });
    await writeStep(env, definition.name, {
      error: {
        code: failure.rawCode,
        message: `undo attempt ${attempt} of ${env.maxCompensationAttempts} got no answer: ${failure.message}`,
      },
    });
    return { kind: 'wait', until: env.now() + retryDelayMs(attempt, env.retryBaseMs) };
  }
}

async function replay(
  env: SagaEnvironment,
  order: OrderRecord,
  definition: BookingStep,
  byName: ReadonlyMap<StepName, StepRecord>,
): Promise<StepResult> {
  const results = new Map<StepName, StepResult>();
  for (const [name, step] of byName) if (step.result) results.set(name, step.result);
  const outcome = await definition.run({
    order,
    results,
    participants: env.participants,
    idempotencyKey: stepIdempotencyKey(order.id, definition.name),
    quoteKey: env.quoteKey,
    escrowLimits: env.escrowLimits,
    now: env.now(),
  });
  if (outcome.orderPatch) await env.store.write({ order: outcome.orderPatch }, env.now());
  return outcome.result;
}
