import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperationLabels } from '../src/metrics/createGatewayMetrics.js';
import { MetricsRegistry } from '../src/metrics/MetricsRegistry.js';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, testManifest, type TestGateway } from './support/startTestGateway.js';

describe('MetricsRegistry', () => {
  it('writes the Prometheus text format: HELP, TYPE, labelled samples, escaped label values', () => {
    const registry = new MetricsRegistry();
    const counter = registry.counter('demo_total', 'Demo things.');
    counter.inc({ code: 'A' });
    counter.inc({ code: 'A' }, 2);
    counter.inc({ code: 'say "hi"\\\n' });
    expect(registry.render()).toBe(
      [
        '# HELP demo_total Demo things.',
        '# TYPE demo_total counter',
        'demo_total{code="A"} 3',
        'demo_total{code="say \\"hi\\"\\\\\\n"} 1',
        '',
      ].join('\n'),
    );
  });

  it('keeps histogram buckets cumulative, with +Inf, sum and count', () => {
    const registry = new MetricsRegistry();
    const histogram = registry.histogram('latency_seconds', 'Latency.', [0.1, 1]);
    for (const value of [0.05, 0.5, 5]) histogram.observe({ op: 'x' }, value);
    expect(registry.render().split('\n').slice(2, 7)).toEqual([
      'latency_seconds_bucket{op="x",le="0.1"} 1',
      'latency_seconds_bucket{op="x",le="1"} 2',
      'latency_seconds_bucket{op="x",le="+Inf"} 3',
      'latency_seconds_sum{op="x"} 5.55',
      'latency_seconds_count{op="x"} 3',
    ]);
  });

  it('bounds operation labels: registered names always, others until the cap, then __other', () => {
    const label = createOperationLabels(new Set(['Search']), 2);
    expect(['Search', 'A', 'B', 'C', 'Search', undefined, 'bad name!'].map(label)).toEqual([
      'Search',
      'A',
      'B',
      '__other',
      'Search',
      '__anonymous',
      '__other',
    ]);
  });
});

describe('/metrics', () => {
  let subgraphs: FakeSubgraphs;
  let gateway: TestGateway;
  beforeAll(async () => {
    subgraphs = await startFakeSubgraphs();
    gateway = await startTestGateway(subgraphs.supergraphPath);
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });

  it('exposes requests and latency per operation and subgraph, errors by code, caches and the store', async () => {
    const marketplaces = testManifest.operations.find((operation) => operation.name === 'Marketplaces')!;
    await gateway.post({ query: marketplaces.body });
    await gateway.post({ query: marketplaces.body });
    await gateway.post({ query: '{ offers(first: 2) { id duty } }' });
    await gateway.post({ query: '{ nope }' });
    const response = await fetch(`${gateway.origin}/metrics`);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    const text = await response.text();
    for (const line of [
      'tradegraph_gateway_requests_total{operation="Marketplaces",type="query",status="200"} 2',
      'tradegraph_gateway_request_duration_seconds_count{operation="Marketplaces"} 2',
      'tradegraph_gateway_requests_total{operation="__anonymous",type="query",status="200"} 1',
      'tradegraph_gateway_requests_total{operation="__unresolved",type="unknown",status="400"} 1',
      'tradegraph_gateway_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1',
      'tradegraph_gateway_subgraph_requests_total{subgraph="shop",status="200"} 2',
      'tradegraph_gateway_subgraph_requests_total{subgraph="rates",status="200"} 1',
      'tradegraph_gateway_cache_lookups_total{cache="response",result="hit"} 1',
      'tradegraph_gateway_cache_lookups_total{cache="response",result="miss"} 2',
      'tradegraph_gateway_store_errors_total{store="cache"} 0',
      'tradegraph_gateway_store_errors_total{store="rate_limit"} 0',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/tradegraph_gateway_subgraph_request_duration_seconds_bucket\{subgraph="rates",le="\+Inf"\} 1/);
    expect(text).toMatch(/# TYPE tradegraph_gateway_operation_cost histogram/);
  });

  it("adds Node's own series (event loop, memory, GC) after the gateway's", async () => {
    const text = await (await fetch(`${gateway.origin}/metrics`)).text();
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toContain('# TYPE nodejs_gc_duration_seconds histogram');
    // the per-upstream latency of the gateway: its subgraphs
    expect(text).toMatch(/^tradegraph_gateway_subgraph_request_duration_seconds_count\{subgraph="shop"\} [1-9]/m);
  });
});
