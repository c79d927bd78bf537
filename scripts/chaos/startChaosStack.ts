import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeSupergraph } from '#packages/federation/index.js';
import { upstreamUrlVariable } from '#packages/sandbox/index.js';
import { GATEWAY_NODE_FLAGS } from '#gateway/nodeFlags.js';
import { SUBGRAPH_NODE_FLAGS, SUBGRAPHS } from '../../subgraphs.js';
import { freePorts } from '../stack/freePorts.js';
import { loadDevelopmentKey } from '../stack/loadDevelopmentKey.js';
import { ServiceProcess } from '../stack/ServiceProcess.js';
import { createFaultProxy, type FaultProxy } from './createFaultProxy.js';

/** The machine's shared servers; the stack reaches them only through fault proxies of its own. */
export interface SharedServers {
  readonly postgres: string;
  readonly redis: string;
  readonly nats: string;
}

export interface ChaosStack {
  /** HAProxy's front for the two gateway replicas: what clients call. */
  readonly gatewayUrl: string;
  readonly gatewayReplicas: readonly ServiceProcess[];
  readonly ordersReplicas: readonly ServiceProcess[];
  readonly sandboxUrls: Readonly<Record<string, string>>;
  readonly proxies: { readonly postgres: FaultProxy; readonly redis: FaultProxy; readonly nats: FaultProxy };
  readonly apiKey: string;
  /** The PostgreSQL schema, NATS stream and Redis prefix of this run, so runs side by side never meet. */
  readonly names: { readonly schema: string; readonly stream: string; readonly subject: string; readonly prefix: string };
  /** How each replica's health URL reads, to wait for one restarted. */
  readonly healthOf: ReadonlyMap<ServiceProcess, string>;
  stop(): Promise<void>;
}

const ROOT = new URL('../../', import.meta.url);
const START_TIMEOUT_MS = 240_000;

/**
 * The deployment that outgrows one process: every subgraph of `subgraphs.ts` once, except orders
 * twice on PostgreSQL and NATS; two gateway replicas on Redis; HAProxy in front of the gateways
 * and of the orders replicas. PostgreSQL, Redis and NATS are the machine's, reached through TCP
 * fault proxies (`createFaultProxy`), with a schema, stream and key prefix of this run's own.
 */
