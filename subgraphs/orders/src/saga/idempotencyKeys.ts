import type { StepName } from './stepNames.js';

/**
 * The idempotency key of a step's participant call: the order id and the step name, nothing
 * random. After a crash or a timeout the saga repeats the call with the same key, and the
 * participant answers with what it did the first time instead of doing it again.
 */
export function stepIdempotencyKey(orderId: string, step: StepName): string {
  return `order:${orderId}:${step}`;
}

/**
 * The key of one attempt at undoing a step. Undoing is harmless to repeat (releasing, cancelling
 * and voiding twice change nothing), so each attempt gets its own key: a participant that
 * remembered a failed first attempt under its key still acts on the next one.
 */
export function compensationIdempotencyKey(orderId: string, step: StepName, attempt: number): string {
  return `order:${orderId}:${step}:compensate:${attempt}`;
}
