import { readConfig } from '../../../packages/config/index.js';
import { createLogger } from '../../../packages/log/index.js';
import { upstreamUrlVariable } from '../../../packages/sandbox/index.js';
import { listen } from '../../../packages/server/index.js';
import { startSandbox, type TestSandbox } from '../../../test/support/startSandbox.js';
import { logisticsSettings } from '../src/config.js';
import { createLogisticsService } from '../src/createLogisticsService.js';
import { CARRIER_SANDBOXES } from './support/carrierSandboxes.js';

export interface TestLogistics {
  readonly url: string;
  readonly sandboxes: ReadonlyMap<string, TestSandbox>;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** The logistics subgraph over real HTTP, its adapters pointed at every carrier sandbox, all in this process. */
export async function startLogistics(env: Record<string, string> = {}): Promise<TestLogistics> {
  const sandboxes = new Map<string, TestSandbox>();
  for (const upstream of CARRIER_SANDBOXES) sandboxes.set(upstream.id, await startSandbox(upstream));
  const urls = Object.fromEntries([...sandboxes].map(([id, sandbox]) => [upstreamUrlVariable(id), sandbox.url]));
  const config = readConfig(logisticsSettings, { ...urls, ...env });
  const service = await createLogisticsService(config, createLogger('logistics', { level: 'silent' }));
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const url = `${running.url}/graphql`;
  return {
    url,
    sandboxes,
    async query<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
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
