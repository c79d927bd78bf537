import { UpstreamError } from './UpstreamError.js';

/** What a refusal says: who refused, why (in our words), and what the vendor answered. */
export interface RefusalInit<R extends string> {
  readonly upstream: string;
  readonly reason: R;
  readonly message: string;
  readonly status?: number | undefined;
  readonly detail?: string | undefined;
}

/** A vendor's answer refusing a write: its code, and which of its codes are business refusals. */
export interface VendorRefusal<R extends string> {
  readonly upstream: string;
  /** What was refused, for the message (e.g. `POST /orders`). */
  readonly operation: string;
  /** The vendor's own code for the refusal; empty when it gave none. */
  readonly code: string;
  /** The vendor's business codes, in our words. */
  readonly refusals: Readonly<Record<string, R>>;
  readonly status?: number | undefined;
  readonly detail?: string | undefined;
}

/**
 * A business refusal of a write: an answer, not a fault. It is a `rejected` `UpstreamError`, so
 * code that only knows upstream errors (retries, circuit breaker, logs) treats it as one; the
 * caller reads `reason` to tell the buyer what happened. Each participant names its own kind
 * (`MarketplaceRefusal`, `CarrierRefusal`, `ProviderRefusal`) with its own reasons.
 */
export abstract class UpstreamRefusal<R extends string> extends UpstreamError {
  readonly reason: R;

  constructor(init: RefusalInit<R>) {
    super({ ...init, failure: 'rejected' });
    this.reason = init.reason;
  }
}

/**
 * A vendor's refusal of a write: the participant's refusal (`refuse`) when `code` is one of the
 * vendor's business codes (`refusals`), else a plain `rejected` error (credentials, a request we
 * built wrong), which retrying will not fix and which is not the buyer's doing.
 */
export function refusalOf<R extends string>(
  init: VendorRefusal<R>,
  refuse: (refusal: RefusalInit<R>) => UpstreamRefusal<R>,
): UpstreamError {
  const message = `${init.upstream} refused ${init.operation}: ${init.code || `HTTP ${init.status ?? '?'}`}`;
  const reason = Object.hasOwn(init.refusals, init.code) ? init.refusals[init.code] : undefined;
  return reason === undefined
    ? new UpstreamError({ upstream: init.upstream, failure: 'rejected', status: init.status, message, detail: init.detail })
    : refuse({ upstream: init.upstream, reason, status: init.status, message, detail: init.detail });
}
