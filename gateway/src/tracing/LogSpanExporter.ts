import { ExportResultCode, hrTimeToMilliseconds, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Logger } from '#packages/log/index.js';

/**
 * Writes each finished span as one JSON log line (`msg: "span"`), with trace and parent ids, so
 * traces can be read from the logs with nothing else running. Exported as spans end, inside their
 * request, the line also carries the request id.
 */
export class LogSpanExporter implements SpanExporter {
  constructor(private readonly logger: Logger) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    for (const span of spans) {
      const { traceId, spanId } = span.spanContext();
      this.logger.info('span', {
        traceId,
        spanId,
        parentSpanId: span.parentSpanId,
        name: span.name,
        durationMs: Math.round(hrTimeToMilliseconds(span.duration) * 10) / 10,
        status: span.status.code,
        attributes: span.attributes,
      });
    }
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}
}
