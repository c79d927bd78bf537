/**
 * `npm run bench`: the Tradegraph gateway (its execution engine) against stock `@apollo/gateway`
 * + `@apollo/server`, `@graphql-hive/gateway` (when installed) and a hand-written floor, in one
 * run, on two workloads:
 *
 * - `public`: the public federation benchmark (graphql-hive/graphql-gateways-benchmark) rebuilt —
 *   accounts, inventory, products, reviews, the same data and the same heavy query;
 * - `trade`: the contract's `search.graphql` (search + shipping + customs + landed cost) on
 *   Tradegraph's own stack (sandboxes, subgraphs) started by `launchStack`.
 *
 * Load comes from wrk in its own process: fixed concurrency and duration, a warm-up per target,
 * then rounds in alternating order; the median round is reported. CPU per request is read from
 * /proc/<pid>/stat of the target's process tree, subgraph calls from the subgraphs' own counters.
 *
 *   npm run bench [-- --seconds 5 --rounds 2 --warmup 2 --concurrency 16 --workload all|public|trade --only 'dedupe on,hive' --pin-core 1 --plugin-seconds 10]
 *
 * `--only` measures, besides the baselines (stock and the floor), only the targets whose names contain one of its parts.
 *
 * After the public workload's rows, the plugin cost table of the shipped gateway
 * (`measurePluginCosts`, as `npm run bench:plugins` prints it) for `--plugin-seconds` (default 10;
 * 0 leaves it out).
 */
import { parseArgs } from 'node:util';
import { exitWithoutWrk } from './runWrk.js';
import { printReport, type Row } from './printReport.js';
import { benchPublicWorkload } from './benchPublicWorkload.js';
import { benchTradeWorkload } from './benchTradeWorkload.js';
import { measurePluginCosts } from './measurePluginCosts.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '16' },
    workload: { type: 'string', default: 'all' },
    only: { type: 'string' },
    'pin-core': { type: 'string' },
    'plugin-seconds': { type: 'string', default: '10' },
  },
});

exitWithoutWrk();

const settings = {
  seconds: Number(values.seconds),
  rounds: Number(values.rounds),
  warmupSeconds: Number(values.warmup),
  concurrency: Number(values.concurrency),
  ...(values['pin-core'] !== undefined && { pinCore: Number(values['pin-core']) }),
  ...(values.only && { only: values.only.split(',').map((part) => part.trim()) }),
};
process.stdout.write(
  `wrk, ${settings.concurrency} connections, ${settings.warmupSeconds} s warm-up, ${settings.rounds} rounds × ${settings.seconds} s per target, alternating order${
    settings.pinCore === undefined ? '' : `, each target pinned to core ${settings.pinCore}`
  }\n`,
);

const rows: Row[] = [];
if (values.workload === 'all' || values.workload === 'public') rows.push(...(await benchPublicWorkload(settings)));
if (values.workload === 'all' || values.workload === 'trade')
  rows.push(...(await benchTradeWorkload({ ...settings, concurrency: Math.min(settings.concurrency, 8) })));
printReport(rows);
const pluginSeconds = Number(values['plugin-seconds']);
if ((values.workload === 'all' || values.workload === 'public') && pluginSeconds > 0) {
  process.stdout.write('\nWhat each production plugin of the shipped gateway costs (npm run bench:plugins):\n\n');
  process.stdout.write(
    await measurePluginCosts({
      seconds: pluginSeconds,
      warmupSeconds: settings.warmupSeconds,
      connections: settings.concurrency,
      ...(settings.pinCore !== undefined && { pinCore: settings.pinCore }),
    }),
  );
}
process.exit(0);
