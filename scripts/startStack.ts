/**
 * `npm start`: the whole stack on embedded defaults — sandbox upstreams, every subgraph and the
 * gateway on http://127.0.0.1:4000/graphql. No Redis or PostgreSQL needed. A service that dies is
 * restarted alone (with backoff). Ctrl-C stops it all.
 * Services log JSON lines, prefixed here with the service's name.
 */
import { launchStack } from './stack/launchStack.js';
import { superviseStack } from './stack/superviseStack.js';

const quiet = process.argv.includes('--quiet');
const started = performance.now();
process.stdout.write('Starting Tradegraph: sandbox upstreams, subgraphs, gateway…\n');

let stack: Awaited<ReturnType<typeof launchStack>>;
try {
  stack = await launchStack({
    ports: 'default',
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