export async function startChaosStack(servers: SharedServers, log: (line: string) => void): Promise<ChaosStack> {
  const run = randomBytes(4).toString('hex');
  const names = {
    schema: `chaos_${run}`,
    stream: `CHAOS_ORDER_EVENTS_${run}`,
    subject: `chaos.${run}.order-events`,
    prefix: `chaos-${run}`,
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'tradegraph-chaos-'));
  const { key: apiKey } = loadDevelopmentKey(dataDir);
  const hostPort = (url: string) => {
    const parsed = new URL(url);
    return { host: parsed.hostname, port: Number(parsed.port) };
  };
  const proxies = {
    postgres: await createFaultProxy('postgres', hostPort(servers.postgres)),
    redis: await createFaultProxy('redis', hostPort(servers.redis)),
    nats: await createFaultProxy('nats', hostPort(servers.nats)),
  };
  const through = (url: string, proxy: FaultProxy) => {
    const parsed = new URL(url);
    parsed.host = proxy.address;
    return parsed.href;
  };

  const services: ServiceProcess[] = [];
  const children: ChildProcess[] = [];
  const spawnService = (
    name: string,
    entry: string,
    env: Record<string, string>,
    args: string[] = [],
    nodeArgs: readonly string[] = [],
  ) => {
    const service = new ServiceProcess({
      name,
      entry,
      args,
      nodeArgs,
      root: ROOT,
      env: { NODE_ENV: 'development', DATA_DIR: dataDir, LOG_LEVEL: 'error', ...env },
      onLine: (line) => log(`${name.padEnd(10)}| ${line}`),
    });
    services.push(service);
    service.start();
    return service;
  };
  const stop = async () => {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all([...services].reverse().map((service) => service.stop()));
    await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const sandbox = spawnService('sandbox', 'upstreams/main.ts', { SANDBOX_RANDOM_PORTS: 'true' });
    const started = await sandbox.waitForLine((line) => {
      try {
        const parsed = JSON.parse(line) as { sandboxes?: Record<string, string>; environment?: Record<string, string> };
        return parsed.sandboxes && { urls: parsed.sandboxes, environment: parsed.environment ?? {} };
      } catch {
        return undefined;
      }
    }, START_TIMEOUT_MS);
    const upstreamEnv = {
      ...started.environment,
      ...Object.fromEntries(Object.entries(started.urls).map(([id, url]) => [upstreamUrlVariable(id), url])),
    };

    const ports = await freePorts(SUBGRAPHS.length + 5);
    const [ordersFront, gatewayFront, secondOrders, ...rest] = ports as [number, number, number, ...number[]];
    const subgraphPorts = new Map(SUBGRAPHS.map((subgraph, index) => [subgraph.name, rest[index]!]));
    const [gatewayOne, gatewayTwo] = rest.slice(SUBGRAPHS.length) as [number, number];
    const direct = (name: string) => `http://127.0.0.1:${subgraphPorts.get(name)!}/graphql`;
    const routed = (name: string) => (name === 'orders' ? `http://127.0.0.1:${ordersFront}/graphql` : direct(name));
    const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((subgraph) => [`${subgraph.name.toUpperCase()}_URL`, routed(subgraph.name)]));
    const ordersEnv = {
      DATABASE_URL: through(servers.postgres, proxies.postgres),
      DATABASE_SCHEMA: names.schema,
      NATS_URL: through(servers.nats, proxies.nats),
      ORDER_EVENTS_STREAM: names.stream,
      ORDER_EVENTS_SUBJECT: names.subject,
    };
    const healthOf = new Map<ServiceProcess, string>();
    const ordersReplicas: ServiceProcess[] = [];
    for (const subgraph of SUBGRAPHS) {
      const replicas = subgraph.name === 'orders' ? [subgraphPorts.get('orders')!, secondOrders] : [subgraphPorts.get(subgraph.name)!];
      for (const [index, port] of replicas.entries()) {
        const name = replicas.length > 1 ? `${subgraph.name}-${index + 1}` : subgraph.name;
        const service = spawnService(
          name,
          subgraph.main,
          {
            ...upstreamEnv,
            ...subgraphEnv,
            ...(subgraph.name === 'orders' && ordersEnv),
            PORT: String(port),
            HOST: '127.0.0.1',
          },
          [],
          SUBGRAPH_NODE_FLAGS,
        );
        healthOf.set(service, `http://127.0.0.1:${port}/health`);
        if (subgraph.name === 'orders') ordersReplicas.push(service);
      }
    }
    await Promise.all([...healthOf].map(([service, url]) => service.waitForHttp(url, START_TIMEOUT_MS)));

    const { supergraphSdl } = composeSupergraph(SUBGRAPHS, { root: ROOT, urlOf: (subgraph) => routed(subgraph.name) });
    const supergraphPath = join(dataDir, 'supergraph.graphql');
    writeFileSync(supergraphPath, supergraphSdl);

    const haproxyConfig = join(dataDir, 'haproxy.cfg');
    writeFileSync(
      haproxyConfig,
      haproxyConfigOf({
        gatewayFront,
        gateways: [gatewayOne, gatewayTwo],
        ordersFront,
        orders: [subgraphPorts.get('orders')!, secondOrders],
      }),
    );
    const haproxy = spawn('/usr/sbin/haproxy', ['-f', haproxyConfig, '-db'], { stdio: ['ignore', 'pipe', 'pipe'] });
    haproxy.stderr.on('data', (chunk: Buffer) => log(`haproxy   | ${chunk.toString('utf8').trim()}`));
    children.push(haproxy);

    const gatewayReplicas = [gatewayOne, gatewayTwo].map((port, index) => {
      const service = spawnService(
        `gateway-${index + 1}`,
        'gateway/src/main.ts',
        {
          HOST: '127.0.0.1',
          DEVELOPMENT_API_KEY: apiKey,
          REDIS_URL: through(servers.redis, proxies.redis),
          CACHE_KEY_PREFIX: names.prefix,
          RATE_LIMITS: 'developer=1000000,marketplace=1000000,analyst=1000000',
        },
        ['--supergraph', supergraphPath, '--port', String(port)],
        GATEWAY_NODE_FLAGS,
      );
      healthOf.set(service, `http://127.0.0.1:${port}/health`);
      return service;
    });
    await Promise.all(
      gatewayReplicas.map((service) => service.waitForHttp(healthOf.get(service)!.replace('/health', '/ready'), START_TIMEOUT_MS)),
    );
    const gatewayUrl = `http://127.0.0.1:${gatewayFront}/graphql`;
    return { gatewayUrl, gatewayReplicas, ordersReplicas, sandboxUrls: started.urls, proxies, apiKey, names, healthOf, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** HAProxy in front of the gateways and of the orders replicas: round robin, health-checked each second, a refused connection retried on the other. */
function haproxyConfigOf(ports: { gatewayFront: number; gateways: number[]; ordersFront: number; orders: number[] }): string {
  const backend = (name: string, servers: number[]) =>
    [
      `backend ${name}`,
      '  balance roundrobin',
      '  option httpchk GET /health',
      '  retries 2',
      '  option redispatch',
      ...servers.map((port, index) => `  server ${name}${index + 1} 127.0.0.1:${port} check inter 1s fall 2 rise 2`),
    ].join('\n');
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 120s',
    '  timeout server 120s',
    `frontend gateway_front`,
    `  bind 127.0.0.1:${ports.gatewayFront}`,
    '  default_backend gateways',
    `frontend orders_front`,
    `  bind 127.0.0.1:${ports.ordersFront}`,
    '  default_backend orders',
    backend('gateways', ports.gateways),
    backend('orders', ports.orders),
    '',
  ].join('\n');
}
