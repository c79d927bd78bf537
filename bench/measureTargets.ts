import { cpuMillis, pinToCore, rssMiB, waitForQuietMachine, type QuietSettings } from './processStats.js';
import type { Row } from './printReport.js';
import { runWrk, type LoadResult } from './runWrk.js';
import type { Target } from './startTarget.js';

export interface BenchSettings {
  readonly seconds: number;
  readonly rounds: number;
  readonly warmupSeconds: number;
  readonly concurrency: number;
  /** The CPU core each target is pinned to (`taskset`); its threads included. Default: not pinned. */
  readonly pinCore?: number;
  /** Targets to measure besides the baselines (stock and the floor): names containing any of these. Default: all. */
  readonly only?: readonly string[];
}

/** Whether a target is measured under these settings: the baselines always are. */
export function isWanted(settings: BenchSettings, name: string, baseline = false): boolean {
  return baseline || !settings.only || settings.only.some((part) => name.includes(part));
}

/** Counts the subgraph requests a target made during a round. */
export interface CallCounter {
  reset(): Promise<void>;
  read(): Promise<number>;
}

/** How often a target's RSS is read during a round. */
const RSS_SAMPLE_MS = 100;

/**
 * Before each round: the machine quiet (a fifth of one core busy, of two) for 300 ms, or 10 s
 * waited. A gateway far behind its load (Hive Gateway's p99 on the trade query is over a second)
 * goes on answering queued requests after wrk stops, and would otherwise share the cores with the
 * next target's round.
 */
const QUIET: QuietSettings = { windowMs: 300, busyShare: 0.1, timeoutMs: 10_000 };

interface Sample extends LoadResult {
  readonly cpuMsPerRequest: number;
  readonly subgraphCalls: number | undefined;
  readonly rssMiB: number;
}

/**
 * Warms every target up, then runs `rounds` rounds over all targets, each round in the opposite
 * order of the one before (so no target always runs on a machine just heated or cooled by the
 * same neighbour), and reports each target's median round.
 */
export async function measureTargets(
  workload: string,
  targets: readonly Target[],
  body: string,
  settings: BenchSettings,
  counterOf: (target: Target) => CallCounter | undefined,
): Promise<Row[]> {
  if (settings.pinCore !== undefined) for (const target of targets) pinToCore(target.pid, settings.pinCore);
  for (const target of targets)
    await runWrk({ url: target.url, body, headers: target.headers, connections: settings.concurrency, seconds: settings.warmupSeconds });
  const samples = new Map<string, Sample[]>(targets.map((target) => [target.name, []]));
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const counter = counterOf(target);
      const { waitedMs, quiet } = await waitForQuietMachine(QUIET);
      await counter?.reset();
      const cpuBefore = cpuMillis(target.pid);
      // RSS moves with every garbage collection: the peak of samples taken through the round
      let peakRss = rssMiB(target.pid);
      const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMiB(target.pid))), RSS_SAMPLE_MS);
      const load = await runWrk({
        url: target.url,
        body,
        headers: target.headers,
        connections: settings.concurrency,
        seconds: settings.seconds,
      });
      clearInterval(sampler);
      const cpu = cpuMillis(target.pid) - cpuBefore;
      const calls = counter ? await counter.read() : undefined;
      samples.get(target.name)!.push({
        ...load,
        cpuMsPerRequest: cpu / Math.max(1, load.requests),
        subgraphCalls: calls === undefined ? undefined : calls / Math.max(1, load.requests),
        rssMiB: Math.max(peakRss, rssMiB(target.pid)),
      });
      const wait = `${quiet ? 'quiet after' : 'still busy after'} ${(waitedMs / 1000).toFixed(1)} s`;
      process.stdout.write(
        `  ${workload} round ${round + 1} ${target.name}: ${load.rps.toFixed(0)} rps, ${(cpu / Math.max(1, load.requests)).toFixed(2)} ms CPU a request (${wait})\n`,
      );
    }
  }
  return targets.map((target) => {
    const runs = samples.get(target.name)!;
    const median = (pick: (sample: Sample) => number) => medianOf(runs.map(pick));
    return {
      workload,
      target: target.name,
      rps: median((sample) => sample.rps),
      p50Ms: median((sample) => sample.p50Ms),
      p99Ms: median((sample) => sample.p99Ms),
      errors: runs.reduce((sum, sample) => sum + sample.errors, 0),
      cpuMsPerRequest: median((sample) => sample.cpuMsPerRequest),
      subgraphCalls: runs[0]?.subgraphCalls === undefined ? undefined : median((sample) => sample.subgraphCalls ?? 0),
      rssMiB: Math.max(...runs.map((sample) => sample.rssMiB)),
    };
  });
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
