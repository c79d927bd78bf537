import type { SlidingWindow } from '#packages/cache/index.js';
import { GatewayErrorCode, gatewayError } from '../gatewayError.js';
import type { Principal } from '../keys/Principal.js';
import type { PerTier } from '../keys/tiers.js';

/** Where a request stands against its rate limit, for the `RateLimit-*` headers. */
export interface RateLimitState {
  readonly limit: number;
  readonly remaining: number;
  /** Whole seconds until a slot frees (the oldest counted request leaves the window). */
  readonly resetSeconds: number;
  readonly windowSeconds: number;
}

export interface RateLimiter {
  /** Counts the request against its key's window; throws a 429 `RATE_LIMITED` error when it is full. */
  consume(principal: Principal): Promise<RateLimitState>;
}

/**
 * Per-key sliding windows in the shared store, so N replicas enforce one limit, not N. The limit
 * comes from the key's tier; keyless requests are counted per client address at the lowest tier.
 */
export function createRateLimiter(options: {
  window: SlidingWindow;
  limits: PerTier<number>;
  windowSeconds: number;
  /** What is counted, for keys and messages: `requests` (default) or e.g. `APQ registrations`. */
  counted?: { readonly keyPrefix: string; readonly noun: string };
  onLimited?: (principal: Principal) => void;
}): RateLimiter {
  const { keyPrefix, noun } = options.counted ?? { keyPrefix: 'ratelimit', noun: 'requests' };
  const windowMs = options.windowSeconds * 1000;
  return {
    async consume(principal) {
      const limit = options.limits[principal.tier];
      const decision = await options.window.hit(`${keyPrefix}:${principal.rateLimitKey}`, limit, windowMs);
      const state: RateLimitState = {
        limit,
        remaining: decision.remaining,
        resetSeconds: Math.ceil(decision.resetMs / 1000),
        windowSeconds: options.windowSeconds,
      };
      if (decision.allowed) return state;
      options.onLimited?.(principal);
      const who = principal.keyId === undefined ? `${capitalized(noun)} without an API key` : `API key ${principal.keyId}`;
      throw gatewayError(
        `${who} may make ${limit} ${noun} per ${options.windowSeconds} s (${principal.tier} tier); retry in ${state.resetSeconds} s`,
        {
          code: GatewayErrorCode.RATE_LIMITED,
          status: 429,
          headers: [...rateLimitHeaders(state), ['retry-after', String(Math.max(1, state.resetSeconds))]],
          details: { limit, windowSeconds: options.windowSeconds, retryAfterSeconds: Math.max(1, state.resetSeconds) },
        },
      );
    },
  };
}

/**
 * The IETF draft's headers (draft-ietf-httpapi-ratelimit-headers): the limit, what remains, and
 * seconds until more is available; `RateLimit-Policy` names the window.
 */
export function rateLimitHeaders(state: RateLimitState): Array<[string, string]> {
  return [
    ['ratelimit-limit', String(state.limit)],
    ['ratelimit-remaining', String(state.remaining)],
    ['ratelimit-reset', String(state.resetSeconds)],
    ['ratelimit-policy', `${state.limit};w=${state.windowSeconds}`],
  ];
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
