import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { AsyncLocalStorageContextManager } from './AsyncLocalStorageContextManager.js';

export interface Tracing {
  /** Flushes and unregisters, so a later start in the same process begins clean. */
  stop(): Promise<void>;
}

/**
 * Turns on OpenTelemetry for the spans @apollo/gateway already emits (`gateway.request`,
 * `gateway.plan`, `gateway.fetch`, …), exporting them to `exporter` (the gateway's log exporter,
 * or an in-memory one in tests), and `traceparent` propagation to subgraphs. Only packages that
 * @apollo/gateway brings are used; no collector is needed to run.
 */
export function startTracing(exporter: SpanExporter): Tracing {
  const contextManager = new AsyncLocalStorageContextManager();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  provider.register({ contextManager, propagator: new W3CTraceContextPropagator() });
  return {
    async stop() {
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
}
