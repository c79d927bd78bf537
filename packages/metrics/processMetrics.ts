import { collectDefaultMetrics, Registry } from 'prom-client';

/** The Prometheus text format every `/metrics` answers in. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

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
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** Every series of `processMetrics()`, as Prometheus scrapes it. */
export function renderProcessMetrics(): Promise<string> {
  return processMetrics().metrics();
}
