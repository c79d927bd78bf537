import type { Server } from 'node:http';
import { createLogger, type Logger } from '#packages/log/index.js';
import { upstreamUrlVariable, type SandboxUpstream } from '#packages/sandbox/index.js';
import { listen } from '#packages/server/index.js';
import { KEYLESS_PRINCIPAL, principalHeaders, TEST_SERVICE_SECRET } from './serviceSecret.js';
import { startSandbox, type TestSandbox } from './startSandbox.js';

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestSubgraph {
  /** The subgraph's `/graphql` URL. */
  readonly url: string;
  /** Its sandbox upstreams, by id, each a real HTTP server in this process. */
  readonly sandboxes: ReadonlyMap<string, TestSandbox>;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface SubgraphUnderTest<C> {
  upstreams: readonly SandboxUpstream[];
  /** Reads the subgraph's config from an environment (its `readConfig` with its settings). */
  readConfig(env: Record<string, string>): C;
  createService(config: C, logger: Logger): Promise<{ httpServer: Server; stop(): Promise<void> }>;
  /** Runs once the sandboxes listen, before the service starts (e.g. pinning a sandbox clock). */
  beforeStart?(sandboxes: ReadonlyMap<string, TestSandbox>): Promise<void>;
}

/**
 * A subgraph over real HTTP on a free port, its adapters pointed at its sandboxes (each
 * `<ID>_URL` set from `upstreamUrlVariable`, with the credentials a sandbox names in
 * `clientEnvironment`), all in this process: what a subgraph's own tests
 * run against, between unit tests and the whole stack. It runs with `TEST_SERVICE_SECRET` (unless
 * `env` sets one), and `query` signs a keyless principal as the gateway would (headers override).
 */
export async function startSubgraphInProcess<C>(subgraph: SubgraphUnderTest<C>, env: Record<string, string> = {}): Promise<TestSubgraph> {
  const sandboxes = new Map<string, TestSandbox>();
  for (const upstream of subgraph.upstreams) sandboxes.set(upstream.id, await startSandbox(upstream));
  await subgraph.beforeStart?.(sandboxes);
  const urls = Object.fromEntries([...sandboxes].map(([id, sandbox]) => [upstreamUrlVariable(id), sandbox.url]));
  const credentials = Object.assign({}, ...subgraph.upstreams.map((upstream) => upstream.clientEnvironment ?? {})) as Record<
    string,
    string
  >;
  const service = await subgraph.createService(
    subgraph.readConfig({ SERVICE_SECRET: TEST_SERVICE_SECRET, ...credentials, ...urls, ...env }),
    createLogger('test', { level: 'silent' }),
  );
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const url = `${running.url}/graphql`;
  return {
    url,
    sandboxes,
    async query<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(url, {
        method: 'POST',
        // as the gateway sends it: a keyless caller's signed principal, unless the test says otherwise
        headers: {
          'content-type': 'application/json',
          ...principalHeaders(KEYLESS_PRINCIPAL, env.SERVICE_SECRET ?? TEST_SERVICE_SECRET),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    async stop() {
      await running.close();
      await Promise.all([...sandboxes.values()].map((sandbox) => sandbox.close()));
    },
  };
}
