import { readConfig } from '#packages/config/index.js';
import type { TestSandbox } from '#test/support/startSandbox.js';
import { startSubgraphInProcess, type TestSubgraph } from '#test/support/startSubgraphInProcess.js';
import { fxRefRatesSandbox } from '#upstreams/fx-refrates/createFxRefRatesSandbox.js';
import { customsSettings } from '../src/config.js';
import { createCustomsService } from '../src/createCustomsService.js';

export type { GraphQLResult } from '#test/support/startSubgraphInProcess.js';

export interface TestCustoms extends TestSubgraph {
  /** The reference-rates sandbox customs reads. */
  readonly fx: TestSandbox;
}

/** The customs subgraph over real HTTP, reading the fx-refrates sandbox, both in this process on free ports. */
export async function startCustoms(env: Record<string, string> = {}): Promise<TestCustoms> {
  const subgraph = await startSubgraphInProcess(
    { upstreams: [fxRefRatesSandbox], readConfig: (vars) => readConfig(customsSettings, vars), createService: createCustomsService },
    env,
  );
  return Object.assign(subgraph, { fx: subgraph.sandboxes.get(fxRefRatesSandbox.id)! });
}
