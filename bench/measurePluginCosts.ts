/**
 * What each production plugin of the shipped gateway costs per request, on the public benchmark's
 * workload (`npm run bench:plugins`, and `npm run bench` after its public rows).
 *
 * Starts the gateway as `npm run gateway` starts it (every production plugin on, limits lifted;
 * `startShippedGateway`) under `node --cpu-prof`, warms it up, drives it with wrk, stops it, and
 * charges every sample of the measured seconds to the deepest gateway part on its stack
 * (`attributeProfile`): µs of CPU per request for each plugin, beside the engine's own work,
 * Apollo Server's pipeline, the HTTP server and garbage collection. Sampling every 100 µs over
 * thousands of requests, a part costing 10 µs per request gets hundreds of samples.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePorts } from '#scripts/stack/freePorts.js';
import { attributeProfile, type CostCategory } from './attributeProfile.js';
import { cpuMillis, mainThreadCpuMillis, pinToCore } from './processStats.js';
import { runWrk, type LoadResult } from './runWrk.js';
import { startShippedGateway } from './startTarget.js';
import { startWorkload } from './workload/startWorkload.js';
import { BENCHMARK_QUERY } from './workload/workloadData.js';

/** The production plugins first (the table's subject), then the parts every request also runs through. */
const PLUGINS: readonly CostCategory[] = [
  { name: 'API keys (createApiKeyAuthenticator)', files: ['gateway/src/keys/'] },
  { name: 'rate limits, failed-key throttle, query size (limits/)', files: ['gateway/src/limits/'] },
  { name: 'signed principal (packages/principal)', files: ['packages/principal/'] },
  { name: 'request context glue (createRequestContext)', files: ['gateway/src/createRequestContext.ts'] },
  { name: 'rate-limit headers (useRateLimitHeaders)', files: ['plugins/useRateLimitHeaders.ts'] },
  {
    name: 'APQ and allow-list (usePersistedQueries, its store)',
    files: ['plugins/usePersistedQueries.ts', 'persisted/createPersistedQueryStore.ts'],
  },
  {
    name: 'supergraph authorization (useSupergraphAuthorization)',
    files: ['plugins/useSupergraphAuthorization.ts', 'gateway/src/authorization/'],
  },
  { name: 'demand control (useDemandControl)', files: ['plugins/useDemandControl.ts', 'gateway/src/demand/'] },
  { name: 'argument checks (useInputChecks)', files: ['plugins/useInputChecks.ts', 'gateway/src/input/'] },
  { name: 'metrics (useMetrics, per-subgraph attempts)', files: ['plugins/useMetrics.ts', 'gateway/src/metrics/'] },
  { name: 'response cache, missing (useResponseCache)', files: ['plugins/useResponseCache.ts'] },
  { name: 'subgraph cache, missing (createSubgraphFetchCache)', files: ['cache/createSubgraphFetchCache.ts'] },
  { name: 'request log (packages/log)', files: ['packages/log/'] },
  { name: 'reload gate (lifecycle/)', files: ['gateway/src/lifecycle/'] },
];
const PARTS: readonly CostCategory[] = [
  {
    name: 'engine and subgraph calls (engine/, subgraph/, UndiciDataSource, undici)',
    files: ['gateway/src/engine/', 'gateway/src/subgraph/', 'gateway/src/UndiciDataSource.ts', 'node_modules/undici/'],
  },
  { name: 'lean request path (gateway/src/lean/)', files: ['gateway/src/lean/'] },
  { name: "Apollo Server's request pipeline", files: ['node_modules/@apollo/server/'] },
  { name: 'HTTP server (packages/server)', files: ['packages/server/'] },
];

export interface PluginCostSettings {
  /** Seconds of measured load. */
  readonly seconds: number;
  /** Seconds of warm-up before them. */
  readonly warmupSeconds: number;
  /** wrk's connections. */
  readonly connections: number;
  /** The CPU core the gateway is pinned to. Default: not pinned. */
  readonly pinCore?: number;
}

