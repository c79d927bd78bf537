/**
 * This process's memory in the Prometheus text format: the V8 heap in use and the resident set.
 * Every service's `/metrics` carries them, so a soak can tell a leak (heap climbing after warm-up)
 * from a large but flat working set.
 */
export function renderProcessMetrics(): string {
  const { heapUsed, rss } = process.memoryUsage();
  return [
    '# HELP nodejs_heap_used_bytes V8 heap in use by this process.',
    '# TYPE nodejs_heap_used_bytes gauge',
    `nodejs_heap_used_bytes ${heapUsed}`,
    '# HELP process_resident_memory_bytes Resident memory of this process.',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${rss}`,
    '',
  ].join('\n');
}
