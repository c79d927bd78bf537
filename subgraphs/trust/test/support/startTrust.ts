import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deliverBatch, type OrderEvent } from '#packages/events/index.js';
import { createLogger } from '#packages/log/index.js';
import { listen } from '#packages/server/index.js';
import { principalHeaders, TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { readTrustConfig } from '../../src/config.js';
import { createTrustService, type TrustService } from '../../src/createTrustService.js';
import { createTrackRecordReader } from '../../src/record/createTrackRecordReader.js';

export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface TestTrust {
  readonly url: string;
  readonly service: TrustService;
  /** Delivers events to the trust reader as the relay would (JSON text, malformed ones dead-lettered). */
  ingest(events: readonly OrderEvent[]): Promise<void>;
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLAnswer<T>>;
  stop(): Promise<void>;
}

/** The trust subgraph over real HTTP in this process, on a fresh SQLite file, no event transport started. */
export async function startTrust(): Promise<TestTrust> {
  const dataDir = mkdtempSync(join(tmpdir(), 'trust-'));
  const config = readTrustConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'production',
    SERVICE_SECRET: TEST_SERVICE_SECRET,
    LOG_LEVEL: 'silent',
  });
  const service = await createTrustService(config, createLogger('trust', { level: 'silent' }));
  const running = await listen(service.httpServer, '127.0.0.1', 0, () => service.stop());
  const reader = createTrackRecordReader({ name: 'test', store: service.store });
  return {
    url: `${running.url}/graphql`,
    service,
    ingest: (events) =>
      deliverBatch(
        reader,
        events.map((event) => ({ payload: JSON.stringify(event), source: `test:${event.id}` })),
      ),
    async query<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...principalHeaders() },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLAnswer<T>;
    },
    async stop() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
