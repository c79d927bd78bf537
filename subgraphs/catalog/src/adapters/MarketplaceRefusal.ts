import { UpstreamError } from '../../../../packages/errors/index.js';

/**
 * Why a marketplace refused a write, in our words whatever the vendor called it:
 * - `OUT_OF_STOCK`: not enough stock to hold;
 * - `PRICE_CHANGED`: the item costs another price than the buyer was quoted;
 * - `RESERVATION_EXPIRED` / `RESERVATION_CLOSED`: the hold lapsed, or was released or used, so nothing is held to order;
 * - `RESERVATION_ORDERED`: the hold became an order: cancel the order instead of releasing it;
 * - `NOT_FOUND`: no such item, reservation or order at the vendor;
 * - `IDEMPOTENCY_KEY_REUSED`: the key was sent before with another request;
 * - `INVALID_REQUEST`: the vendor found a parameter malformed (ours to fix, not the buyer's).
 */
export type MarketplaceRefusalReason =
  | 'OUT_OF_STOCK'
  | 'PRICE_CHANGED'
  | 'RESERVATION_EXPIRED'
  | 'RESERVATION_CLOSED'
  | 'RESERVATION_ORDERED'
  | 'NOT_FOUND'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_REQUEST';

/**
 * A business refusal of a write: an answer, not a fault. It is a `rejected` `UpstreamError`, so
 * code that only knows upstream errors (retries, circuit breaker, logs) treats it as one; booking
 * reads `reason` to tell the buyer what happened.
 */
export class MarketplaceRefusal extends UpstreamError {
  override name = 'MarketplaceRefusal';
  readonly reason: MarketplaceRefusalReason;

  constructor(init: { upstream: string; reason: MarketplaceRefusalReason; message: string; status?: number; detail?: string }) {
    super({ ...init, failure: 'rejected' });
    this.reason = init.reason;
  }
}

/**
 * A vendor's refusal of a write: a `MarketplaceRefusal` when `code` is one of its business codes
 * (`refusals`), else a plain `rejected` error (credentials, a request we built wrong), which retrying
 * will not fix and which is not the buyer's doing.
 */
export function refusedWrite(init: {
  upstream: string;
  operation: string;
  code: string;
  refusals: Readonly<Record<string, MarketplaceRefusalReason>>;
  status?: number;
  detail?: string;
}): UpstreamError {
  const message = `${init.upstream} refused ${init.operation}: ${init.code || `HTTP ${init.status ?? '?'}`}`;
  const reason = Object.hasOwn(init.refusals, init.code) ? init.refusals[init.code] : undefined;
  return reason === undefined
    ? new UpstreamError({ upstream: init.upstream, failure: 'rejected', status: init.status, message, detail: init.detail })
    : new MarketplaceRefusal({ upstream: init.upstream, reason, status: init.status, message, detail: init.detail });
}