/**
 * Starts the workload's subgraphs and the shipped gateway under `node --cpu-prof`, measures, and
 * returns the Markdown table (with a line of context before it and a note after it).
 */
export async function measurePluginCosts(settings: PluginCostSettings): Promise<string> {
  const { seconds, connections } = settings;
  const workload = await startWorkload();
  const profileDir = mkdtempSync(join(tmpdir(), 'tradegraph-plugin-costs-'));
  try {
    const [port] = await freePorts(1);
    const gateway = await startShippedGateway('shipped gateway', workload.supergraphPath, port!, {
      nodeArgs: ['--cpu-prof', '--cpu-prof-interval=100', `--cpu-prof-dir=${profileDir}`],
    });
    let measured: LoadResult;
    let cpuMsPerRequest: number;
    let mainThreadMs: number;
    try {
      if (settings.pinCore !== undefined) pinToCore(gateway.pid, settings.pinCore);
      const body = JSON.stringify({ query: BENCHMARK_QUERY });
      const load = { url: gateway.url, body, headers: gateway.headers ?? {}, connections };
      await runWrk({ ...load, seconds: settings.warmupSeconds });
      await sleep(1_000); // idle between warm-up and the measured seconds, so the window holds only these
      const cpuBefore = cpuMillis(gateway.pid);
      const mainBefore = mainThreadCpuMillis(gateway.pid);
      measured = await runWrk({ ...load, seconds });
      cpuMsPerRequest = (cpuMillis(gateway.pid) - cpuBefore) / measured.requests;
      mainThreadMs = mainThreadCpuMillis(gateway.pid) - mainBefore;
    } finally {
      await gateway.stop(); // the profile is written as the process exits; a failed run leaves no gateway behind
    }
    const profile = readdirSync(profileDir)
      .filter((file) => file.endsWith('.cpuprofile'))
      .sort()[0];
    if (profile === undefined) throw new Error(`no CPU profile was written to ${profileDir}`);
    // the window: the measured seconds and the idle second before them, not the warm-up
    const { microseconds, busyMicroseconds } = attributeProfile(join(profileDir, profile), [...PLUGINS, ...PARTS], seconds + 0.9);
    // The profiler samples wall time: on a busy machine a descheduled thread's wait lands on whatever
    // it was running. Each part's share of the samples is therefore applied to the main thread's CPU time.
    const scale = (mainThreadMs * 1000) / busyMicroseconds;
    const perRequest = (name: string) => ((microseconds.get(name) ?? 0) * scale) / measured.requests;

    return [
      `shipped gateway, public workload, wrk ${connections} connections, ${seconds} s after a ${settings.warmupSeconds} s warm-up: ${measured.rps.toFixed(0)} rps, ${measured.errors} errors, ${cpuMsPerRequest.toFixed(2)} ms CPU per request (process, all threads), ${(mainThreadMs / measured.requests).toFixed(2)} ms on the main thread (${(busyMicroseconds / measured.requests / 1000).toFixed(2)} ms of wall time sampled busy there), load average ${loadavg()[0]!.toFixed(1)}`,
      '',
      "µs of the main thread's CPU per request, by the part its samples were charged to:",
      '',
      '| part | µs per request | ≤ 100 µs? |',
      '| --- | ---: | --- |',
      ...PLUGINS.map(
        (plugin) => `| ${plugin.name} | ${perRequest(plugin.name).toFixed(1)} | ${perRequest(plugin.name) <= 100 ? 'yes' : '**no**'} |`,
      ),
      `| **all production plugins** | **${PLUGINS.reduce((sum, plugin) => sum + perRequest(plugin.name), 0).toFixed(1)}** | |`,
      ...[...PARTS.map((part) => part.name), 'garbage collection', 'other'].map(
        (name) => `| ${name} | ${perRequest(name).toFixed(1)} | — |`,
      ),
      '',
      'Each sample is charged to the deepest of these parts on its stack; "other": Node internals (sockets, timers, streams) reached from the event loop, JSON of the response.',
      '',
    ].join('\n');
  } finally {
    await workload.stop();
  }
}
