import { UpstreamError } from '../../../../packages/errors/index.js';

/**
 * Why a carrier refused a booking write, in our words whatever the vendor called it:
 * - `REFUSED`: it will not carry this parcel (lane, weight, size, goods);
 * - `NOT_CANCELLABLE`: the parcel is picked up already: the label can no longer be voided;
 * - `NOT_FOUND`: no such label at the carrier;
 * - `IDEMPOTENCY_KEY_REUSED`: the key was sent before with another request;
 * - `INVALID_REQUEST`: the carrier found the request malformed (ours to fix).
 */
export type CarrierRefusalReason = 'REFUSED' | 'NOT_CANCELLABLE' | 'NOT_FOUND' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_REQUEST';

/** A business refusal of a booking write: a `rejected` `UpstreamError` that says why in `reason`. */
export class CarrierRefusal extends UpstreamError {
  override name = 'CarrierRefusal';
  readonly reason: CarrierRefusalReason;

  constructor(init: { upstream: string; reason: CarrierRefusalReason; message: string; status?: number; detail?: string }) {
    super({ ...init, failure: 'rejected' });
    this.reason = init.reason;
  }
}

/**
 * A carrier's refusal: a `CarrierRefusal` when `code` is one of its business codes (`refusals`),
 * else a plain `rejected` error (credentials, a request we built wrong) that retrying will not fix.
 */
export function carrierRefusal(init: {
  upstream: string;
  operation: string;
  code: string;
  refusals: Readonly<Record<string, CarrierRefusalReason>>;
  status?: number;
  detail?: string;
}): UpstreamError {
  const message = `${init.upstream} refused ${init.operation}: ${init.code || `HTTP ${init.status ?? '?'}`}`;
  const reason = Object.hasOwn(init.refusals, init.code) ? init.refusals[init.code] : undefined;
  return reason === undefined
    ? new UpstreamError({ upstream: init.upstream, failure: 'rejected', status: init.status, message, detail: init.detail })
    : new CarrierRefusal({ upstream: init.upstream, reason, status: init.status, message, detail: init.detail });
}

/** A tracking number the carrier does not know: that label's answer, not a failed batch. */
export function unknownLabel(upstream: string, trackingNumber: string): CarrierRefusal {
  return new CarrierRefusal({ upstream, reason: 'NOT_FOUND', message: `${upstream} does not know label ${trackingNumber}` });
}
