import { SpanStatusCode, trace, type Attributes, type Span, type TimeInput } from '@opentelemetry/api';

/** The span names @apollo/gateway emits; the engine emits the same, so traces read alike whichever engine ran. */
export const SPAN = {
  request: 'gateway.request',
  plan: 'gateway.plan',
  execute: 'gateway.execute',
  fetch: 'gateway.fetch',
  postProcessing: 'gateway.postprocessing',
} as const;

const tracer = trace.getTracer('tradegraph/engine');

/**
 * Runs `work` in an active span (so nested spans and subgraphs' `traceparent` hang off it),
 * marking it failed when `work` throws or reports errors. Only called with tracing on: the hot
 * path without tracing never touches OpenTelemetry.
 */
export function inSpan<T>(
  name: string,
  options: { attributes?: Attributes; startTime?: TimeInput },
  work: (span: Span) => Promise<T>,
  failed?: (result: T) => boolean,
): Promise<T> {
  return tracer.startActiveSpan(name, options, async (span) => {
    try {
      const result = await work(span);
      if (failed?.(result)) span.setStatus({ code: SpanStatusCode.ERROR });
      return result;
    } catch (error) {
      if (error instanceof Error) span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** A span that already happened (planning, timed by the caller), under the active span. */
export function recordSpan(name: string, startTime: TimeInput, endTime: TimeInput, attributes?: Attributes): void {
  tracer.startSpan(name, { startTime, ...(attributes && { attributes }) }).end(endTime);
}
