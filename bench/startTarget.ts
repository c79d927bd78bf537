import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from '#scripts/stack/ServiceProcess.js';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';
import { generateApiKey } from '#gateway/src/keys/generateApiKey.js';
import { TIERS } from '#gateway/src/keys/tiers.js';
import { SERVICE_SECRET_HEADER } from '#packages/server/serviceAuth.js';

/** One thing the bench sends load to: a gateway, or the hand-written floor, in its own process. */
export interface Target {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Headers every request to it carries (e.g. an API key). Default: none. */
  readonly headers?: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

const ROOT = new URL('../', import.meta.url);
// a gateway importing federation on a shared two-core machine under load can take minutes to start
const START_TIMEOUT_MS = 180_000;

/** The service secret of the processes one benchmark run starts (the gateway and, where they check it, the subgraphs). */
export const BENCH_SERVICE_SECRET = randomBytes(32).toString('base64url');

/** Starts an entry point that prints `{"listening": url}` once it serves. */
export async function startTarget(
  name: string,
  entry: string,
  args: string[],
  options: { env?: Record<string, string>; nodeArgs?: readonly string[] } = {},
): Promise<Target> {
  const { env = {}, nodeArgs = [] } = options;
  const service = new ServiceProcess({
    name,
    entry,
    args,
    nodeArgs,
    root: ROOT,
    // production refuses to start without a service secret, nor without keys over a supergraph with
    // access rules; both made for this run (the workload itself sends no key)
    env: {
      NODE_ENV: 'production',
      APOLLO_TELEMETRY_DISABLED: 'true',
      SERVICE_SECRET: BENCH_SERVICE_SECRET,
      API_KEYS: `bench developer orders:write ${'0'.repeat(64)}`,
      ...env,
    },
  });
  service.start();
  const url = await stopIfFailed(
    service,
    service.waitForLine((line) => {
      try {
        return (JSON.parse(line) as { listening?: string }).listening;
      } catch {
        return undefined;
      }
    }, START_TIMEOUT_MS),
  );
  return { name, url, pid: service.pid!, stop: () => service.stop() };
}

/**
 * Waits for targets starting together and adds those that started to `started`, so that a caller's
 * `finally` stops them even when another failed to start (whose error is then thrown).
 */
export async function startTogether(started: Target[], starting: readonly Promise<Target>[]): Promise<void> {
  const outcomes = await Promise.allSettled(starting);
  for (const outcome of outcomes) if (outcome.status === 'fulfilled') started.push(outcome.value);
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Where `@graphql-hive/gateway`'s command line is, when the package is installed. */
export function hiveGatewayBin(): string | undefined {
  const manifestPath = new URL('node_modules/@graphql-hive/gateway/package.json', ROOT);
  if (!existsSync(manifestPath)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.['hive-gateway'];
  return bin ? join('node_modules/@graphql-hive/gateway', bin) : undefined;
}

/**
 * `@graphql-hive/gateway` on the same supergraph file, as the public benchmark runs it
 * (`hive-gateway supergraph FILE --port N`, production mode, JIT). Its subgraph requests are
 * de-duplicated by default (`deduplicateInflightRequests` of its HTTP transport); without
 * `dedupe` that is switched off, so it compares with the Tradegraph gateway without
 * de-duplication; with `dedupe` its inbound in-flight de-duplication is switched on as well.
 * Its config file is written to a fresh directory and passed with `--config-path`. With
 * `serviceSecret`, every subgraph request carries it (`x-service-secret`, a header of its HTTP
 * transport), as the stock gateway's `--service-secret` does: Tradegraph's subgraphs answer nothing
 * unsigned.
 */
export async function startHiveGateway(
  name: string,
  supergraphPath: string,
  port: number,
  dedupe: boolean,
  options: { serviceSecret?: string } = {},
): Promise<Target | undefined> {
  const bin = hiveGatewayBin();
  if (!bin) return undefined;
  const configPath = join(mkdtempSync(join(tmpdir(), 'tradegraph-hive-')), 'gateway.config.mjs');
  const headers = options.serviceSecret === undefined ? {} : { headers: [[SERVICE_SECRET_HEADER, options.serviceSecret]] };
  const config = dedupe
    ? {
        jit: true,
        inboundInflightRequestDeduplication: true,
        ...(options.serviceSecret === undefined ? {} : { transportEntries: { '*.http': headers } }),
      }
    : { jit: true, transportEntries: { '*.http': { ...headers, options: { deduplicateInflightRequests: false } } } };
  writeFileSync(configPath, `export const gatewayConfig = ${JSON.stringify(config)};\n`);
  const service = new ServiceProcess({
    name,
    entry: bin,
    args: ['--config-path', configPath, 'supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1'],
    root: ROOT,
    env: { NODE_ENV: 'production' },
  });
  service.start();
  const url = `http://127.0.0.1:${port}/graphql`;
  await stopIfFailed(service, service.waitForHttp(`http://127.0.0.1:${port}/healthcheck`, START_TIMEOUT_MS));
  return { name, url, pid: service.pid!, stop: () => service.stop() };
}

/**
 * The gateway as users run it: `gateway/src/main.ts` (what `npm run gateway` starts), with its
 * process settings and shipped defaults — API keys, rate limits, APQ, supergraph authorization,
 * demand control, argument checks, metrics, the request log at `info`, response and subgraph
 * caches on (in process, no Redis), tracing off — and only the limits lifted, so that nothing the
 * load sends is refused. The load carries a developer key, as a client would.
 */
export async function startShippedGateway(
  name: string,
  supergraphPath: string,
  port: number,
  options: { nodeArgs?: readonly string[]; env?: Record<string, string> } = {},
): Promise<Target> {
  const { key, line } = generateApiKey({ tier: 'developer', scopes: [], id: 'key_bench' });
  const lifted = (value: number) => TIERS.map((tier) => `${tier}=${value}`).join(',');
  const service = new ServiceProcess({
    name,
    entry: 'gateway/src/main.ts',
    args: ['--supergraph', supergraphPath, '--port', String(port), '--host', '127.0.0.1'],
    nodeArgs: [...GATEWAY_NODE_FLAGS, ...(options.nodeArgs ?? [])],
    root: ROOT,
    env: {
      NODE_ENV: 'production',
      SERVICE_SECRET: BENCH_SERVICE_SECRET,
      API_KEYS: line,
      RATE_LIMITS: lifted(1_000_000_000),
      COST_BUDGETS: lifted(1_000_000_000),
      MAX_DEPTH: '100',
      MAX_ALIASES: '10000',
      ...options.env,
    },
  });
  service.start();
  const url = await stopIfFailed(
    service,
    service.waitForLine((line) => {
      try {
        const parsed = JSON.parse(line) as { msg?: string; url?: string };
        return parsed.msg === 'gateway listening' ? parsed.url : undefined;
      } catch {
        return undefined;
      }
    }, START_TIMEOUT_MS),
  );
  return { name, url, pid: service.pid!, headers: { 'x-api-key': key }, stop: () => service.stop() };
}

/** What a start-up wait gives; when it fails (time ran out, the process printed nothing usable), the process is stopped first. */
async function stopIfFailed<T>(service: ServiceProcess, started: Promise<T>): Promise<T> {
  try {
    return await started;
  } catch (error) {
    await service.stop();
    throw error;
  }
}
