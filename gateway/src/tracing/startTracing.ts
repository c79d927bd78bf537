import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  /** Flushes and unregisters, so a later start in the same process begins clean. */
  stop(): Promise<void>;
}

/**
 * Turns on OpenTelemetry for the spans @apollo/gateway already emits (`gateway.request`,
 * `gateway.plan`, `gateway.fetch`, …), exporting them to `exporter` (the gateway's log exporter,
 * or an in-memory one in tests), and `traceparent` propagation to subgraphs. The active context
 * lives in AsyncLocalStorage, so the spans nest across awaits. No collector is needed to run.
 */
export function startTracing(exporter: SpanExporter): Tracing {
  const contextManager = new AsyncLocalStorageContextManager().enable();
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
