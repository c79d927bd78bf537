import { refusalOf, UpstreamRefusal, type UpstreamError, type VendorRefusal } from '#packages/errors/index.js';

/**
 * Why a provider refused a write, in our words whatever the vendor called it:
 * - `NOT_FOUND`: no such authorization;
 * - `STATE_CONFLICT`: its state forbids it (voiding a capture, releasing what is not in escrow);
 * - `IDEMPOTENCY_KEY_REUSED`: the key was sent before with another request;
 * - `INVALID_REQUEST`: the provider found the request malformed (ours to fix).
 * A declined authorization is not a refusal: it is an authorization with status DECLINED.
 */
export type ProviderRefusalReason = 'NOT_FOUND' | 'STATE_CONFLICT' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_REQUEST';

/** A business refusal of a write, with why in `reason` (see `UpstreamRefusal`). */
export class ProviderRefusal extends UpstreamRefusal<ProviderRefusalReason> {
  override name = 'ProviderRefusal';
}

/** A vendor's refusal of a write: a `ProviderRefusal` when `code` is one of its business codes, else a plain `rejected` error (`refusalOf`). */
export function providerRefusal(init: VendorRefusal<ProviderRefusalReason>): UpstreamError {
  return refusalOf(init, (refusal) => new ProviderRefusal(refusal));
}
