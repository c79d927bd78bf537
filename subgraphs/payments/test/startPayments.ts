import { readConfig } from '../../../packages/config/index.js';
import { createLogger } from '../../../packages/log/index.js';
import { upstreamUrlVariable, type SandboxUpstream } from '../../../packages/sandbox/index.js';
import { listen } from '../../../packages/server/index.js';
import { startSandbox, type TestSandbox } from '../../../test/support/startSandbox.js';
import { cardnetSandbox } from '../../../upstreams/cardnet/createCardnetSandbox.js';
import { fpxSandbox } from '../../../upstreams/fpx-my/createFpxSandbox.js';
import { fxRefRatesSandbox } from '../../../upstreams/fx-refrates/createFxRefRatesSandbox.js';
import { globalWalletSandbox } from '../../../upstreams/globalwallet/createGlobalWalletSandbox.js';
import { pixSandbox } from '../../../upstreams/pix-br/createPixSandbox.js';
import { paymentsSettings } from '../src/config.js';
import { createPaymentsService } from '../src/createPaymentsService.js';

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

export interface TestPayments {
  readonly url: string;
  readonly sandboxes: ReadonlyMap<string, TestSandbox>;
  /** The service's clock: tests move it to expire quotes. */
  readonly clock: { now: number };
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

/** The payments subgraph over real HTTP on a free port, its providers and rates sandboxes in this process. */
export async function startPayments(env: Record<string, string> = {}): Promise<TestPayments> {
  const sandboxes = new Map<string, TestSandbox>();
  for (const upstream of PAYMENTS_UPSTREAMS) sandboxes.set(upstream.id, await startSandbox(upstream));
  // A known publication day, so every run converts with the same rates.
  await sandboxes.get('fx-refrates')!.post('/__sandbox/clock', { now: '2026-11-26T15:30:00Z' });
  const urls = Object.fromEntries([...sandboxes].map(([id, sandbox]) => [upstreamUrlVariable(id), sandbox.url]));
  const config = readConfig(paymentsSettings, {
    QUOTE_SIGNING_SECRET: TEST_QUOTE_SECRET,
    LOG_LEVEL: 'silent',
    ...urls,
    ...env,
  });
  const clock = { now: Date.parse('2026-11-26T15:30:00Z') };
  const service = await createPaymentsService(config, createLogger('payments', { level: 'silent' }), { now: () => clock.now });
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const url = `${running.url}/graphql`;
  return {
    url,
    sandboxes,
    clock,
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
