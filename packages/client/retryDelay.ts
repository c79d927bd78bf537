/** How a query is retried: attempts after the first, and the first wait, doubled each time. */
export interface RetryPolicy {
  /** Extra attempts after the first. Default: 2. */
  readonly retries: number;
  /** The first wait, in ms; each next one doubles, with up to half of it again at random. Default: 250. */
  readonly baseDelayMs: number;
  /** The longest wait, `Retry-After` included. Default: 5000. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 2, baseDelayMs: 250, maxDelayMs: 5_000 };

/** Statuses that say "try again later": the gateway rate-limited, or a proxy or the gateway could not serve now. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status);
}

/**
 * The wait before attempt `attempt + 1`: the server's `Retry-After` (seconds) when it gave one,
 * else exponential backoff with jitter, so clients that failed together do not retry together.
 */
export function retryDelay(policy: RetryPolicy, attempt: number, retryAfter: string | null, random: () => number = Math.random): number {
  const told = retryAfter === null ? Number.NaN : Number(retryAfter) * 1_000;
  const backoff = policy.baseDelayMs * 2 ** attempt * (1 + random() / 2);
  return Math.min(policy.maxDelayMs, Number.isFinite(told) && told >= 0 ? told : backoff);
}
