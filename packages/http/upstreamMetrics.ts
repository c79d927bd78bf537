import { Counter, Histogram } from 'prom-client';
import { processMetrics } from '../metrics/index.js';

/** Seconds: from a cached or local answer (milliseconds) to an upstream at its timeout. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface UpstreamMetrics {
  /** One HTTP attempt, by outcome: its HTTP status, `timeout` or `unavailable`. */
  readonly attemptSeconds: Histogram<'upstream' | 'outcome'>;
  /** One call (retries included) that failed, by `UpstreamFailure` (or `abandoned` by its caller). */
  readonly errors: Counter<'upstream' | 'failure'>;
}

let metrics: UpstreamMetrics | undefined;

/** The upstream clients' series in the process registry, made when the first client is. */
export function upstreamMetrics(): UpstreamMetrics {
  metrics ??= {
    attemptSeconds: new Histogram({
      name: 'tradegraph_upstream_request_duration_seconds',
      help: 'Time of one HTTP attempt to an upstream, by upstream and outcome (HTTP status, timeout or unavailable).',
      labelNames: ['upstream', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers: [processMetrics()],
    }),
    errors: new Counter({
      name: 'tradegraph_upstream_errors_total',
      help: 'Upstream calls (retries included) that failed, by upstream and failure (unavailable, timeout, rate-limited, bad-response, rejected, abandoned).',
      labelNames: ['upstream', 'failure'],
      registers: [processMetrics()],
    }),
  };
  return metrics;
}
