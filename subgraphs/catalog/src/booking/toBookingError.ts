import { GraphQLError } from 'graphql';
import { ErrorCode, UpstreamError, assertNever } from '#packages/errors/index.js';
import type { Logger } from '#packages/log/index.js';
import { MarketplaceRefusal, type MarketplaceRefusalReason } from '../adapters/MarketplaceRefusal.js';

/**
 * Turns what a marketplace write threw into the error the booking saga branches on
 * (`extensions.code`), with `marketplace` and our `reason`:
 * - a business refusal: `OUT_OF_STOCK` (also when the hold lapsed or was closed: the stock held
 *   for the buyer is gone), `PRICE_CHANGED`, `STATE_CONFLICT`, `NOT_FOUND`, `IDEMPOTENCY_KEY_REUSED`,
 *   `BAD_USER_INPUT`;
 * - any other vendor failure: `MARKETPLACE_UNAVAILABLE`, with `retryable: true` when repeating the
 *   call with the same idempotency key may succeed (the vendor honours keys, so it never writes twice).
 * Anything else is not the vendor's and is rethrown as it is.
 */
export function toBookingError(error: unknown, operation: string, logger: Logger): unknown {
  if (error instanceof MarketplaceRefusal) {
    logger.info('marketplace refused a booking write', {
      marketplace: error.upstream,
      operation,
      reason: error.reason,
      detail: error.detail,
    });
    const [code, message] = describe(error.reason, error.upstream);
    return new GraphQLError(message, { extensions: { code, marketplace: error.upstream, reason: error.reason } });
  }
  if (error instanceof UpstreamError) {
    logger.warn('marketplace write failed', {
      marketplace: error.upstream,
      operation,
      failure: error.failure,
      error: error.message,
      detail: error.detail,
    });
    return new GraphQLError(`${error.upstream} could not be reached to ${operation}: ${error.message}`, {
      extensions: {
        code: ErrorCode.MARKETPLACE_UNAVAILABLE,
        marketplace: error.upstream,
        reason: error.failure.toUpperCase().replace('-', '_'),
        retryable: error.failure !== 'rejected' && error.reached,
        // the marketplace refused the connection or its circuit is open: nothing was done there
        ...(!error.reached && { reached: false }),
      },
    });
  }
  return error;
}

function describe(reason: MarketplaceRefusalReason, marketplace: string): [ErrorCode, string] {
  switch (reason) {
    case 'OUT_OF_STOCK':
      return [ErrorCode.OUT_OF_STOCK, `${marketplace} has not enough stock`];
    case 'RESERVATION_EXPIRED':
      return [ErrorCode.OUT_OF_STOCK, `${marketplace}: the stock hold expired; reserve again`];
    case 'RESERVATION_CLOSED':
      return [ErrorCode.OUT_OF_STOCK, `${marketplace}: the stock hold was released or already used; reserve again`];
    case 'PRICE_CHANGED':
      return [ErrorCode.PRICE_CHANGED, `${marketplace} now asks another price than the one quoted`];
    case 'RESERVATION_ORDERED':
      return [ErrorCode.STATE_CONFLICT, `${marketplace}: the hold became an order; cancel the order to give the stock back`];
    case 'NOT_FOUND':
      return [ErrorCode.NOT_FOUND, `${marketplace} does not know this item, reservation or order`];
    case 'IDEMPOTENCY_KEY_REUSED':
      return [ErrorCode.IDEMPOTENCY_KEY_REUSED, `${marketplace}: this idempotency key was used with another request`];
    case 'INVALID_REQUEST':
      return [ErrorCode.BAD_USER_INPUT, `${marketplace} refused the request as malformed`];
    default:
      return assertNever(reason);
  }
}
