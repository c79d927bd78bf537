import { rssMiB } from '#bench/processStats.js';
import type { RunningStack } from '../stack/launchStack.js';

/** One service's memory at one moment, in MiB; heap is undefined where the process does not report one (the sandboxes). */
export interface MemorySample {
  readonly service: string;
  readonly atMs: number;
  readonly heapMiB: number | undefined;
  readonly rssMiB: number;
}

const MIB = 1024 * 1024;

/** Reads a gauge from a Prometheus text page. */
function gauge(page: string, name: string): number | undefined {
  const match = new RegExp(`^${name} (\\d+(?:\\.\\d+)?)$`, 'm').exec(page);
  return match ? Number(match[1]) : undefined;
}

/**
 * The heap and RSS of the gateway and every subgraph, from their `/metrics`
 * (`nodejs_heap_size_used_bytes`, `process_resident_memory_bytes`), and the sandboxes' RSS from /proc.
 */
export async function sampleMemory(stack: RunningStack, gatewayUrls: readonly string[] = [stack.gatewayUrl]): Promise<MemorySample[]> {
  const atMs = Date.now();
  const targets = [
    ...gatewayUrls.map((url, index) => [gatewayUrls.length === 1 ? 'gateway' : `gateway-${index + 1}`, url] as const),
    ...Object.entries(stack.subgraphUrls),
  ];
  const samples = await Promise.all(
    targets.map(async ([service, url]): Promise<MemorySample | undefined> => {
      try {
        const page = await (await fetch(new URL('/metrics', url), { signal: AbortSignal.timeout(20_000) })).text();
        const heap = gauge(page, 'nodejs_heap_size_used_bytes');
        const rss = gauge(page, 'process_resident_memory_bytes');
        if (rss === undefined) return undefined;
        return { service, atMs, heapMiB: heap === undefined ? undefined : heap / MIB, rssMiB: rss / MIB };
      } catch {
        return undefined; // restarting, or too busy to answer in time: a gap in its series
      }
    }),
  );
  const sandbox = stack.services.get('sandbox')?.pid;
  if (sandbox !== undefined) samples.push({ service: 'sandboxes', atMs, heapMiB: undefined, rssMiB: rssMiB(sandbox) });
  return samples.filter((sample): sample is MemorySample => sample !== undefined);
}

/** Least-squares slope of `values` over `times` (ms), per minute. */
export function slopePerMinute(times: readonly number[], values: readonly number[]): number {
  const n = times.length;
  if (n < 2) return 0;
  const meanT = times.reduce((sum, t) => sum + t, 0) / n;
  const meanV = values.reduce((sum, v) => sum + v, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    covariance += (times[i]! - meanT) * (values[i]! - meanV);
    variance += (times[i]! - meanT) ** 2;
  }
  return variance === 0 ? 0 : (covariance / variance) * 60_000;
}
