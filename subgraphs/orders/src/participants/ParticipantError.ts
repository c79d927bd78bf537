/** The failures a participant reports on purpose, as `extensions.code`: the booking cannot go on, and nothing was done. */
export const EXPECTED_FAILURE_CODES = [
  'OUT_OF_STOCK',
  'PRICE_CHANGED',
  'PAYMENT_DECLINED',
  'CARRIER_UNAVAILABLE',
  'MARKETPLACE_UNAVAILABLE',
  'QUOTE_INVALID',
  'QUOTE_EXPIRED',
] as const;

export type ExpectedFailureCode = (typeof EXPECTED_FAILURE_CODES)[number];

export function isExpectedFailureCode(code: unknown): code is ExpectedFailureCode {
  return typeof code === 'string' && (EXPECTED_FAILURE_CODES as readonly string[]).includes(code);
}

/**
 * How a participant call ended without a result:
 * - `refused`: an expected failure (out of stock, declined, …). Definite: the participant did nothing.
 * - `rejected`: it refused the request itself (bad input, wrong service secret). Definite too, and
 *   repeating it cannot help: a bug or a misconfiguration, logged loudly.
 * - `unreached`: the request never reached whoever would act on it (connection refused, circuit
 *   open; the participant's own vendor likewise, `reached: false`). Definite: nothing was done, so a
 *   booking step fails at once and there is nothing to undo. Undoing, it is retried like `transient`.
 * - `transient`: network, timeout, 5xx, an unreadable answer. The outcome is unknown: the call may
 *   have taken effect, so it is repeated with the same idempotency key, never given up silently.
 */
export type ParticipantFailureKind = 'refused' | 'rejected' | 'unreached' | 'transient';

export class ParticipantError extends Error {
  override name = 'ParticipantError';
  constructor(
    readonly participant: string,
    readonly kind: ParticipantFailureKind,
    /** The participant's `extensions.code`, or ours (`UPSTREAM_UNAVAILABLE`, `UPSTREAM_BAD_RESPONSE`) when it gave none. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
