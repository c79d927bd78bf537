/**
 * What each shipped default adds to the gateway's CPU per request, on the public benchmark's
 * workload: the shipped gateway (`npm run gateway`'s code and defaults, limits lifted), the same
 * gateway with one default switched off at a time, and the engine row's gateway (no production
 * plugins). Short bursts of wrk go to each process in turn, round after round, so a machine whose
 * load drifts weighs on all alike; each burst's CPU per request is read from /proc, and the medians
 * are printed beside the shipped gateway's.
 *
 *   npx tsx bench/shippedDefaults.ts [--seconds 4 --rounds 5 --warmup 3 --concurrency 16 --pin-core 1]
 *     [--only <name fragment>]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';
import { freePorts } from '#scripts/stack/freePorts.js';
import { BURST_OPTIONS, burstSettingsOf, burstTable, measureInBursts } from './measureInBursts.js';
import { exitWithoutWrk } from './runWrk.js';
import { startShippedGateway, startTarget, startTogether, type Target } from './startTarget.js';
import { startWorkload } from './workload/startWorkload.js';
import { BENCHMARK_QUERY } from './workload/workloadData.js';

/** Each variant of the shipped gateway: its name and the settings it changes (gateway/src/config.ts). */
const VARIANTS: readonly (readonly [name: string, env: Record<string, string>])[] = [
  ['shipped', {}],
  ['shipped, response cache off', { RESPONSE_CACHE: 'false' }],
  ['shipped, subgraph cache off', { SUBGRAPH_CACHE: 'false' }],
  ['shipped, persisted queries off', { PERSISTED_QUERIES: 'off' }],
  ['shipped, all three off', { RESPONSE_CACHE: 'false', SUBGRAPH_CACHE: 'false', PERSISTED_QUERIES: 'off' }],
];

const { values } = parseArgs({
  options: {
    ...BURST_OPTIONS,
    only: { type: 'string' },
  },
});
exitWithoutWrk();

const wanted = VARIANTS.filter(([name]) => name === 'shipped' || values.only === undefined || name.includes(values.only));
const workload = await startWorkload();
const targets: Target[] = [];
try {
  const ports = await freePorts(wanted.length);
  await startTogether(targets, [
    ...wanted.map(([name, env], index) => startShippedGateway(name, workload.supergraphPath, ports[index]!, { env })),
    startTarget('engine row (no production plugins)', 'bench/gateways/tradegraphGateway.ts', ['--supergraph', workload.supergraphPath], {
      nodeArgs: GATEWAY_NODE_FLAGS,
    }),
  ]);
  const settings = burstSettingsOf(values, JSON.stringify({ query: BENCHMARK_QUERY }));
  const loadBefore = loadavg()[0]!;
  const samples = await measureInBursts(targets, settings);
  const lines = burstTable(targets, samples, { workload: 'public', settings, loadBefore, against: 'shipped' });
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await Promise.all(targets.map((target) => target.stop()));
  await workload.stop();
}
process.exit(0);
