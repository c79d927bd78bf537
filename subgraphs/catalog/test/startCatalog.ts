import { startSubgraphInProcess, type TestSubgraph } from '#test/support/startSubgraphInProcess.js';
import { SANDBOX_UPSTREAMS } from '#upstreams/registry.js';
import { readCatalogConfig } from '../src/config.js';
import { createCatalogService } from '../src/createCatalogService.js';

export type { GraphQLResult } from '#test/support/startSubgraphInProcess.js';
export type TestCatalog = TestSubgraph;

/**
 * The catalog subgraph over real HTTP, its adapters pointed at every sandbox, all in this process.
 * Its port is chosen when it listens, after its config is read, so connector marketplaces are given
 * no `callbackUrl` (one on the default port could reach another catalog on this machine).
 */
export function startCatalog(env: Record<string, string> = {}): Promise<TestCatalog> {
  return startSubgraphInProcess(
    { upstreams: SANDBOX_UPSTREAMS, readConfig: readCatalogConfig, createService: createCatalogService },
    { CONNECTOR_CALLBACK_URL: 'none', ...env },
  );
}
