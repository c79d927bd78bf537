/**
 * The lean request path against Apollo Server's pipeline, on the public benchmark's workload: the
 * same code started twice, once with the lean path (the default) and once without
 * (`GATEWAY_LEAN=off`; `--lean off` for the engine row's gateway), for the shipped gateway and
 * the engine row. Short bursts of wrk are sent to each process in turn, round after round, so a
 * machine whose load drifts weighs on both alike; each burst's CPU per request is read from
 * /proc, and the medians are printed with their ratio.
 *
 *   npx tsx bench/leanPath.ts [--seconds 4 --rounds 5 --warmup 3 --concurrency 16 --pin-core 1]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';
import { freePorts } from '#scripts/stack/freePorts.js';
import { cpuMillis, pinToCore } from './processStats.js';
import { hasWrk, runWrk } from './runWrk.js';
import { startShippedGateway, startTarget, startTogether, type Target } from './startTarget.js';
import { startWorkload } from './workload/startWorkload.js';
import { BENCHMARK_QUERY } from './workload/workloadData.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    'pin-core': { type: 'string' },
  },
});
if (!hasWrk()) {
  process.stderr.write('wrk is not installed: apt-get install -y wrk\n');
  process.exit(1);
}

const workload = await startWorkload();
const targets: Target[] = [];
try {
  const [shippedLean, shippedApollo] = await freePorts(2);
  const engine = (name: string, lean: string) =>
    startTarget(name, 'bench/gateways/tradegraphGateway.ts', ['--supergraph', workload.supergraphPath, '--lean', lean], {
      nodeArgs: GATEWAY_NODE_FLAGS,
    });
  await startTogether(targets, [
    startShippedGateway('shipped, lean path', workload.supergraphPath, shippedLean!),
    startShippedGateway("shipped, Apollo Server's pipeline", workload.supergraphPath, shippedApollo!, { env: { GATEWAY_LEAN: 'off' } }),
    engine('engine row, lean path', 'on'),
    engine("engine row, Apollo Server's pipeline", 'off'),
  ]);
  if (values['pin-core'] !== undefined) for (const target of targets) pinToCore(target.pid, Number(values['pin-core']));
  const body = JSON.stringify({ query: BENCHMARK_QUERY });
  const loadOf = (target: Target) => ({
    url: target.url,
    body,
    headers: target.headers ?? {},
    connections: Number(values.concurrency),
  });
  for (const target of targets) await runWrk({ ...loadOf(target), seconds: Number(values.warmup) });

  const startLoad = loadavg()[0]!;
  const samples = new Map<string, { cpu: number[]; rps: number[]; errors: number }>(
    targets.map((target) => [target.name, { cpu: [], rps: [], errors: 0 }]),
  );
  for (let round = 0; round < Number(values.rounds); round++) {
    // each round in the other order, so neither process always follows the same one
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const before = cpuMillis(target.pid);
      const result = await runWrk({ ...loadOf(target), seconds: Number(values.seconds) });
      const sample = samples.get(target.name)!;
      sample.cpu.push((cpuMillis(target.pid) - before) / result.requests);
      sample.rps.push(result.rps);
      sample.errors += result.errors;
    }
  }
  const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
  const lines = [
    `public workload, wrk ${values.concurrency} connections, ${values.rounds} rounds of ${values.seconds} s per process, alternating; load average ${startLoad.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
    '',
    '| gateway | CPU ms per request (median) | each round | rps (median) | errors |',
    '| --- | ---: | --- | ---: | ---: |',
    ...targets.map((target) => {
      const sample = samples.get(target.name)!;
      return `| ${target.name} | ${median(sample.cpu).toFixed(2)} | ${sample.cpu.map((cpu) => cpu.toFixed(2)).join(', ')} | ${median(sample.rps).toFixed(0)} | ${sample.errors} |`;
    }),
    '',
  ];
  for (const [lean, apollo] of [
    [targets[0]!, targets[1]!],
    [targets[2]!, targets[3]!],
  ] as const) {
    const leanCpu = samples.get(lean.name)!.cpu;
    const apolloCpu = samples.get(apollo.name)!.cpu;
    const paired = leanCpu.map((cpu, index) => apolloCpu[index]! / cpu);
    lines.push(
      `${lean.name}: ${(median(apolloCpu) / median(leanCpu)).toFixed(2)}× less CPU per request than ${apollo.name} (medians; per round ${paired.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await Promise.all(targets.map((target) => target.stop()));
  await workload.stop();
}
process.exit(0);
