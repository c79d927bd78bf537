import { GraphQLError } from 'graphql';
import { ErrorCode, assertNever } from '#packages/errors/index.js';
import { ProviderRefusal, type ProviderRefusalReason } from '../adapters/ProviderRefusal.js';

/**
 * Turns a provider's business refusal into the code the booking saga branches on, with `provider`
 * and our `reason`: `NOT_FOUND`, `STATE_CONFLICT` (voiding a capture, releasing what is not in
 * escrow), `IDEMPOTENCY_KEY_REUSED`, `BAD_USER_INPUT`. Anything else (a provider that is down or
 * slow) is returned as it is: the shared error formatting shows it as `UPSTREAM_*` with
 * `retryable`, and repeating the call with the same key is safe.
 */
export function toPaymentError(error: unknown): unknown {
  if (!(error instanceof ProviderRefusal)) return error;
  return new GraphQLError(error.message, { extensions: { code: codeOf(error.reason), provider: error.upstream, reason: error.reason } });
}

function codeOf(reason: ProviderRefusalReason): ErrorCode {
  switch (reason) {
    case 'NOT_FOUND':
      return ErrorCode.NOT_FOUND;
    case 'STATE_CONFLICT':
      return ErrorCode.STATE_CONFLICT;
    case 'IDEMPOTENCY_KEY_REUSED':
      return ErrorCode.IDEMPOTENCY_KEY_REUSED;
    case 'INVALID_REQUEST':
      return ErrorCode.BAD_USER_INPUT;
    default:
      return assertNever(reason);
  }
}
