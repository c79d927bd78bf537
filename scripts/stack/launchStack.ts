import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '#packages/federation/index.js';
import { upstreamUrlVariable } from '#packages/sandbox/index.js';
import { SUBGRAPH_NODE_FLAGS, SUBGRAPHS } from '../../subgraphs.js';
import { freePorts } from './freePorts.js';
import { ServiceProcess } from './ServiceProcess.js';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';

export interface StackOptions {
  /** `default`: the documented ports (4000, 4001…, 41xx); `free`: any free ports, for tests. */
  ports: 'default' | 'free';
  /** Extra environment for every service (e.g. SANDBOX_FAULTS, LOG_LEVEL). */
  env?: Record<string, string>;
  /** Extra environment for the gateway alone (e.g. DEVELOPMENT_API_KEY, RATE_LIMITS). */
  gatewayEnv?: Record<string, string>;
  /** Options for node itself in every service's process (e.g. `--cpu-prof`, which NODE_OPTIONS does not allow). Default: none. */
  nodeArgs?: readonly string[];
  onLine?: (service: string, line: string) => void;
  /** How long the whole stack may take to start, all its stages together. Default: 150000 ms. */
  startTimeoutMs?: number;
}

export interface RunningStack {
  readonly gatewayUrl: string;
  readonly sandboxUrls: Readonly<Record<string, string>>;
  readonly subgraphUrls: Readonly<Record<string, string>>;
  readonly services: ReadonlyMap<string, ServiceProcess>;
  /** Where the supergraph with this stack's routing URLs was written. */
  readonly supergraphPath: string;
  stop(): Promise<void>;
}

const ROOT = new URL('../../', import.meta.url);
// Long enough for eight services starting at once on a busy two-core machine (CI shares its cores).
const DEFAULT_START_TIMEOUT_MS = 150_000;

/**
 * Starts the whole stack as separate processes: sandbox upstreams, every subgraph of
 * `subgraphs.ts`, then the gateway over a supergraph routed to them. Resolves when the gateway
 * is ready (all subgraphs reachable).
 */
export async function launchStack(options: StackOptions): Promise<RunningStack> {
  // One deadline for every stage, so that a caller's own timeout (a test hook's) can be set above it:
  // the stack then fails with the slow service's last lines and stops what it started, rather than
  // being abandoned half-started.
  const deadline = Date.now() + (options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchStackOnce(options, deadline);
    } catch (error) {
      // a free port taken by another process between freePorts and the service's listen: start again on others
      if (options.ports !== 'free' || attempt >= MAX_LAUNCHES || !/EADDRINUSE/.test(String(error)) || Date.now() >= deadline) throw error;
    }
  }
}

/** Launches of a test stack (free ports) in all, when a service finds its port taken. */
const MAX_LAUNCHES = 3;

async function launchStackOnce(options: StackOptions, deadline: number): Promise<RunningStack> {
  const timeLeft = () => Math.max(1, deadline - Date.now());
  const services = new Map<string, ServiceProcess>();
  // A test stack keeps its files (orders' SQLite, insights' DuckDB, which one process owns, keys)
  // in a folder of its own, so stacks started side by side do not share them.
  const ownDataDir =
    options.ports === 'free' && options.env?.DATA_DIR === undefined ? mkdtempSync(join(tmpdir(), 'tradegraph-data-')) : undefined;
  if (ownDataDir !== undefined) options = { ...options, env: { ...options.env, DATA_DIR: ownDataDir } };
  const spawn = (name: string, entry: string, env: Record<string, string>, args: string[] = [], nodeArgs: readonly string[] = []) => {
    const service = new ServiceProcess({
      name,
      entry,
      args,
      nodeArgs: [...nodeArgs, ...(options.nodeArgs ?? [])],
      root: ROOT,
      // a development stack unless told otherwise: its services share the service secret made in DATA_DIR
      env: { NODE_ENV: 'development', ...options.env, ...env },
      onLine: (line) => options.onLine?.(name, line),
    });
    services.set(name, service);
    service.start();
    return service;
  };
  const stop = async () => {
    const order = [...services.values()].reverse(); // gateway first, sandboxes last
    for (const service of order) service.onUnexpectedExit = undefined;
    await Promise.all(order.map((service) => service.stop()));
    if (ownDataDir !== undefined) rmSync(ownDataDir, { recursive: true, force: true });
  };

  try {
    const sandbox = spawn('sandbox', 'upstreams/main.ts', { SANDBOX_RANDOM_PORTS: String(options.ports === 'free') });
    const started = await sandbox.waitForLine((line) => {
      try {
        const parsed = JSON.parse(line) as { sandboxes?: Record<string, string>; environment?: Record<string, string> };
        return parsed.sandboxes && { urls: parsed.sandboxes, environment: parsed.environment ?? {} };
      } catch {
        return undefined;
      }
    }, timeLeft());
    const sandboxUrls = started.urls;
    const upstreamEnv = {
      ...started.environment,
      ...Object.fromEntries(Object.entries(sandboxUrls).map(([id, url]) => [upstreamUrlVariable(id), url])),
    };

    const ports =
      options.ports === 'free' ? await freePorts(SUBGRAPHS.length + 1) : [...SUBGRAPHS.map((s) => Number(new URL(s.url).port)), 4000];
    const subgraphUrls: Record<string, string> = {};
    for (const [index, subgraph] of SUBGRAPHS.entries()) subgraphUrls[subgraph.name] = `http://127.0.0.1:${ports[index]!}/graphql`;
    // Each subgraph also learns where the others are (`CATALOG_URL`, …): orders calls its participants directly.
    const subgraphEnv = Object.fromEntries(Object.entries(subgraphUrls).map(([name, url]) => [`${name.toUpperCase()}_URL`, url]));
    for (const [index, subgraph] of SUBGRAPHS.entries()) {
      spawn(
        subgraph.name,
        subgraph.main,
        { ...upstreamEnv, ...subgraphEnv, PORT: String(ports[index]!), HOST: '127.0.0.1' },
        [],
        SUBGRAPH_NODE_FLAGS,
      );
    }
    await Promise.all(
      SUBGRAPHS.map((subgraph) =>
        services.get(subgraph.name)!.waitForHttp(new URL('/health', subgraphUrls[subgraph.name]).href, timeLeft()),
      ),
    );

    let supergraphPath = join(ROOT.pathname, 'schema', 'supergraph.graphql');
    if (options.ports === 'free') {
      const { supergraphSdl } = composeSupergraph(SUBGRAPHS, { root: ROOT, urlOf: (subgraph) => subgraphUrls[subgraph.name]! });
      supergraphPath = join(mkdtempSync(join(tmpdir(), 'tradegraph-')), 'supergraph.graphql');
      writeFileSync(supergraphPath, supergraphSdl);
    }
    const gatewayPort = ports[SUBGRAPHS.length]!;
    const gateway = spawn(
      'gateway',
      'gateway/src/main.ts',
      { ...options.gatewayEnv, HOST: '127.0.0.1' },
      ['--supergraph', supergraphPath, '--port', String(gatewayPort)],
      GATEWAY_NODE_FLAGS,
    );
    const gatewayOrigin = `http://127.0.0.1:${gatewayPort}`;
    await gateway.waitForHttp(`${gatewayOrigin}/ready`, timeLeft());

    return { gatewayUrl: `${gatewayOrigin}/graphql`, sandboxUrls, subgraphUrls, services, supergraphPath, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
