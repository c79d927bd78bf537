import type { AttemptOutcome } from '../store/WebhookStore.js';

export interface RetryPolicy {
  /** Pause after the first failed attempt; doubled after each further one. */
  readonly baseMs: number;
  /** The longest pause. */
  readonly maxDelayMs: number;
}

/**
 * After a failed attempt (the `attempt`-th of its round, from 1): the next one after an
 * exponential pause, or FAILED when that would fall after `retryUntil` (a day after the event was
 * queued or redelivered). With the defaults (30 s doubling, at most an hour) that is about 30
 * attempts: 30 s, 1 min, 2 min, … 64 min, then hourly.
 */
export function nextAfterFailure(policy: RetryPolicy, attempt: number, at: number, retryUntil: number): AttemptOutcome {
  const delay = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** Math.min(attempt - 1, 40));
  const nextAttemptAt = at + delay;
  return nextAttemptAt > retryUntil ? { status: 'FAILED' } : { status: 'PENDING', nextAttemptAt };
}
