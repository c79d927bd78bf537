import { refusalOf, UpstreamRefusal, type UpstreamError, type VendorRefusal } from '#packages/errors/index.js';

/**
 * Why a carrier refused a booking write, in our words whatever the vendor called it:
 * - `REFUSED`: it will not carry this parcel (lane, weight, size, goods);
 * - `NOT_CANCELLABLE`: the parcel is picked up already: the label can no longer be voided;
 * - `NOT_FOUND`: no such label at the carrier;
 * - `IDEMPOTENCY_KEY_REUSED`: the key was sent before with another request;
 * - `INVALID_REQUEST`: the carrier found the request malformed (ours to fix).
 */
export type CarrierRefusalReason = 'REFUSED' | 'NOT_CANCELLABLE' | 'NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_REQUEST';

/** A business refusal of a write, with why in `reason` (see `UpstreamRefusal`). */
export class CarrierRefusal extends UpstreamRefusal<CarrierRefusalReason> {
  override name = 'CarrierRefusal';
}

/** A vendor's refusal of a write: a `CarrierRefusal` when `code` is one of its business codes, else a plain `rejected` error (`refusalOf`). */
export function carrierRefusal(init: VendorRefusal<CarrierRefusalReason>): UpstreamError {
  return refusalOf(init, (refusal) => new CarrierRefusal(refusal));
}

/** A tracking number the carrier does not know: that label's answer, not a failed batch. */
export function unknownLabel(upstream: string, trackingNumber: string): CarrierRefusal {
  return new CarrierRefusal({ upstream, reason: 'NOT_FOUND', message: `${upstream} does not know label ${trackingNumber}` });
}
