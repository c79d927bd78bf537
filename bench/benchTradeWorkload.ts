import { readFileSync } from 'node:fs';
import { request } from 'undici';
import { launchStack } from '#scripts/stack/launchStack.js';
import { freePorts } from '#scripts/stack/freePorts.js';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';
import { isWanted, measureTargets, type BenchSettings, type CallCounter } from './measureTargets.js';
import { TARGET_NAMES, type Row } from './printReport.js';
import { BENCH_SERVICE_SECRET, startHiveGateway, startTarget, startTogether, type Target } from './startTarget.js';

const SEARCH = readFileSync(new URL('../operations/search.graphql', import.meta.url), 'utf8');

/**
 * The contract's search with landed costs, on Tradegraph's own subgraphs and sandboxes, through
 * the Tradegraph gateway, stock @apollo/gateway and @graphql-hive/gateway (when installed) on the
 * same supergraph file, each sending the service secret to the subgraphs. The subgraphs
 * and sandboxes share the two cores, so throughput is theirs; the gateways' CPU per request is
 * what this compares. (No floor: hand-writing this query's ten calls would be a subgraph of its own.)
 */
export async function benchTradeWorkload(settings: BenchSettings): Promise<Row[]> {
  // a loaded machine can take more than launchStack's default 150 s per service to start eight of them
  const stack = await launchStack({
    ports: 'free',
    startTimeoutMs: 300_000,
    env: { LOG_LEVEL: 'warn', SERVICE_SECRET: BENCH_SERVICE_SECRET },
  });
  // one argument: a base64url secret may start with '-', which parseArgs refuses as a separate value
  const signed = [`--service-secret=${BENCH_SERVICE_SECRET}`];
  const targets: Target[] = [];
  try {
    const gateway = 'bench/gateways/tradegraphGateway.ts';
    await startTogether(targets, [
      startTarget('tradegraph', gateway, ['--supergraph', stack.supergraphPath, ...signed], { nodeArgs: GATEWAY_NODE_FLAGS }),
      startTarget(TARGET_NAMES.stock, 'bench/gateways/stockGateway.ts', ['--supergraph', stack.supergraphPath, ...signed]),
    ]);
    const [hivePort] = await freePorts(1);
    const hive = isWanted(settings, '@graphql-hive/gateway')
      ? await startHiveGateway('@graphql-hive/gateway', stack.supergraphPath, hivePort!, false, { serviceSecret: BENCH_SERVICE_SECRET })
      : undefined;
    if (hive) targets.push(hive);

    const body = JSON.stringify({ query: SEARCH, variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 10 } });
    for (const target of [...targets]) {
      const response = await request(target.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.body.text();
      if (response.statusCode === 200 && !text.includes('"errors"')) continue;
      // Hive Gateway is measured where it answers this supergraph; ours and stock must
      if (target !== hive) throw new Error(`${target.name} fails the search: ${text.slice(0, 500)}`);
      process.stdout.write(`trade: ${target.name} fails the search, left out: ${text.slice(0, 300)}\n`);
      targets.splice(targets.indexOf(target), 1);
      await target.stop();
    }
    // Tradegraph's subgraphs keep no request counter; the engine counts its own calls (stock runs the same plan)
    const engineCounter = (target: Target): CallCounter | undefined => {
      if (target.name !== 'tradegraph') return undefined;
      let before = 0;
      const read = async () =>
        ((await (await request(new URL('/__engine', target.url))).body.json()) as { subgraphRequests: number }).subgraphRequests;
      return { reset: async () => void (before = await read()), read: async () => (await read()) - before };
    };
    return await measureTargets('trade', targets, body, settings, engineCounter);
  } finally {
    await Promise.all(targets.map((target) => target.stop()));
    await stack.stop();
  }
}
