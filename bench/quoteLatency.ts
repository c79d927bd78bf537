/**
 * A quote as fast as its upstreams: the contract's search with landed costs (10 offers, DE/EUR)
 * with every sandbox upstream answering after `slow:<ms>`, one request at a time, against the
 * upstream round trips the request could not avoid (its critical path: the marketplace search,
 * then the carrier rates, then the payment fee quote; FX is cached by a warm-up before the run).
 *
 *   npm run bench:quote [-- --latencies 100,300 --requests 30 --warmup 200] [--hops]
 *
 * Each request carries its own `x-request-id`, which the gateway, the subgraphs and their upstream
 * clients forward; every sandbox logs the calls it answered under that id (`GET /__sandbox/calls`),
 * so the critical path is found from the calls each request actually made. Prints p50 latency (to
 * the answer's last byte, as wrk and k6 time a request; beside it, with this client's own decoding
 * and parsing), p50 critical path, their difference against the 30 ms target, and the median
 * request's paths.
 * `--hops`: the subgraphs log their requests (`LOG_LEVEL=info`), and the bench splits each request's
 * time beyond its critical path into the hops it was spent in (`hopMargins`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { request } from 'undici';
import type { SandboxCall } from '#packages/sandbox/index.js';
import { launchStack } from '#scripts/stack/launchStack.js';
import { generateApiKey } from '#gateway/src/keys/generateApiKey.js';
import { CARRIER_ADAPTERS } from '#subgraphs/logistics/src/adapters/registry.js';
import { PAYMENT_PROVIDERS } from '#subgraphs/payments/src/adapters/registry.js';
import { QUOTE_STAGES, criticalPath, describePath, type CriticalPath, type QuoteStage } from './quote/criticalPath.js';
import {
  QUOTE_SUBGRAPHS,
  hopMargins,
  servedRequestOf,
  type HopMargin,
  type QuoteSubgraph,
  type ServedRequest,
} from './quote/hopMargins.js';
import { describeHandoverCost, measureHandoverCost } from './quote/handoverCost.js';
import { cpuMillis } from './processStats.js';
import { BENCH_SERVICE_SECRET } from './startTarget.js';

const { values } = parseArgs({
  options: {
    latencies: { type: 'string', default: '100,300' },
    requests: { type: 'string', default: '30' },
    /**
     * Searches on fast sandboxes before measuring: plans, connections, caches, and V8's optimized
     * code in every service. After five, the services still spent about twice a warm service's CPU
     * per search (BENCHMARKS.md, "Quote latency"); 200 took 5–20 s here.
     */
    warmup: { type: 'string', default: '200' },
    /** A folder: every service runs under `node --cpu-prof` and writes its profile there when the stack stops. */
    'cpu-prof': { type: 'string' },
    /** Splits p50 − path by hop, from the subgraphs' request log lines (which they then write: LOG_LEVEL=info). */
    hops: { type: 'boolean', default: false },
  },
});
const latencies = values.latencies.split(',').map(Number);
const requests = Number(values.requests);
const TARGET_MARGIN_MS = 30;

const SEARCH = readFileSync(new URL('../operations/search.graphql', import.meta.url), 'utf8');
const body = JSON.stringify({ query: SEARCH, variables: { query: 'tea', shipTo: 'DE', currency: 'EUR', first: 10 } });

const carriers = new Set<string>(CARRIER_ADAPTERS.map((carrier) => carrier.id));
const providers = new Set<string>(PAYMENT_PROVIDERS.map((provider) => provider.id));
const stageOf = (upstream: string): QuoteStage =>
  carriers.has(upstream) ? 'carrier' : providers.has(upstream) ? 'payment' : upstream === 'fx-refrates' ? 'fx' : 'marketplace';

// Production refuses to start without keys over a supergraph with access rules: one developer key for this run.
const apiKey = generateApiKey({ tier: 'developer', scopes: [], id: 'key_quote_bench' });

/** With `--hops`: each subgraph's request log lines, by request id. */
const served = new Map<string, Partial<Record<QuoteSubgraph, ServedRequest>>>();
const quoteSubgraphs = new Set<string>(QUOTE_SUBGRAPHS);
const readLine = (service: string, line: string) => {
  if (!quoteSubgraphs.has(service)) return;
  const read = servedRequestOf(line);
  if (read) served.set(read.requestId, { ...served.get(read.requestId), [service]: read.served });
};

