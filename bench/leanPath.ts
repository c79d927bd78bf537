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
import { BURST_OPTIONS, burstSettingsOf, burstTable, measureInBursts, medianOf } from './measureInBursts.js';
import { exitWithoutWrk } from './runWrk.js';
import { startShippedGateway, startTarget, startTogether, type Target } from './startTarget.js';
import { startWorkload } from './workload/startWorkload.js';
import { BENCHMARK_QUERY } from './workload/workloadData.js';

const { values } = parseArgs({ options: BURST_OPTIONS });
exitWithoutWrk();

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
  const settings = burstSettingsOf(values, JSON.stringify({ query: BENCHMARK_QUERY }));
  const loadBefore = loadavg()[0]!;
  const samples = await measureInBursts(targets, settings);
  const lines = [...burstTable(targets, samples, { workload: 'public', settings, loadBefore }), ''];
  for (const [lean, apollo] of [
    [targets[0]!, targets[1]!],
    [targets[2]!, targets[3]!],
  ] as const) {
    const leanCpu = samples.get(lean.name)!.cpu;
    const apolloCpu = samples.get(apollo.name)!.cpu;
    const paired = leanCpu.map((cpu, index) => apolloCpu[index]! / cpu);
    lines.push(
      `${lean.name}: ${(medianOf(apolloCpu) / medianOf(leanCpu)).toFixed(2)}× less CPU per request than ${apollo.name} (medians; per round ${paired.map((ratio) => ratio.toFixed(2)).join(', ')})`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await Promise.all(targets.map((target) => target.stop()));
  await workload.stop();
}
process.exit(0);
