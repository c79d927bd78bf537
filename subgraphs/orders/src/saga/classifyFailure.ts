import { QuoteError } from '#packages/quotes/index.js';
import { ParticipantError, type ParticipantFailureKind } from '../participants/ParticipantError.js';
import type { OrderErrorCode } from '../store/OrderStore.js';
import type { BookingStep } from './bookingSteps.js';
import { StepInputError } from './StepInputError.js';

export interface StepFailure {
  readonly kind: ParticipantFailureKind;
  /** The code the order's user error shows. */
  readonly code: OrderErrorCode;
  /** The code as the participant gave it, for the step's own `error`. */
  readonly rawCode: string;
  readonly message: string;
  /** The input field at fault when it is not the step's own (a payment method refused at VERIFY_QUOTE). */
  readonly field?: readonly string[];
}

/**
 * Reads whatever a step threw: a participant's expected failure keeps its code; a refused
 * request, a participant (or vendor) that could not be reached, or an unknown outcome shows as the
 * step's "unavailable" code. An error that is neither
 * (a bug) counts as an unknown outcome: retried a bounded number of times, then compensated.
 */
export function classifyFailure(error: unknown, step: Pick<BookingStep, 'unavailableCode'>): StepFailure {
  if (error instanceof QuoteError) return { kind: 'refused', code: error.code, rawCode: error.code, message: error.message };
  if (error instanceof StepInputError)
    return { kind: 'refused', code: error.code, rawCode: error.code, message: error.message, field: error.field };
  if (error instanceof ParticipantError) {
    const code = error.kind === 'refused' ? (error.code as OrderErrorCode) : step.unavailableCode;
    return { kind: error.kind, code, rawCode: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'transient', code: step.unavailableCode, rawCode: 'INTERNAL_SERVER_ERROR', message };
}

/** Waits between attempts: base, 2×base, 4×base, … capped at a minute. */
export function retryDelayMs(attempt: number, baseMs: number): number {
  return Math.min(60_000, baseMs * 2 ** Math.max(0, attempt - 1));
}
