import { readConfig } from '../../../packages/config/index.js';
import { createLogger } from '../../../packages/log/index.js';
import { listen } from '../../../packages/server/index.js';
import { startSandbox, type TestSandbox } from '../../../test/support/startSandbox.js';
import { fxRefRatesSandbox } from '../../../upstreams/fx-refrates/createFxRefRatesSandbox.js';
import { customsSettings } from '../src/config.js';
import { createCustomsService } from '../src/createCustomsService.js';

export interface TestCustoms {
  readonly url: string;
  readonly fx: TestSandbox;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

/** The customs subgraph over real HTTP, reading the fx-refrates sandbox, both in this process on free ports. */
export async function startCustoms(env: Record<string, string> = {}): Promise<TestCustoms> {
  const fx = await startSandbox(fxRefRatesSandbox);
  const config = readConfig(customsSettings, { FX_REFRATES_URL: fx.url, ...env });
  const service = await createCustomsService(config, createLogger('customs', { level: 'silent' }));
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const url = `${running.url}/graphql`;
  return {
    url,
    fx,
    async query<T>(query: string, variables?: Record<string, unknown>) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    async stop() {
      await running.close();
      await fx.close();
    },
  };
}
