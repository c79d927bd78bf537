import { describe, expect, it } from 'vitest';
import { renderProcessMetrics } from '../metrics/index.js';
import { createCircuitBreaker } from './createCircuitBreaker.js';

describe('createCircuitBreaker', () => {
  const setup = () => {
    let now = 0;
    const breaker = createCircuitBreaker('vendor', { failureThreshold: 2, cooldownMs: 1_000 }, () => now);
    return { breaker, advance: (ms: number) => (now += ms) };
  };

  it('opens after consecutive failures only', () => {
    const { breaker } = setup();
    breaker.onFailure();
    breaker.onSuccess();
    breaker.onFailure();
    expect(breaker.state).toBe('closed');
    breaker.onFailure();
    expect(breaker.state).toBe('open');
    expect(() => breaker.beforeCall()).toThrow(/next try in 1 s/);
  });

  it('lets exactly one trial through after the cool-down, and reopens if it fails', () => {
    const { breaker, advance } = setup();
    breaker.onFailure();
    breaker.onFailure();
    advance(1_000);
    expect(breaker.state).toBe('half-open');
    expect(() => breaker.beforeCall()).not.toThrow();
    expect(() => breaker.beforeCall()).toThrow(); // a second caller waits for the trial
    breaker.onFailure();
    expect(breaker.state).toBe('open');
    advance(1_000);
    breaker.beforeCall();
    breaker.onSuccess();
    expect(breaker.state).toBe('closed');
  });

  it('releases a half-open trial its caller abandoned, so the next call is the trial', () => {
    const { breaker, advance } = setup();
    breaker.onFailure();
    breaker.onFailure();
    advance(1_000);
    breaker.beforeCall(); // the trial
    expect(() => breaker.beforeCall()).toThrow(/a trial call is under way/);
    breaker.onAbandoned();
    advance(60_000);
    expect(() => breaker.beforeCall()).not.toThrow();
  });

  it('refuses while open without having reached the upstream, and shows its state as a metric', async () => {
    const { breaker } = setup();
    breaker.onFailure();
    breaker.onFailure();
    let refusal: unknown;
    try {
      breaker.beforeCall();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ failure: 'unavailable', reached: false });
    expect(await renderProcessMetrics()).toContain('tradegraph_upstream_circuit_state{upstream="vendor"} 2');
  });
});
