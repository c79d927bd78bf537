import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliverBatch, type OrderEvent } from '#packages/events/index.js';
import { createLogger } from '#packages/log/index.js';
import { PRINCIPAL_HEADER, principalKeyFrom, signPrincipal, type CallerPrincipal } from '#packages/principal/index.js';
import { listen } from '#packages/server/index.js';
import { readWebhooksConfig } from '#subgraphs/webhooks/src/config.js';
import { createWebhooksService, type WebhooksService } from '#subgraphs/webhooks/src/createWebhooksService.js';
import { createWebhookEventReader } from '#subgraphs/webhooks/src/ingest/createWebhookEventReader.js';

const SERVICE_SECRET = 'webhooks-test-service-secret-0123456789';

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestWebhooks {
  readonly service: WebhooksService;
  /** The service's clock: tests move it instead of waiting. */
  readonly clock: { now: number };
  /** Queues events as the relay would deliver them. */
  ingest(events: readonly OrderEvent[]): Promise<void>;
  /** Sends what is due at the clock's time. */
  dispatch(): Promise<number>;
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    principal?: CallerPrincipal,
  ): Promise<GraphQLAnswer<T>>;
  stop(): Promise<void>;
}

export const developerKey = (keyId: string): CallerPrincipal => ({
  keyId,
  tier: 'developer',
  scopes: ['orders:write'],
  marketplaceId: undefined,
});

/**
 * The webhooks subgraph over real HTTP in this process, on a fresh SQLite file, in production mode
 * (errors as clients see them), with a clock the test moves; no event transport or dispatcher loop
 * started: `ingest` and `dispatch` run them a step at a time.
 */
export async function startWebhooks(env: Record<string, string> = {}, options: { dataDir?: string } = {}): Promise<TestWebhooks> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'webhooks-api-'));
  const config = readWebhooksConfig({
    DATA_DIR: dataDir,
    SERVICE_SECRET,
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    WEBHOOK_RETRY_BASE_MS: '1000',
    ...env,
  });
  const clock = { now: Date.parse('2026-12-05T09:00:00.000Z') };
  const service = await createWebhooksService(config, createLogger('webhooks', { level: 'silent' }), () => clock.now);
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const key = principalKeyFrom(SERVICE_SECRET);
  const reader = createWebhookEventReader({
    name: 'test',
    store: service.store,
    retryForMs: config.WEBHOOK_RETRY_FOR_SECONDS * 1000,
    now: () => clock.now,
  });
  return {
    service,
    clock,
    ingest: (events) =>
      deliverBatch(
        reader,
        events.map((event) => ({ payload: JSON.stringify(event), source: `test:${event.id}` })),
      ),
    dispatch: () => service.dispatcher.runOnce(),
    async query<T>(query: string, variables: Record<string, unknown> = {}, principal?: CallerPrincipal) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          // The principal is signed at the real time: its freshness is checked against the wall clock.
          ...(principal && { [PRINCIPAL_HEADER]: signPrincipal(principal, key, Date.now()) }),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer<T>;
    },
    async stop() {
      await running.close();
      if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
