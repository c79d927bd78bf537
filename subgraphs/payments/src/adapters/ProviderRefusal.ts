import { UpstreamError } from '../../../../packages/errors/index.js';

/**
 * Why a provider refused a write, in our words whatever the vendor called it:
 * - `NOT_FOUND`: no such authorization;
 * - `STATE_CONFLICT`: its state forbids it (voiding a capture, releasing what is not in escrow);
 * - `IDEMPOTENCY_KEY_REUSED`: the key was sent before with another request;
 * - `INVALID_REQUEST`: the provider found the request malformed (ours to fix).
 * A declined authorization is not a refusal: it is an authorization with status DECLINED.
 */
export type ProviderRefusalReason = 'NOT_FOUND' | 'STATE_CONFLICT' | 'IDEMPOTENCY_KEY_REUSED' | 'INVALID_REQUEST';

/** A business refusal of a write: a `rejected` `UpstreamError` that says why in `reason`. */
export class ProviderRefusal extends UpstreamError {
  override name = 'ProviderRefusal';
  readonly reason: ProviderRefusalReason;

  constructor(init: { upstream: string; reason: ProviderRefusalReason; message: string; status?: number; detail?: string }) {
    super({ ...init, failure: 'rejected' });
    this.reason = init.reason;
  }
}

/**
 * A provider's refusal: a `ProviderRefusal` when `code` is one of its business codes (`refusals`),
 * else a plain `rejected` error (credentials, a request we built wrong) that retrying will not fix.
 */
export function providerRefusal(init: {
  upstream: string;
  operation: string;
  code: string;
  refusals: Readonly<Record<string, ProviderRefusalReason>>;
  status?: number;
  detail?: string;
}): UpstreamError {
  const message = `${init.upstream} refused ${init.operation}: ${init.code || `HTTP ${init.status ?? '?'}`}`;
  const reason = Object.hasOwn(init.refusals, init.code) ? init.refusals[init.code] : undefined;
  return reason === undefined
    ? new UpstreamError({ upstream: init.upstream, failure: 'rejected', status: init.status, message, detail: init.detail })
    : new ProviderRefusal({ upstream: init.upstream, reason, status: init.status, message, detail: init.detail });
}
