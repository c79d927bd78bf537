/**
 * The trade query's gateway CPU per request, this checkout against a baseline checkout, on one
 * stack at the same moments: the contract's search through two engine gateways
 * (`bench/gateways/tradegraphGateway.ts`, one from each checkout, the gateway's node flags), in
 * short wrk bursts to each in turn, each round in the other order (`measureInBursts`). On a shared
 * machine whose load drifts, the two see the same drift, which separate `npm run bench` runs do not.
 *
 *   npx tsx bench/tradeBursts.ts --baseline <checkout with node_modules> [--seconds 4 --rounds 5 --warmup 3 --concurrency 16]
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

const SEARCH = readFileSync(new URL('../operations/search.graphql', import.meta.url), 'utf8');
const BODY = JSON.stringify({ query: SEARCH, variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 10 } });

const { values } = parseArgs({ options: { ...BURST_OPTIONS, baseline: { type: 'string' } } });
if (!values.baseline) throw new Error('--baseline <checkout> is required');

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

const stack = await launchStack({
  ports: 'free',
  startTimeoutMs: 300_000,
  env: { LOG_LEVEL: 'warn', SERVICE_SECRET: BENCH_SERVICE_SECRET },
});
const targets: Target[] = [];
try {
  targets.push(await startGateway('baseline', values.baseline, stack.supergraphPath));
  targets.push(await startGateway('this checkout', '.', stack.supergraphPath));
  for (const target of targets) {
    const response = await request(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: BODY });
    const text = await response.body.text();
    if (response.statusCode !== 200 || text.includes('"errors"')) throw new Error(`${target.name} fails the search: ${text.slice(0, 500)}`);
  }
  const loadBefore = loadavg()[0]!;
  const samples = await measureInBursts(targets, burstSettingsOf(values, BODY));
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
  await stack.stop();
}
