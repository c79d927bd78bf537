import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { listen } from '#packages/server/index.js';
import { ordersSettings } from '../../src/config.js';
import { createOrdersService, type OrdersService } from '../../src/createOrdersService.js';
import type { Participants } from '../../src/saga/Participants.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import { principalHeaders, TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { TEST_QUOTE_SECRET } from './testQuote.js';

/** The API key orders' tests act as, unless a test names another caller. */
export const TEST_APP: CallerPrincipal = { keyId: 'test-app', tier: 'developer', scopes: ['orders:write'], marketplaceId: undefined };

export interface GraphQLResult<T> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface TestOrders {
  readonly url: string;
  readonly service: OrdersService;
  /** As the gateway would send it for `caller` (default `TEST_APP`); `null` sends no principal at all. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: CallerPrincipal | null,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

/** The orders subgraph over real HTTP in this process, on a fresh SQLite file, with the given participants. */
export async function startOrders(participants: Participants, env: Record<string, string> = {}): Promise<TestOrders> {
  const dataDir = mkdtempSync(join(tmpdir(), 'orders-api-'));
  const config = readConfig(ordersSettings, {
    DATA_DIR: dataDir,
    SERVICE_SECRET: TEST_SERVICE_SECRET,
    QUOTE_SIGNING_SECRET: TEST_QUOTE_SECRET,
    SAGA_RETRY_BASE_MS: '10',
    SAGA_MAX_STEP_ATTEMPTS: '3',
    PLACE_ORDER_WAIT_MS: '5000',
    ...env,
  });
  const service = await createOrdersService(config, createLogger('orders', { level: 'silent' }), { participants });
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const url = `${running.url}/graphql`;
  return {
    url,
    service,
    async query<T>(query: string, variables?: Record<string, unknown>, caller: CallerPrincipal | null = TEST_APP) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(caller === null ? {} : principalHeaders(caller, config.SERVICE_SECRET)) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResult<T>;
    },
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
