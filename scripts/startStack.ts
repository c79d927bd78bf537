/**
 * `npm start`: the whole stack on embedded defaults — sandbox upstreams, every subgraph and the
 * gateway on http://127.0.0.1:4000/graphql, with the explorer at http://127.0.0.1:4000/. No Redis
 * or PostgreSQL needed. A service that dies is restarted alone (with backoff). Ctrl-C stops it all. Services log JSON lines, prefixed here with the
 * service's name.
 *
 * Outside production it makes a development key once per data directory (test mode, with
 * `orders:write` and `insights:read`), prints it, and fills it into the explorer; rate limits are
 * those of local development (`LOCAL_RATE_LIMITS`) unless RATE_LIMITS says otherwise.
 */
import { readConfig, setting } from '#packages/config/index.js';
import { launchStack } from './stack/launchStack.js';
import { loadDevelopmentKey } from './stack/loadDevelopmentKey.js';
import { superviseStack } from './stack/superviseStack.js';

/** Requests per minute per key (and per address without one) when the stack runs on a developer's machine. */
const LOCAL_RATE_LIMITS = 'developer=6000,marketplace=6000,analyst=6000';

const config = readConfig({
  NODE_ENV: setting.oneOf(['development', 'production', 'test'], { default: 'development' }),
  /** Where the services keep their files; the development key is kept there too. Default: .data. */
  DATA_DIR: setting.string({ default: '.data' }),
  /** Rate limits over the gateway's defaults; unset, the generous ones of local development. */
  RATE_LIMITS: setting.optionalString(),
});
const development = config.NODE_ENV !== 'production';
const developmentKey = development ? loadDevelopmentKey(config.DATA_DIR) : undefined;
const gatewayEnv: Record<string, string> = {
  ...(developmentKey !== undefined && { DEVELOPMENT_API_KEY: developmentKey.key }),
  ...(development && config.RATE_LIMITS === undefined && { RATE_LIMITS: LOCAL_RATE_LIMITS }),
};

const quiet = process.argv.includes('--quiet');
const started = performance.now();
process.stdout.write('Starting Tradegraph: sandbox upstreams, subgraphs, gateway…\n');

let stack: Awaited<ReturnType<typeof launchStack>>;
try {
  stack = await launchStack({
    ports: 'default',
    gatewayEnv,
    onLine: (service, line) => {
      if (!quiet) process.stdout.write(`${service.padEnd(8)} | ${line}\n`);
    },
  });
} catch (error) {
  process.stderr.write(`\nThe stack did not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

// A service that dies is restarted alone, with backoff; the others keep running, sandboxes keep their state.
const supervisor = superviseStack(stack.services, {
  onEvent: ({ service, kind, code, delayMs, output }) => {
    if (kind === 'exited')
      process.stderr.write(`\n${service} exited unexpectedly (code ${code}); restarting it in ${delayMs} ms.\n${output}\n`);
    else process.stderr.write(`${service} restarted.\n`);
  },
});

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  supervisor.stop();
  process.stdout.write('\nStopping every service…\n');
  await stack.stop();
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

process.stdout.write(
  [
    '',
    `Tradegraph is up in ${Math.round(performance.now() - started)} ms.`,
    `  GraphQL:  ${stack.gatewayUrl}`,
    `  Explorer: ${new URL('/', stack.gatewayUrl).href}   (analyst page: ${new URL('/insights', stack.gatewayUrl).href})`,
    ...(developmentKey === undefined
      ? []
      : [
          `  Development key (test mode; orders:write, insights:read${developmentKey.created ? '; new' : ''}): ${developmentKey.key}`,
          `    kept in ${config.DATA_DIR}/; the explorer fills it in. Send it as x-api-key: ${developmentKey.key}`,
        ]),
    ...(gatewayEnv.RATE_LIMITS === undefined
      ? []
      : ['  Rate limits: generous for local development (6000 requests a minute per key or address; RATE_LIMITS overrides).']),
    `  Subgraphs: ${Object.entries(stack.subgraphUrls)
      .map(([name, url]) => `${name} ${url}`)
      .join(', ')}`,
    `  Sandbox upstreams: ${Object.entries(stack.sandboxUrls)
      .map(([id, url]) => `${id} ${url}`)
      .join(', ')}`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);
