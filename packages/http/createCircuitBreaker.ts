import { UpstreamError } from '../errors/index.js';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one trial call through. */
  cooldownMs: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  readonly state: CircuitState;
  /** Throws an `unavailable` UpstreamError while open; otherwise lets the call go ahead. */
  beforeCall(): void;
  onSuccess(): void;
  onFailure(): void;
}

/**
 * Stops calling an upstream that keeps failing, so a dead vendor costs a search nothing but a
 * line in `sources` instead of a timeout on every request. After the cool-down one trial call
 * goes through (half-open): success closes the circuit, failure opens it again.
 */
export function createCircuitBreaker(upstream: string, options: CircuitBreakerOptions, now: () => number = Date.now): CircuitBreaker {
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  return {
    get state() {
      if (state === 'open' && now() - openedAt >= options.cooldownMs) return 'half-open';
      return state;
    },
    beforeCall() {
      if (state === 'closed') return;
      const remainingMs = options.cooldownMs - (now() - openedAt);
      if (state === 'open' && remainingMs <= 0 && !trialInFlight) {
        state = 'half-open';
      }
      if (state === 'half-open' && !trialInFlight) {
        trialInFlight = true;
        return;
      }
      throw new UpstreamError({
        upstream,
        failure: 'unavailable',
        message: `${upstream} is skipped: its circuit opened after ${options.failureThreshold} failures in a row; next try in ${Math.max(1, Math.ceil(remainingMs / 1000))} s`,
        retryable: true,
      });
    },
    onSuccess() {
      state = 'closed';
      failures = 0;
      trialInFlight = false;
    },
    onFailure() {
      trialInFlight = false;
      failures++;
      if (state === 'half-open' || failures >= options.failureThreshold) {
        state = 'open';
        openedAt = now();
      }
    },
  };
}
