/**
 * `npm run bench:plugins`: what each production plugin of the shipped gateway costs per request,
 * on the public benchmark's workload (`measurePluginCosts`).
 *
 *   npm run bench:plugins [-- --seconds 10 --warmup 3 --concurrency 16 --pin-core 1]
 */
import { parseArgs } from 'node:util';
import { measurePluginCosts } from './measurePluginCosts.js';
import { exitWithoutWrk } from './runWrk.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    'pin-core': { type: 'string' },
  },
});
exitWithoutWrk();
process.stdout.write(
  await measurePluginCosts({
    seconds: Number(values.seconds),
    warmupSeconds: Number(values.warmup),
    connections: Number(values.concurrency),
    ...(values['pin-core'] !== undefined && { pinCore: Number(values['pin-core']) }),
  }),
);
process.exit(0);
