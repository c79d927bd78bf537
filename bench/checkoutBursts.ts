/**
 * The gateway's CPU per request, this checkout against a baseline checkout, on one workload at the
 * same moments: two engine gateways (`bench/gateways/tradegraphGateway.ts`, one from each
 * checkout, the gateway's node flags), in short wrk bursts to each in turn, each round in the
 * other order (`measureInBursts`). On a shared machine whose load drifts, the two see the same
 * drift, which separate `npm run bench` runs do not. `--workload trade` (the default): the
 * contract's search on Tradegraph's stack; `--workload public`: the public benchmark's query on
 * its four subgraphs.
 *
 *   npx tsx bench/checkoutBursts.ts --baseline <checkout with node_modules> [--workload trade|public --seconds 4 --rounds 5 --warmup 3 --concurrency 16]
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import { launchStack } from '#scripts/stack/launchStack.js';
import { ServiceProcess } from '#scripts/stack/ServiceProcess.js';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';
import { BURST_OPTIONS, burstSettingsOf, measureInBursts, medianOf } from './measureInBursts.js';
import { BENCH_SERVICE_SECRET, type Target } from './startTarget.js';
import { startWorkload } from './workload/startWorkload.js';
import { BENCHMARK_QUERY } from './workload/workloadData.js';

const SEARCH = readFileSync(new URL('../operations/search.graphql', import.meta.url), 'utf8');

const { values } = parseArgs({
  options: { ...BURST_OPTIONS, baseline: { type: 'string' }, workload: { type: 'string', default: 'trade' } },
});
if (!values.baseline) throw new Error('--baseline <checkout> is required');
if (values.workload !== 'trade' && values.workload !== 'public')
  throw new Error(`--workload must be trade or public, not ${values.workload}`);

/** The engine gateway of one checkout, on the stack's supergraph. */
async function startGateway(name: string, root: string, supergraphPath: string): Promise<Target> {
  const service = new ServiceProcess({
    name,
    entry: 'bench/gateways/tradegraphGateway.ts',
    args: ['--supergraph', supergraphPath, `--service-secret=${BENCH_SERVICE_SECRET}`],
    nodeArgs: GATEWAY_NODE_FLAGS,
    root: pathToFileURL(`${resolve(root)}/`),
    env: { NODE_ENV: 'production', APOLLO_TELEMETRY_DISABLED: 'true' },
  });
  service.start();
  try {
    const url = await service.waitForLine((line) => {
      try {
        return (JSON.parse(line) as { listening?: string }).listening;
      } catch {
        return undefined;
      }
    }, 180_000);
    return { name, url, pid: service.pid!, stop: () => service.stop() };
  } catch (error) {
    await service.stop();
    throw error;
  }
}

/** The subgraphs both gateways call, their supergraph, and the request every burst sends. */
interface Workload {
  readonly supergraphPath: string;
  readonly body: string;
  stop(): Promise<void>;
}

async function startTradeWorkload(): Promise<Workload> {
  const stack = await launchStack({
    ports: 'free',
    startTimeoutMs: 300_000,
    env: { LOG_LEVEL: 'warn', SERVICE_SECRET: BENCH_SERVICE_SECRET },
  });
  const body = JSON.stringify({ query: SEARCH, variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 10 } });
  return { supergraphPath: stack.supergraphPath, body, stop: () => stack.stop() };
}

async function startPublicWorkload(): Promise<Workload> {
  const workload = await startWorkload();
  return { supergraphPath: workload.supergraphPath, body: JSON.stringify({ query: BENCHMARK_QUERY }), stop: () => workload.stop() };
}

const workload = values.workload === 'public' ? await startPublicWorkload() : await startTradeWorkload();
const targets: Target[] = [];
try {
  targets.push(await startGateway('baseline', values.baseline, workload.supergraphPath));
  targets.push(await startGateway('this checkout', '.', workload.supergraphPath));
  const answers = new Set<string>();
  for (const target of targets) {
    const response = await request(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: workload.body });
    const text = await response.body.text();
    if (response.statusCode !== 200 || text.includes('"errors"'))
      throw new Error(`${target.name} fails the request: ${text.slice(0, 500)}`);
    answers.add(text);
  }
  // the search's quotes are signed afresh for every request; the public query's answer is the same every time
  if (values.workload === 'public' && answers.size > 1) throw new Error('the two checkouts answer the public query differently');
  const loadBefore = loadavg()[0]!;
  const samples = await measureInBursts(targets, burstSettingsOf(values, workload.body));
  const [baseline, current] = targets.map((target) => samples.get(target.name)!);
  process.stdout.write(`| round | baseline CPU ms/req | this checkout CPU ms/req | this ÷ baseline |\n| ---: | ---: | ---: | ---: |\n`);
  baseline!.cpu.forEach((before, round) => {
    const after = current!.cpu[round]!;
    process.stdout.write(`| ${round + 1} | ${before.toFixed(2)} | ${after.toFixed(2)} | ${(after / before).toFixed(2)} |\n`);
  });
  const ratios = baseline!.cpu.map((before, round) => current!.cpu[round]! / before);
  process.stdout.write(
    `medians: baseline ${medianOf(baseline!.cpu).toFixed(2)} ms, this checkout ${medianOf(current!.cpu).toFixed(2)} ms, ` +
      `ratio per round ${medianOf(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); ` +
      `rps ${medianOf(baseline!.rps).toFixed(0)} / ${medianOf(current!.rps).toFixed(0)}; errors ${baseline!.errors} / ${current!.errors}; ` +
      `load average ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}\n`,
  );
} finally {
  await Promise.all(targets.map((target) => target.stop()));
  await workload.stop();
}
