import { GraphQLError } from 'graphql';
import { ErrorCode, UpstreamError, assertNever } from '#packages/errors/index.js';
import { CarrierRefusal, type CarrierRefusalReason } from '../adapters/CarrierRefusal.js';

/**
 * Turns what a carrier write threw into the error the booking saga branches on (`extensions.code`),
 * with `carrier` and our `reason`:
 * - the carrier will not carry the parcel: `CARRIER_UNAVAILABLE`, `retryable: false`;
 * - it timed out or answered garbage: `CARRIER_UNAVAILABLE`, `retryable: true` — the same
 *   idempotency key may be sent again, the carrier never books twice;
 * - the request never reached it (connection refused, circuit open): `CARRIER_UNAVAILABLE`,
 *   `reached: false` — nothing was booked, so the booking can fail now with nothing to undo;
 * - a label past pickup: `STATE_CONFLICT`; unknown label: `NOT_FOUND`; a key reused with another
 *   request: `IDEMPOTENCY_KEY_REUSED`; a request it finds malformed: `BAD_USER_INPUT`.
 * Anything else is not the carrier's and is returned as it is.
 */
export function toCarrierError(error: unknown, extra: Record<string, unknown> = {}): unknown {
  if (error instanceof CarrierRefusal) {
    const [code, retryable] = codeOf(error.reason);
    return new GraphQLError(error.message, { extensions: { code, carrier: error.upstream, reason: error.reason, retryable, ...extra } });
  }
  if (error instanceof UpstreamError) {
    return new GraphQLError(`${error.upstream} could not book: ${error.message}`, {
      extensions: {
        code: ErrorCode.CARRIER_UNAVAILABLE,
        carrier: error.upstream,
        reason: error.failure.toUpperCase().replace('-', '_'),
        retryable: error.failure !== 'rejected' && error.reached,
        // the carrier refused the connection or its circuit is open: no label exists
        ...(!error.reached && { reached: false }),
        ...extra,
      },
    });
  }
  return error;
}

function codeOf(reason: CarrierRefusalReason): [ErrorCode, boolean] {
  switch (reason) {
    case 'REFUSED':
      return [ErrorCode.CARRIER_UNAVAILABLE, false];
    case 'NOT_CANCELLABLE':
      return [ErrorCode.STATE_CONFLICT, false];
    case 'NOT_FOUND':
      return [ErrorCode.NOT_FOUND, false];
    case 'IDEMPOTENCY_KEY_REUSED':
      return [ErrorCode.IDEMPOTENCY_KEY_REUSED, false];
    case 'INVALID_REQUEST':
      return [ErrorCode.BAD_USER_INPUT, false];
    default:
      return assertNever(reason);
  }
}
