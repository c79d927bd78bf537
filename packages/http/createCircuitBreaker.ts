import { Gauge } from 'prom-client';
import { UpstreamError } from '../errors/index.js';
import { processMetrics } from '../metrics/index.js';

export interface CircuitBreakerOptions {
  /** Consecutive failed calls that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit refuses calls before letting one trial call through. */
  cooldownMs: number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreaker {
  readonly upstream: string;
  readonly state: CircuitState;
  /** Throws an `unavailable` UpstreamError (`reached: false`) while open; otherwise lets the call go ahead. */
  beforeCall(): void;
  onSuccess(): void;
  onFailure(): void;
  /**
   * The caller gave up (its deadline passed) before the call had a verdict. That says nothing
   * about the upstream, but a half-open trial must be released, or no call would ever be let
   * through again.
   */
  onAbandoned(): void;
}

/**
 * Stops calling an upstream that keeps failing, so a dead vendor costs a search nothing but a
 * line in `sources` instead of a timeout on every request. After the cool-down one trial call
 * goes through (half-open): success closes the circuit, failure opens it again, and a trial its
 * caller abandoned lets the next call be the trial.
 */
export function createCircuitBreaker(upstream: string, options: CircuitBreakerOptions, now: () => number = Date.now): CircuitBreaker {
  let state: CircuitState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  const breaker: CircuitBreaker = {
    upstream,
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
      const wait = state === 'half-open' ? 'a trial call is under way' : `next try in ${Math.max(1, Math.ceil(remainingMs / 1000))} s`;
      throw new UpstreamError({
        upstream,
        failure: 'unavailable',
        message: `${upstream} is skipped: its circuit opened after ${options.failureThreshold} failures in a row; ${wait}`,
        retryable: true,
        reached: false,
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
    onAbandoned() {
      trialInFlight = false;
    },
  };
  trackCircuitBreaker(breaker);
  return breaker;
}

const breakers = new Set<WeakRef<CircuitBreaker>>();

function trackCircuitBreaker(breaker: CircuitBreaker): void {
  breakers.add(new WeakRef(breaker));
  circuitStateGauge ??= createCircuitStateGauge();
}

/** Every live circuit breaker of this process, for metrics and readiness reports. */
export function circuitBreakers(): CircuitBreaker[] {
  const live: CircuitBreaker[] = [];
  for (const ref of breakers) {
    const breaker = ref.deref();
    if (breaker === undefined) breakers.delete(ref);
    else live.push(breaker);
  }
  return live;
}

const STATE_VALUE: Record<CircuitState, number> = { closed: 0, 'half-open': 1, open: 2 };

let circuitStateGauge: Gauge<'upstream'> | undefined;

/**
 * `tradegraph_upstream_circuit_state{upstream}` in the process registry, read when scraped: 0
 * closed, 1 half-open, 2 open. Upstreams with several clients (one per subgraph instance) show
 * their worst state.
 */
function createCircuitStateGauge(): Gauge<'upstream'> {
  return new Gauge({
    name: 'tradegraph_upstream_circuit_state',
    help: 'Circuit breaker of each upstream: 0 closed, 1 half-open (a trial call may go), 2 open (calls refused).',
    labelNames: ['upstream'],
    registers: [processMetrics()],
    collect() {
      const worst = new Map<string, number>();
      for (const breaker of circuitBreakers()) {
        worst.set(breaker.upstream, Math.max(worst.get(breaker.upstream) ?? 0, STATE_VALUE[breaker.state]));
      }
      this.reset();
      for (const [upstream, value] of worst) this.set({ upstream }, value);
    },
  });
}
