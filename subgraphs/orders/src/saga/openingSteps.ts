import type { OrderRecord, StepPatch } from '../store/OrderStore.js';
import { BOOKING_STEP_DEFINITIONS, verifyQuoteOf } from './bookingSteps.js';
import type { BookingStepName } from './stepNames.js';

/** A new order's first steps as its creator writes them with the order (`NewOrder.takenSteps`). */
export interface SagaOpening {
  readonly taken: ReadonlyArray<{ readonly name: BookingStepName; readonly patch: StepPatch }>;
  /** The participant step written RUNNING (attempt 1) with the order: its first call needs no write before it. */
  readonly started: BookingStepName;
}

/** The first step that calls a participant; every step before it is local (VERIFY_QUOTE). */
const FIRST_CALL = BOOKING_STEP_DEFINITIONS.find((step) => !step.local)!;
const LOCAL_OPENING = BOOKING_STEP_DEFINITIONS.slice(0, BOOKING_STEP_DEFINITIONS.indexOf(FIRST_CALL));
if (LOCAL_OPENING.some((step) => step.name !== 'VERIFY_QUOTE')) {
  throw new Error('openingSteps knows VERIFY_QUOTE as the one local step before the first participant call');
}

/**
 * The saga's opening, taken before the order is written so that it goes with the order's INSERT:
 * VERIFY_QUOTE (it calls nobody) done, and the first participant step (RESERVE_STOCK) RUNNING.
 * The run's first call then goes out after one write, the order's, instead of two. A crash after
 * that write resumes as one after a step's RUNNING write does: the step again, with its key.
 * Undefined when the check fails: the order is created as ever, and the saga fails the step and
 * the order with the check's own error, as it always has.
 */
export function openingSteps(
  order: Pick<OrderRecord, 'quoteToken' | 'paymentMethod'>,
  quoteKey: Buffer,
  now: number,
): SagaOpening | undefined {
  let result;
  try {
    result = verifyQuoteOf(order, quoteKey, now);
  } catch {
    return undefined;
  }
  return {
    taken: [
      { name: 'VERIFY_QUOTE', patch: { status: 'DONE', attempt: 1, startedAt: now, finishedAt: now, result, error: null } },
      { name: FIRST_CALL.name, patch: { status: 'RUNNING', attempt: 1, startedAt: now } },
    ],
    started: FIRST_CALL.name,
  };
}
