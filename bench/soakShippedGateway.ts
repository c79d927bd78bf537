/**
 * `npm run bench:soak`: the shipped gateway under steady load for a bounded time, on the public
 * workload, watching its memory. An open-loop load (requests sent on a fixed schedule, whatever
 * the answers' pace: `--rps` a second, at most 64 in flight, what the gateway cannot take is
 * skipped and counted) runs for `--minutes`; every 10 s the gateway's own
 * `/metrics` gives its heap (`tradegraph_gateway_process_memory_bytes`) and /proc its RSS. After
 * the warm-up (`--warmup-minutes`), the heap's trend is fitted by least squares, over all samples
 * and over each minute's lowest sample (the heap after a collection, where a leak shows without
 * the sawtooth of garbage between collections).
 *
 *   npm run bench:soak [-- --minutes 10 --rps 200 --warmup-minutes 2 --pin-core 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { freePorts } from '#scripts/stack/freePorts.js';
import { cpuMillis, pinToCore, rssMiB } from './processStats.js';
import { startShippedGateway } from './startTarget.js';
import { startWorkload } from './workload/startWorkload.js';
import { BENCHMARK_QUERY } from './workload/workloadData.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    rps: { type: 'string', default: '200' },
    'warmup-minutes': { type: 'string', default: '2' },
    'pin-core': { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const rps = Number(values.rps);
const warmupMinutes = Number(values['warmup-minutes']);
const SAMPLE_MS = 10_000;
const TICK_MS = 20;
/** Requests in flight at most: a soak measures a gateway keeping up, not a queue growing on a machine too busy for the rate. */
const MAX_IN_FLIGHT = 64;

interface Sample {
  readonly minute: number;
  readonly heapMiB: number;
  readonly rssMiB: number;
}

const workload = await startWorkload();
try {
  const [port] = await freePorts(1);
  const gateway = await startShippedGateway('shipped gateway', workload.supergraphPath, port!);
  if (values['pin-core'] !== undefined) pinToCore(gateway.pid, Number(values['pin-core']));
  const metricsUrl = new URL('/metrics', gateway.url);
  const agent = new Agent({ connections: 256 });
  const body = JSON.stringify({ query: BENCHMARK_QUERY });
  const headers = { 'content-type': 'application/json', ...gateway.headers };
  let sent = 0;
  let skipped = 0;
  let answered = 0;
  let failed = 0;
  let inFlight = 0;
  const latencies: number[] = [];
  const send = async (): Promise<void> => {
    const started = performance.now();
    inFlight++;
    try {
      const response = await request(gateway.url, { method: 'POST', headers, body, dispatcher: agent });
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.includes('"errors"')) failed++;
      else answered++;
    } catch {
      failed++;
    } finally {
      inFlight--;
      latencies.push(performance.now() - started);
    }
  };
  const heapMiB = async (): Promise<number> => {
    const text = await (await request(metricsUrl, { dispatcher: agent })).body.text();
    const match = /tradegraph_gateway_process_memory_bytes\{kind="heap_used"\} (\d+)/.exec(text);
    return Number(match?.[1] ?? Number.NaN) / 1024 / 1024;
  };

  process.stdout.write(
    `soak: ${rps} requests/s for ${minutes} min on the shipped gateway (public workload), heap and RSS every ${SAMPLE_MS / 1000} s, load average ${loadavg()[0]!.toFixed(1)}\n`,
  );
  const start = performance.now();
  const cpuStart = cpuMillis(gateway.pid);
  const samples: Sample[] = [];
  const perTick = (rps * TICK_MS) / 1000;
  let owed = 0;
  const ticker = setInterval(() => {
    // open loop: what the schedule owes is sent, however slow the answers, up to MAX_IN_FLIGHT;
    // beyond it the gateway is behind, and what it cannot take is skipped (and counted), not queued
    const due = ((performance.now() - start) / 1000) * rps;
    owed = due - sent - skipped;
    for (let index = 0; index < Math.floor(Math.min(owed, perTick * 5)); index++) {
      if (inFlight >= MAX_IN_FLIGHT) {
        skipped++;
        continue;
      }
      sent++;
      void send();
    }
  }, TICK_MS);
  const takeSample = async () => {
    const minute = (performance.now() - start) / 60_000;
    const sample = { minute, heapMiB: await heapMiB(), rssMiB: rssMiB(gateway.pid) };
    samples.push(sample);
    const sorted = latencies.splice(0).sort((a, b) => a - b);
    process.stdout.write(
      `  ${minute.toFixed(1)} min: heap ${sample.heapMiB.toFixed(1)} MiB, RSS ${sample.rssMiB.toFixed(0)} MiB, ${answered} answered, ${failed} failed, ${skipped} skipped, ${inFlight} in flight, p50 ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms, p99 ${(sorted[Math.floor(sorted.length * 0.99)] ?? 0).toFixed(0)} ms\n`,
    );
  };
  const sampler = setInterval(() => void takeSample(), SAMPLE_MS);
  await new Promise((resolve) => setTimeout(resolve, minutes * 60_000));
  clearInterval(ticker);
  clearInterval(sampler);
  while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 50));
  const cpuMsPerRequest = (cpuMillis(gateway.pid) - cpuStart) / Math.max(1, answered + failed);
  await gateway.stop();
  await agent.close();

  const settled = samples.filter((sample) => sample.minute >= warmupMinutes);
  const lowestOfMinute = new Map<number, Sample>();
  for (const sample of settled) {
    const lowest = lowestOfMinute.get(Math.floor(sample.minute));
    if (lowest === undefined || sample.heapMiB < lowest.heapMiB) lowestOfMinute.set(Math.floor(sample.minute), sample);
  }
  const floors = [...lowestOfMinute.values()];
  const slope = (points: readonly Sample[], pick: (sample: Sample) => number) => leastSquaresSlope(points.map((p) => [p.minute, pick(p)]));
  const heaps = settled.map((sample) => sample.heapMiB);
  process.stdout.write(
    [
      '',
      `| minutes | rps asked | rps answered | skipped (gateway behind) | sent | answered | failed | CPU ms/req | heap after warm-up, MiB (min–max) | heap slope, all samples | heap slope, lowest per minute | RSS slope | peak RSS MiB |`,
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |',
      `| ${minutes} | ${rps} | ${(answered / (minutes * 60)).toFixed(0)} | ${skipped} | ${sent} | ${answered} | ${failed} | ${cpuMsPerRequest.toFixed(2)} | ${Math.min(...heaps).toFixed(1)}–${Math.max(...heaps).toFixed(1)} | ${slope(settled, (s) => s.heapMiB).toFixed(2)} MiB/min | ${slope(floors, (s) => s.heapMiB).toFixed(2)} MiB/min | ${slope(settled, (s) => s.rssMiB).toFixed(2)} MiB/min | ${Math.max(...samples.map((s) => s.rssMiB)).toFixed(0)} |`,
      '',
      `Slopes are least-squares fits over the samples after the ${warmupMinutes}-minute warm-up.`,
      '',
    ].join('\n'),
  );
} finally {
  await workload.stop();
}
process.exit(0);

/** The slope of the least-squares line through `points` (x, y). */
function leastSquaresSlope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (const [x, y] of points) {
    numerator += (x - meanX) * (y - meanY);
    denominator += (x - meanX) ** 2;
  }
  return numerator / denominator;
}
