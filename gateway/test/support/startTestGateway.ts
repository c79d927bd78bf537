import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { createLogger } from '#packages/log/index.js';
import { listen, type RunningServer } from '#packages/server/index.js';
import { TEST_SERVICE_SECRET } from '#test/support/serviceSecret.js';
import { readGatewayConfig } from '../../src/config.js';
import { createGateway, type Gateway } from '../../src/createGateway.js';
import { buildPersistedOperationManifest, formatPersistedOperationManifest } from '../../src/persisted/PersistedOperationManifest.js';

/** Operations registered in the test manifest, as a typed client would ship them. */
export const REGISTERED_OPERATIONS = {
  Marketplaces: 'query Marketplaces { marketplaces { id name } }',
  Offers: 'query Offers($first: Int) { offers(first: $first) { id title } }',
};
export const testManifest = buildPersistedOperationManifest(
  Object.entries(REGISTERED_OPERATIONS).map(([name, text]) => ({ file: `${name}.graphql`, text })),
);
const manifestPath = join(mkdtempSync(join(tmpdir(), 'tradegraph-manifest-')), 'persisted-operations.json');
writeFileSync(manifestPath, formatPersistedOperationManifest(testManifest));

export interface GraphQLAnswer {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

export interface TestGateway {
  readonly url: string;
  readonly origin: string;
  readonly gateway: Gateway;
  /** Every log line, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  post(body: unknown, headers?: Record<string, string>): Promise<GraphQLAnswer>;
  close(): Promise<void>;
}

/** A real gateway on a free port over `supergraphPath`, configured by `env` over quiet test defaults. */
export async function startTestGateway(
  supergraphPath: string,
  env: Record<string, string> = {},
  options: { spanExporter?: SpanExporter } = {},
): Promise<TestGateway> {
  const config = readGatewayConfig(
    {
      SUPERGRAPH_PATH: supergraphPath,
      SERVICE_SECRET: TEST_SERVICE_SECRET,
      PERSISTED_QUERIES_MANIFEST: manifestPath,
      SUPERGRAPH_POLL_MS: '0',
      SHUTDOWN_GRACE_MS: '2000',
      // Tests send bursts from one address: only the rate-limit tests want the limits to bite.
      RATE_LIMITS: 'developer=100000,marketplace=100000,analyst=100000',
      // GATEWAY_ENGINE=stock|tradegraph runs the whole suite on one engine (default: the config's)
      ...(process.env.GATEWAY_ENGINE !== undefined && { GATEWAY_ENGINE: process.env.GATEWAY_ENGINE }),
      // GATEWAY_LEAN=off runs it through Apollo Server's request pipeline alone (default: the lean path)
      ...(process.env.GATEWAY_LEAN !== undefined && { GATEWAY_LEAN: process.env.GATEWAY_LEAN }),
      ...env,
    },
    [],
  );
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger('gateway', { level: 'info', write: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const gateway = await createGateway({ config, logger, ...(options.spanExporter && { spanExporter: options.spanExporter }) });
  const running: RunningServer = await listen(gateway.httpServer, '127.0.0.1', 0);
  const url = `${running.url}/graphql`;
  return {
    url,
    origin: running.url,
    gateway,
    logs,
    async post(body, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLAnswer['body'] };
    },
    close: () => gateway.stop(),
  };
}

/**
 * One API key line (id, tier, scopes, SHA-256 of the key) for gateways started with NODE_ENV=production,
 * which refuse to start without keys when the supergraph declares access rules.
 */
export const PRODUCTION_TEST_API_KEYS = `production-test developer orders:write ${'ab'.repeat(32)}`;
