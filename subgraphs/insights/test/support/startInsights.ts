import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliverBatch, type OrderEvent } from '#packages/events/index.js';
import { createLogger } from '#packages/log/index.js';
import { PRINCIPAL_HEADER, principalKeyFrom, signPrincipal, type CallerPrincipal } from '#packages/principal/index.js';
import { listen } from '#packages/server/index.js';
import { readInsightsConfig } from '../../src/config.js';
import { createInsightsService, type InsightsService } from '../../src/createInsightsService.js';
import { createTradeFlowReader } from '../../src/ingest/createTradeFlowReader.js';
import { KEYLESS_PRINCIPAL } from '#test/support/serviceSecret.js';

const SERVICE_SECRET = 'insights-test-service-secret-0123456789';
const EXPORT_SIGNING_SECRET = 'insights-test-export-signing-secret-0123456789';

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestInsights {
  readonly url: string;
  readonly origin: string;
  readonly service: InsightsService;
  readonly dataDir: string;
  /** Ingests events as the relay would deliver them. */
  ingest(events: readonly OrderEvent[]): Promise<void>;
  /** Asks as `principal` (signed as the gateway signs it), or as nobody. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    principal?: CallerPrincipal,
  ): Promise<GraphQLAnswer<T>>;
  stop(): Promise<void>;
}

export const ANALYST: CallerPrincipal = { keyId: 'analyst-1', tier: 'analyst', scopes: ['insights:read'], marketplaceId: undefined };
export const DEVELOPER: CallerPrincipal = { keyId: 'dev-1', tier: 'developer', scopes: ['orders:write'], marketplaceId: undefined };
export const marketplaceKey = (marketplaceId: string): CallerPrincipal => ({
  keyId: `mkt-${marketplaceId}`,
  tier: 'marketplace',
  scopes: [],
  marketplaceId,
});

/** The insights subgraph over real HTTP in this process, on a fresh DuckDB file (or the PostgreSQL `env` names), no event transport started. */
export async function startInsights(
  env: Record<string, string> = {},
  options: { dataDir?: string; keepData?: boolean } = {},
): Promise<TestInsights> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'insights-api-'));
  // Production: errors reach clients as they would in service, without stacks.
  const config = readInsightsConfig({
    DATA_DIR: dataDir,
    SERVICE_SECRET,
    EXPORT_SIGNING_SECRET,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const service = await createInsightsService(config, createLogger('insights', { level: 'silent' }));
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const key = principalKeyFrom(SERVICE_SECRET);
  const reader = createTradeFlowReader({ name: 'test', store: service.store, fallbackRates: async () => ({}) });
  return {
    url: `${running.url}/graphql`,
    origin: running.url,
    service,
    dataDir,
    ingest: (events) =>
      deliverBatch(
        reader,
        events.map((event) => ({ payload: JSON.stringify(event), source: `test:${event.id}` })),
      ),
    async query<T>(query: string, variables: Record<string, unknown> = {}, principal?: CallerPrincipal) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // without one, as the gateway sends a keyless caller: signed, with no key (unsigned calls get 401)
          [PRINCIPAL_HEADER]: signPrincipal(principal ?? KEYLESS_PRINCIPAL, key, Date.now()),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer<T>;
    },
    async stop() {
      await running.close();
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