// The stack as it runs in production (graphql-js skips its development checks there, and the
// services need their signing secrets); what is measured is one quote's wait, so nothing may answer
// it from a cache of whole answers or refuse it.
const stack = await launchStack({
  ports: 'free',
  env: {
    NODE_ENV: 'production',
    LOG_LEVEL: values.hops ? 'info' : 'warn',
    SERVICE_SECRET: BENCH_SERVICE_SECRET,
    ...Object.fromEntries(
      ['CURSOR_SIGNING_SECRET', 'QUOTE_SIGNING_SECRET', 'EXPORT_SIGNING_SECRET'].map((name) => [name, randomBytes(32).toString('hex')]),
    ),
  },
  nodeArgs: values['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-interval=500', `--cpu-prof-dir=${values['cpu-prof']}`],
  gatewayEnv: {
    API_KEYS: apiKey.line,
    RATE_LIMITS: 'developer=1000000000',
    RESPONSE_CACHE: 'false',
    SUBGRAPH_CACHE: 'false',
    ...(values.hops && { LOG_LEVEL: 'warn' }),
  },
  ...(values.hops && { onLine: readLine }),
});

/**
 * One search: `ms` to the answer's last byte, as wrk and k6 time a request; `decodedMs` once this
 * client has also decoded and parsed it (a 180 KB answer, about 1.5 ms for Node: a string over
 * V8's 128 KiB large-object bound), which is the client's work, not the API's.
 */
async function search(requestId: string): Promise<{ ms: number; decodedMs: number; startedAt: number }> {
  const startedAt = performance.timeOrigin + performance.now();
  const started = performance.now();
  const response = await request(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': apiKey.key, 'x-request-id': requestId },
    body,
  });
  const chunks: Buffer[] = [];
  for await (const chunk of response.body) chunks.push(chunk as Buffer);
  const ms = performance.now() - started;
  const text = Buffer.concat(chunks).toString('utf8');
  const answer = JSON.parse(text) as { data?: { search?: { edges: unknown[] } }; errors?: unknown[] };
  const decodedMs = performance.now() - started;
  if (response.statusCode !== 200 || answer.errors || answer.data?.search?.edges.length !== 10) {
    throw new Error(`search failed (HTTP ${response.statusCode}): ${text.slice(0, 500)}`);
  }
  return { ms, decodedMs, startedAt };
}

async function eachSandbox(path: string, init: { method?: 'GET' | 'POST' | 'DELETE'; body?: string } = {}): Promise<unknown[]> {
  return Promise.all(
    Object.values(stack.sandboxUrls).map(async (url) => {
      const response = await request(new URL(path, url), { method: init.method ?? 'GET', body: init.body });
      return response.body.json();
    }),
  );
}

const setLatency = (ms: number) =>
  eachSandbox('/__sandbox/faults', { method: 'POST', body: JSON.stringify({ fault: ms === 0 ? null : `slow:${ms}` }) });
/** When each stage's calls were received and answered, from the client's send to its answer (one machine, one clock). */
function timeline(calls: readonly SandboxCall[], startedAt: number, ms: number): string {
  const parts: string[] = [];
  for (const stage of QUOTE_STAGES) {
    const mine = calls.filter((call) => stageOf(call.upstream) === stage);
    if (mine.length === 0) continue;
    const from = Math.min(...mine.map((call) => call.receivedAt)) - startedAt;
    const to = Math.max(...mine.map((call) => call.answeredAt)) - startedAt;
    parts.push(`${stage} ×${mine.length} ${from.toFixed(0)}–${to.toFixed(0)}`);
  }
  return ['sent 0', ...parts, `answered ${ms.toFixed(0)}`].join(' → ');
}

