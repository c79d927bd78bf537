import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSubgraphs, type FakeSubgraphs } from './support/startFakeSubgraphs.js';
import { startTestGateway, type TestGateway } from './support/startTestGateway.js';

let subgraphs: FakeSubgraphs;
beforeAll(async () => {
  subgraphs = await startFakeSubgraphs();
});
afterAll(() => subgraphs.close());

describe('OpenTelemetry tracing, switched on', () => {
  const exporter = new InMemorySpanExporter();
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(
      subgraphs.supergraphPath,
      { OTEL_TRACES: 'on', RESPONSE_CACHE: 'false', SUBGRAPH_CACHE: 'false' },
      { spanExporter: exporter },
    );
  });
  afterAll(() => gateway?.close());

  it('nests the gateway’s spans in one trace and passes its context to the subgraphs', async () => {
    exporter.reset();
    await gateway.post({ query: 'query Traced { offers(first: 2) { id duty } }' });
    const spans = exporter.getFinishedSpans();
    const request = spans.find((span) => span.name === 'gateway.request')!;
    expect(request).toBeDefined();
    const traceId = request.spanContext().traceId;
    expect(spans.every((span) => span.spanContext().traceId === traceId)).toBe(true);
    const fetches = spans.filter((span) => span.name === 'gateway.fetch');
    expect(fetches).toHaveLength(2); // shop, then rates for the entities
    expect(spans.filter((span) => span.name === 'gateway.plan')).toHaveLength(1);
    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    for (const fetchSpan of fetches) {
      // Each fetch hangs off the request span, through the execute span.
      let ancestor = fetchSpan.parentSpanId;
      const chain: string[] = [];
      while (ancestor !== undefined && byId.has(ancestor)) {
        chain.push(byId.get(ancestor)!.name);
        ancestor = byId.get(ancestor)!.parentSpanId;
      }
      expect(chain.at(-1)).toBe('gateway.request');
    }
    const traceparent = String(subgraphs.rates.seen.at(-1)!.headers.traceparent);
    expect(traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-0[01]$`));
  });

  it('plans an operation once: the query plan cache answers the next identical request', async () => {
    await gateway.post({ query: 'query Planned { marketplaces { id } }' });
    exporter.reset();
    await gateway.post({ query: 'query Planned { marketplaces { id } }' });
    const names = exporter.getFinishedSpans().map((span) => span.name);
    expect(names).toContain('gateway.request');
    expect(names).toContain('gateway.fetch');
    expect(names).not.toContain('gateway.plan');
  });
});

describe('tracing switched off (the default)', () => {
  it('sends no trace context to subgraphs', async () => {
    const gateway = await startTestGateway(subgraphs.supergraphPath);
    try {
      await gateway.post({ query: '{ me }' });
      expect(subgraphs.shop.seen.at(-1)!.headers.traceparent).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });
});
