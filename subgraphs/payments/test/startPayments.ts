import { readConfig } from '#packages/config/index.js';
import type { SandboxUpstream } from '#packages/sandbox/index.js';
import { startSubgraphInProcess, type TestSubgraph } from '#test/support/startSubgraphInProcess.js';
import { cardnetSandbox } from '#upstreams/cardnet/createCardnetSandbox.js';
import { fpxSandbox } from '#upstreams/fpx-my/createFpxSandbox.js';
import { fxRefRatesSandbox } from '#upstreams/fx-refrates/createFxRefRatesSandbox.js';
import { globalWalletSandbox } from '#upstreams/globalwallet/createGlobalWalletSandbox.js';
import { pixSandbox } from '#upstreams/pix-br/createPixSandbox.js';
import { paymentsSettings } from '../src/config.js';
import { createPaymentsService } from '../src/createPaymentsService.js';

export type { GraphQLResult } from '#test/support/startSubgraphInProcess.js';

/** The sandboxes payments talks to: its providers and the reference rates. */
export const PAYMENTS_UPSTREAMS: readonly SandboxUpstream[] = [
  cardnetSandbox,
  globalWalletSandbox,
  pixSandbox,
  fpxSandbox,
  fxRefRatesSandbox,
];

/** The key the test service signs quotes with, so a test can make a quote of its own. */
export const TEST_QUOTE_SECRET = 'payments-test-signing-secret-0123456789';

export interface TestPayments extends TestSubgraph {
  /** The service's clock: tests move it to expire quotes. */
  readonly clock: { now: number };
}

/** The payments subgraph over real HTTP on a free port, its providers and rates sandboxes in this process. */
export async function startPayments(env: Record<string, string> = {}): Promise<TestPayments> {
  const clock = { now: Date.parse('2026-11-26T15:30:00Z') };
  const subgraph = await startSubgraphInProcess(
    {
      upstreams: PAYMENTS_UPSTREAMS,
      // A known publication day, so every run converts with the same rates.
      beforeStart: async (sandboxes) =>
        void (await sandboxes.get('fx-refrates')!.post('/__sandbox/clock', { now: '2026-11-26T15:30:00Z' })),
      readConfig: (vars) => readConfig(paymentsSettings, { QUOTE_SIGNING_SECRET: TEST_QUOTE_SECRET, LOG_LEVEL: 'silent', ...vars }),
      createService: (config, logger) => createPaymentsService(config, logger, { now: () => clock.now }),
    },
    env,
  );
  return Object.assign(subgraph, { clock });
}
