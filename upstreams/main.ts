/**
 * Starts sandbox upstreams: all of them, or those named on the command line
 * (`npm run sandbox -- cn-jademarket`). Each listens on its own port and is a real HTTP server.
 * Prints one JSON line `{"sandboxes": {"<id>": "<url>"}, "environment": {…}}` once all listen, for the
 * stack script: where each listens, and the variables clients need to call them (`clientEnvironment`).
 */
import { createLogger } from '#packages/log/index.js';
import { listen, onShutdown, type RunningServer } from '#packages/server/index.js';
import { readSandboxConfig } from './config.js';
import { SANDBOX_UPSTREAMS } from './registry.js';

const config = readSandboxConfig();
const logger = createLogger('sandbox', { level: config.LOG_LEVEL });
const known = new Set(SANDBOX_UPSTREAMS.map((upstream) => upstream.id));

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
for (const id of [...requested, ...config.SANDBOX_FAULTS.keys()]) {
  if (!known.has(id)) {
    process.stderr.write(`Unknown sandbox upstream "${id}". Known: ${[...known].join(', ')}\n`);
    process.exit(2);
  }
}
const selected = SANDBOX_UPSTREAMS.filter((upstream) => requested.length === 0 || requested.includes(upstream.id));

const running: RunningServer[] = [];
const urls: Record<string, string> = {};
const environment: Record<string, string> = {};
for (const upstream of selected) {
  const server = upstream.create({ logger, fault: config.SANDBOX_FAULTS.get(upstream.id) });
  const port = config.SANDBOX_RANDOM_PORTS ? 0 : upstream.defaultPort;
  const started = await listen(server, config.HOST, port);
  running.push(started);
  urls[upstream.id] = started.url;
  Object.assign(environment, upstream.clientEnvironment);
}
process.stdout.write(JSON.stringify({ sandboxes: urls, environment }) + '\n');

onShutdown(async () => {
  await Promise.all(running.map((server) => server.close()));
});
