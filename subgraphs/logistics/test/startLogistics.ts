import { readConfig } from '#packages/config/index.js';
import { startSubgraphInProcess, type TestSubgraph } from '#test/support/startSubgraphInProcess.js';
import { logisticsSettings } from '../src/config.js';
import { createLogisticsService } from '../src/createLogisticsService.js';
import { CARRIER_SANDBOXES } from './support/carrierSandboxes.js';

export type { GraphQLResult } from '#test/support/startSubgraphInProcess.js';
export type TestLogistics = TestSubgraph;

/** The logistics subgraph over real HTTP, its adapters pointed at every carrier sandbox, all in this process. */
export function startLogistics(env: Record<string, string> = {}): Promise<TestLogistics> {
  return startSubgraphInProcess(
    { upstreams: CARRIER_SANDBOXES, readConfig: (vars) => readConfig(logisticsSettings, vars), createService: createLogisticsService },
    env,
  );
}
