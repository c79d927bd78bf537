import { performance } from 'node:perf_hooks';

export type BudgetDecision = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface RateBudget {
  readonly limit: number;
  /** Spends one request of `key`'s budget, or says how long until one is free again. */
  take(key: string): BudgetDecision;
  /** Requests refused so far, for tests to see that throttling really happened. */
  readonly throttled: number;
}

/**
 * Retry-After speaks in whole seconds and client timers may fire a millisecond early (libuv
 * rounds its clock to the millisecond), so a client that waited exactly as told could land just
 * inside the window and be refused again. The window forgives that much.
 */
const TIMER_SLACK_MS = 5;

/**
 * A per-key sliding window (a log of request times): at most `limit` accepted requests in any
 * `windowMs`. Refused requests are not logged, so a client that waits as told gets through.
 * Monotonic time, so a wall-clock step cannot open or close the window.
 */
export function createRateBudget(options: { limit: number; windowMs: number }): RateBudget {
  const { limit, windowMs } = options;
  const accepted = new Map<string, number[]>();
  let throttled = 0;

  return {
    limit,
    get throttled() {
      return throttled;
    },
    take(key) {
      const now = performance.now();
      const times = (accepted.get(key) ?? []).filter((time) => time > now - windowMs + TIMER_SLACK_MS);
      accepted.set(key, times);
      const oldest = times[0];
      if (times.length >= limit && oldest !== undefined) {
        throttled += 1;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - TIMER_SLACK_MS - now) / 1000)) };
      }
      times.push(now);
      return { allowed: true, remaining: limit - times.length };
    },
  };
}
