import { refusalOf, UpstreamRefusal, type UpstreamError, type VendorRefusal } from '#packages/errors/index.js';

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

/** A business refusal of a write, with why in `reason` (see `UpstreamRefusal`). */
export class MarketplaceRefusal extends UpstreamRefusal<MarketplaceRefusalReason> {
  override name = 'MarketplaceRefusal';
}

/** A vendor's refusal of a write: a `MarketplaceRefusal` when `code` is one of its business codes, else a plain `rejected` error (`refusalOf`). */
export function refusedWrite(init: VendorRefusal<MarketplaceRefusalReason>): UpstreamError {
  return refusalOf(init, (refusal) => new MarketplaceRefusal(refusal));
}
