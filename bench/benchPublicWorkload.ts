import { request } from 'undici';
import { freePorts } from '#scripts/stack/freePorts.js';
import { isWanted, measureTargets, type BenchSettings } from './measureTargets.js';
import { TARGET_NAMES, type Row } from './printReport.js';
import { hiveGatewayBin, startHiveGateway, startShippedGateway, startTarget, startTogether, type Target } from './startTarget.js';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';
import { BENCHMARK_QUERY } from './workload/workloadData.js';
import { startWorkload } from './workload/startWorkload.js';

/**
 * The public benchmark's workload: its four subgraphs, its supergraph, its query, through every
 * target. Before measuring, every target's answer is checked against the floor's: a faster
 * gateway that answers something else would measure nothing.
 */
export async function benchPublicWorkload(settings: BenchSettings): Promise<Row[]> {
  const workload = await startWorkload();
  const { urls, supergraphPath } = workload;
  const targets: Target[] = [];
  try {
    const gateway = 'bench/gateways/tradegraphGateway.ts';
    // the Tradegraph gateway runs with its own process settings (gateway/nodeFlags.ts), stock with Node's defaults
    type Candidate = readonly [name: string, entry: string, args: string[], nodeArgs?: readonly string[]];
    const tradegraph = (name: string, dedupe: string): Candidate => [
      name,
      gateway,
      ['--supergraph', supergraphPath, '--dedupe', dedupe],
      GATEWAY_NODE_FLAGS,
    ];
    const candidates: readonly Candidate[] = [
      [TARGET_NAMES.floor, 'bench/gateways/handWrittenFloor.ts', ['--subgraphs', JSON.stringify(urls)]],
      tradegraph('tradegraph', 'off'),
      tradegraph('tradegraph, dedupe subgraph requests', 'subgraph'),
      tradegraph('tradegraph, dedupe on', 'on'),
      [TARGET_NAMES.stock, 'bench/gateways/stockGateway.ts', ['--supergraph', supergraphPath]],
    ];
    const baselines = new Set<string>([TARGET_NAMES.floor, TARGET_NAMES.stock]);
    await startTogether(
      targets,
      candidates
        .filter(([name]) => isWanted(settings, name, baselines.has(name)))
        .map(([name, entry, args, nodeArgs]) => startTarget(name, entry, args, { nodeArgs })),
    );
    const [hivePort, hiveDedupePort, shippedPort] = await freePorts(3);
    if (isWanted(settings, TARGET_NAMES.shipped))
      targets.push(await startShippedGateway(TARGET_NAMES.shipped, supergraphPath, shippedPort!));
    const hiveNames = ['@graphql-hive/gateway', '@graphql-hive/gateway, dedupe on'] as const;
    if (!hiveGatewayBin()) process.stdout.write('@graphql-hive/gateway is not installed: measured without it (see BENCHMARKS.md)\n');
    else {
      if (isWanted(settings, hiveNames[0])) targets.push((await startHiveGateway(hiveNames[0], supergraphPath, hivePort!, false))!);
      if (isWanted(settings, hiveNames[1])) targets.push((await startHiveGateway(hiveNames[1], supergraphPath, hiveDedupePort!, true))!);
    }

    const body = JSON.stringify({ query: BENCHMARK_QUERY });
    await checkSameAnswers(targets, body);
    return await measureTargets('public', targets, body, settings, () => workload.calls);
  } finally {
    await Promise.all(targets.map((target) => target.stop()));
    await workload.stop();
  }
}

async function checkSameAnswers(targets: readonly Target[], body: string): Promise<void> {
  const answers = await Promise.all(
    targets.map(async (target) => {
      const response = await request(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body,
      });
      return JSON.stringify(await response.body.json());
    }),
  );
  for (const [index, target] of targets.entries()) {
    if (answers[index] !== answers[0])
      throw new Error(`${target.name} does not answer what ${targets[0]!.name} answers:\n${answers[index]!.slice(0, 500)}`);
  }
  process.stdout.write(`public: all ${targets.length} targets give the same ${answers[0]!.length}-byte answer\n`);
}