/** CPU milliseconds each service process has used so far (the sandboxes are one process). */
function serviceCpu(): Map<string, number> {
  return new Map([...stack.services].map(([name, service]) => [name, service.pid === undefined ? 0 : cpuMillis(service.pid)]));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Each hop's median and mean over the requests, and how many requests could be split. */
function describeHops(splits: HopMargin[][]): string {
  if (splits.length === 0) return 'no request could be split (a subgraph log line or a stage missing)';
  const hops = splits[0]!.map((part, index) => {
    const ms = splits.map((split) => split[index]!.ms);
    return `${part.hop} ${median(ms).toFixed(1)} / ${(ms.reduce((a, b) => a + b, 0) / ms.length).toFixed(1)}`;
  });
  return `(median / mean ms of ${splits.length} requests) ${hops.join('; ')}`;
}

/** Waits until the subgraphs' request log lines of these requests have come (their logs write in batches). */
async function servedLinesOf(ids: readonly string[]): Promise<void> {
  const complete = () => ids.every((id) => QUOTE_SUBGRAPHS.every((name) => served.get(id)?.[name] !== undefined));
  for (let waited = 0; !complete() && waited < 3_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

try {
  // Warm-up on fast sandboxes: plans, connections, JIT, the FX reference rates and clearance fee tables.
  for (let n = 0; n < Number(values.warmup); n++) await search(randomUUID());
  process.stdout.write(
    `search with landed costs (10 offers, DE/EUR), ${requests} requests one at a time per latency after ${values.warmup} to warm up; FX cached\n` +
      // the machine's own share of every margin: a quote crosses processes sixteen times, most into one idle while upstreams answered
      `this machine, a round trip between two Node processes (eight on a quote's path): ${describeHandoverCost(await measureHandoverCost())}\n\n`,
  );
  for (const latency of latencies) {
    await setLatency(latency);
    await search(randomUUID()); // the first call after a change of fault may still be on its way
    await eachSandbox('/__sandbox/stats', { method: 'DELETE' });
    const loadBefore = loadavg()[0]!;
    const cpuBefore = serviceCpu();
    const windowFrom = process.hrtime.bigint() / 1000n;
    const measured: { id: string; ms: number; decodedMs: number; startedAt: number }[] = [];
    for (let n = 0; n < requests; n++) {
      const id = `quote-bench-${latency}-${n}-${randomUUID()}`;
      measured.push({ id, ...(await search(id)) });
    }
    const cpuAfter = serviceCpu();
    const windowTo = process.hrtime.bigint() / 1000n;
    const cpu = [...cpuAfter].map(([name, ms]) => `${name} ${((ms - cpuBefore.get(name)!) / requests).toFixed(1)}`).join(', ');
    const logs = (await eachSandbox('/__sandbox/calls')) as { calls: SandboxCall[] }[];
    const byRequest = new Map<string, SandboxCall[]>();
    for (const call of logs.flatMap((log) => log.calls)) byRequest.set(call.requestId, [...(byRequest.get(call.requestId) ?? []), call]);
    const results: { ms: number; path: CriticalPath; timeline: string }[] = measured.map(({ id, ms, startedAt }) => ({
      ms,
      path: criticalPath(byRequest.get(id) ?? [], stageOf),
      timeline: timeline(byRequest.get(id) ?? [], startedAt, ms),
    }));
    if (values.hops) await servedLinesOf(measured.map(({ id }) => id));
    const splits = values.hops
      ? measured
          .map(({ id, ms, startedAt }) => hopMargins(startedAt, startedAt + ms, byRequest.get(id) ?? [], stageOf, served.get(id) ?? {}))
          .filter((split): split is HopMargin[] => split !== undefined)
      : [];

    const p50 = median(results.map((r) => r.ms));
    const pathP50 = median(results.map((r) => r.path.ms));
    const typical = [...results].sort((a, b) => a.ms - b.ms)[Math.floor(results.length / 2)]!;
    const met = p50 <= pathP50 + TARGET_MARGIN_MS;
    process.stdout.write(
      [
        `slow:${latency} on every sandbox`,
        `  p50 ${p50.toFixed(0)} ms, p50 critical path ${pathP50.toFixed(0)} ms: p50 − path = ${(p50 - pathP50).toFixed(0)} ms` +
          ` (target ≤ ${TARGET_MARGIN_MS} ms: ${met ? 'met' : 'missed'}); min ${Math.min(...results.map((r) => r.ms)).toFixed(0)}, max ${Math.max(...results.map((r) => r.ms)).toFixed(0)} ms`,
        `  p50 with this client's decoding and parsing of the answer: ${median(measured.map((m) => m.decodedMs)).toFixed(0)} ms`,
        `  upstream calls per request: ${median(results.map((r) => r.path.calls))}`,
        `  CPU ms per request: ${cpu}`,
        // two cores shared with whatever else runs: the margin moves with the load more than with the code
        `  load average (1 min): ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`,
        `  critical path (median request, ${typical.ms.toFixed(0)} ms): ${describePath(typical.path.steps)} = ${typical.path.ms.toFixed(0)} ms`,
        `  calls it made in sequence:  ${describePath(typical.path.serial)} = ${typical.path.serialMs.toFixed(0)} ms`,
        `  timeline (ms from sending): ${typical.timeline}`,
        ...(values.hops ? [`  p50 − path by hop ${describeHops(splits)}`] : []),
        ...(values['cpu-prof'] === undefined
          ? []
          : [
              `  profiles' window (µs of the monotonic clock, as in a .cpuprofile): ${windowFrom}–${windowTo};` +
                ` pids: ${[...stack.services].map(([name, service]) => `${name} ${service.pid}`).join(', ')}`,
            ]),
        '',
      ].join('\n') + '\n',
    );
  }
} finally {
  await setLatency(0).catch(() => undefined);
  // The catalog flushes its reach counts to orders as it stops: stopped first, while orders still
  // answers, it exits within its grace period and writes its profile.
  if (values['cpu-prof'] !== undefined) await stack.services.get('catalog')?.stop();
  await stack.stop();
}
