import { loadavg } from 'node:os';
import { cpuMillis, pinToCore } from './processStats.js';
import { runWrk } from './runWrk.js';
import type { Target } from './startTarget.js';

/** How `measureInBursts` loads each target. */
export interface BurstSettings {
  /** The request every burst sends (a JSON body, POSTed). */
  readonly body: string;
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly rounds: number;
  readonly seconds: number;
  /** The CPU core every target is pinned to. Default: not pinned. */
  readonly pinCore?: number;
}

/** One target's bursts: CPU ms per request and requests a second, one entry per round. */
export interface BurstSamples {
  readonly cpu: number[];
  readonly rps: number[];
  errors: number;
}

/**
 * Warms every target up, then sends short wrk bursts to each in turn, round after round, each
 * round in the other order, so a machine whose load drifts weighs on all alike and no process
 * always follows the same one. Each burst's CPU per request is read from /proc.
 */
export async function measureInBursts(targets: readonly Target[], settings: BurstSettings): Promise<Map<string, BurstSamples>> {
  if (settings.pinCore !== undefined) for (const target of targets) pinToCore(target.pid, settings.pinCore);
  const loadOf = (target: Target) => ({
    url: target.url,
    body: settings.body,
    headers: target.headers ?? {},
    connections: settings.connections,
  });
  for (const target of targets) await runWrk({ ...loadOf(target), seconds: settings.warmupSeconds });
  const samples = new Map<string, BurstSamples>(targets.map((target) => [target.name, { cpu: [], rps: [], errors: 0 }]));
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const before = cpuMillis(target.pid);
      const result = await runWrk({ ...loadOf(target), seconds: settings.seconds });
      const sample = samples.get(target.name)!;
      sample.cpu.push((cpuMillis(target.pid) - before) / result.requests);
      sample.rps.push(result.rps);
      sample.errors += result.errors;
    }
  }
  return samples;
}

/** The command-line options of a bench measured in bursts (`parseArgs`), with their defaults. */
export const BURST_OPTIONS = {
  seconds: { type: 'string', default: '4' },
  rounds: { type: 'string', default: '5' },
  warmup: { type: 'string', default: '3' },
  concurrency: { type: 'string', default: '16' },
  'pin-core': { type: 'string' },
} as const;

/** `measureInBursts`' settings from the values of `BURST_OPTIONS`, sending `body`. */
export function burstSettingsOf(
  values: { seconds: string; rounds: string; warmup: string; concurrency: string; 'pin-core'?: string | undefined },
  body: string,
): BurstSettings {
  return {
    body,
    connections: Number(values.concurrency),
    warmupSeconds: Number(values.warmup),
    rounds: Number(values.rounds),
    seconds: Number(values.seconds),
    ...(values['pin-core'] !== undefined && { pinCore: Number(values['pin-core']) }),
  };
}

/** The middle value (the upper of the two middle ones for an even count). */
export function medianOf(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/**
 * The report of one measurement in bursts: a line saying how it was measured, with the load
 * average (1 min) before and after, then a Markdown table of each target's median CPU per request,
 * each round's, its median requests a second and its errors. With `against`, a column of each
 * median less that target's.
 */
export function burstTable(
  targets: readonly Target[],
  samples: ReadonlyMap<string, BurstSamples>,
  how: { workload: string; settings: BurstSettings; loadBefore: number; against?: string },
): string[] {
  const { connections, rounds, seconds } = how.settings;
  const baseline = how.against === undefined ? undefined : medianOf(samples.get(how.against)!.cpu);
  const column = (cpu: number) => (baseline === undefined ? '' : ` ${(cpu - baseline).toFixed(2)} |`);
  return [
    `${how.workload} workload, wrk ${connections} connections, ${rounds} rounds of ${seconds} s per process, alternating; load average ${how.loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
    '',
    `| gateway | CPU ms per request (median) |${baseline === undefined ? '' : ` − ${how.against} |`} each round | rps (median) | errors |`,
    `| --- | ---: |${baseline === undefined ? '' : ' ---: |'} --- | ---: | ---: |`,
    ...targets.map((target) => {
      const sample = samples.get(target.name)!;
      const cpu = medianOf(sample.cpu);
      return `| ${target.name} | ${cpu.toFixed(2)} |${column(cpu)} ${sample.cpu.map((value) => value.toFixed(2)).join(', ')} | ${medianOf(sample.rps).toFixed(0)} | ${sample.errors} |`;
    }),
  ];
}
