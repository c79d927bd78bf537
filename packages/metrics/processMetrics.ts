import { collectDefaultMetrics, Registry } from 'prom-client';

/** The Prometheus text format every `/metrics` answers in. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** How often the event loop's delay is sampled for `nodejs_eventloop_lag_*`, in ms. */
const EVENT_LOOP_SAMPLE_MS = 100;

let registry: Registry | undefined;

/**
 * This process's prom-client registry, shared by the gateway and every subgraph: Node's default
 * metrics (`nodejs_eventloop_lag_seconds`, `nodejs_heap_size_used_bytes`, `nodejs_gc_duration_seconds`,
 * `process_resident_memory_bytes`, …) and the series of the upstream clients (`packages/http`).
 * Made on first use, so importing a module that records into it starts no monitor by itself.
 */
export function processMetrics(): Registry {
  if (registry === undefined) {
    registry = new Registry();
    // prom-client samples the event loop's delay every 10 ms by default: a hundred wake-ups a
    // second in every idle process, about 7 ms of CPU a second each. Ten a second still catch
    // every stall worth an alert (the histogram records how late each sample fired).
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
  }
  return registry;
}

/** Every series of `processMetrics()`, as Prometheus scrapes it. */
export function renderProcessMetrics(): Promise<string> {
  return processMetrics().metrics();
}
