import { ErrorCode } from './ErrorCode.js';

export type UpstreamFailure = 'unavailable' | 'timeout' | 'rate-limited' | 'bad-response' | 'rejected';

/**
 * A call to a vendor API that did not give a usable answer. `detail` may hold the vendor's own
 * words for logs; it never reaches a client in production.
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  readonly upstream: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  readonly failure: UpstreamFailure;
  /** Seconds the upstream asked us to wait (Retry-After), when it said so. */
  readonly retryAfterSeconds: number | undefined;
  readonly detail: string | undefined;
  /**
   * Whether the request may have reached the upstream. `false` when the connection was refused or
   * the circuit was open: nothing was sent, so nothing was done there and nothing needs undoing.
   * A timeout after sending is `true`: the outcome is unknown.
   */
  readonly reached: boolean;

  constructor(init: {
    upstream: string;
    failure: UpstreamFailure;
    message: string;
    status?: number;
    retryable?: boolean;
    retryAfterSeconds?: number;
    detail?: string;
    /** Default: true (the request may have been acted on). */
    reached?: boolean;
    cause?: unknown;
  }) {
    super(init.message, { cause: init.cause });
    this.upstream = init.upstream;
    this.failure = init.failure;
    this.status = init.status;
    this.retryable = init.retryable ?? (init.failure !== 'rejected' && init.failure !== 'bad-response');
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.detail = init.detail;
    this.reached = init.reached ?? true;
  }

  get code(): ErrorCode {
    switch (this.failure) {
      case 'unavailable':
      case 'rejected':
        return ErrorCode.UPSTREAM_UNAVAILABLE;
      case 'timeout':
        return ErrorCode.UPSTREAM_TIMEOUT;
      case 'rate-limited':
        return ErrorCode.UPSTREAM_RATE_LIMITED;
      case 'bad-response':
        return ErrorCode.UPSTREAM_BAD_RESPONSE;
      default:
        return assertNever(this.failure);
    }
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unreachable case: ${JSON.stringify(value)}`);
}
