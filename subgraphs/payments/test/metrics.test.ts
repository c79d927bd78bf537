import { afterAll, beforeAll, expect, it } from 'vitest';
import { startPayments, type TestPayments } from './startPayments.js';

let payments: TestPayments;
beforeAll(async () => {
  payments = await startPayments();
});
afterAll(async () => {
  await payments?.stop();
});

it("serves Node's own metrics and each upstream's latency, errors and circuit on /metrics", async () => {
  const rates = await payments.query<{ exchangeRates: { rates: unknown[] } }>('{ exchangeRates { rates { currency rate } } }');
  expect(rates.errors).toBeUndefined();

  const response = await fetch(payments.url.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
  const text = await response.text();
  expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
  // the reference-rates call that answered the query, timed per upstream and outcome
  expect(text).toMatch(/^tradegraph_upstream_request_duration_seconds_count\{upstream="fx-refrates",outcome="200"\} [1-9]/m);
  expect(text).toContain('# TYPE tradegraph_upstream_errors_total counter');
  expect(text).toMatch(/^tradegraph_upstream_circuit_state\{upstream="fx-refrates"\} 0$/m);
});
