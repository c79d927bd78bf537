/**
 * What the gateway adds to a request: the same operation sent straight to the catalog subgraph
 * (the floor) and through the gateway, at fixed concurrency, in alternating rounds, one run.
 * Prints requests per second, p50 and p99 latency, and the gateway's ratios to the floor.
 *
 *   npm run bench:overhead [-- --seconds 5 --rounds 3 --concurrency 16]
 *
 * The stack runs in its own processes; this process only generates load (undici keep-alive).
 */
import { parseArgs } from 'node:util';
import { Pool } from 'undici';
import { createPrincipalSigner, PRINCIPAL_HEADER, principalKeyFrom } from '#packages/principal/index.js';
import { launchStack } from '#scripts/stack/launchStack.js';
import { BENCH_SERVICE_SECRET } from './startTarget.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
  },
});
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const concurrency = Number(values.concurrency);

const OPERATIONS = {
  marketplaces: '{ marketplaces { id name country currency continent } }',
  // Main Street Market (US) throttles at 20 requests per second, as its real counterpart would; under
  // load that would measure its Retry-After, not the gateway, so the search leaves it out.
  search:
    '{ search(query: "tea", first: 10, filter: { marketplaces: ["cn-jademarket", "br-feira", "my-pasarmall", "de-marktplatz", "jp-ichiba"] }) { edges { node { id title price { amount currency } seller { name } } } } }',
};

interface Sample {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function load(url: string, query: string): Promise<Sample> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: concurrency });
  const body = JSON.stringify({ query });
  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const started = performance.now();
        const response = await pool.request({
          path: target.pathname,
          method: 'POST',
          // the gateway ignores it; the subgraph, called directly, answers nothing unsigned
          headers: { 'content-type': 'application/json', [PRINCIPAL_HEADER]: signKeyless() },
          body,
        });
        const text = await response.body.text();
        if (response.statusCode !== 200 || text.includes('"errors"')) errors++;
        latencies.push(performance.now() - started);
      }
    }),
  );
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), errors };
}

/** A keyless caller's principal, as the gateway signs it (re-signed before it expires). */
const signer = createPrincipalSigner(principalKeyFrom(BENCH_SERVICE_SECRET));
const signKeyless = () => signer({ keyId: undefined, tier: 'developer', scopes: [], marketplaceId: undefined });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

// What is measured is execution: the keyless rate limit and the response/entity caches would
// otherwise answer most requests without executing anything.
const stack = await launchStack({
  ports: 'free',
  env: {
    LOG_LEVEL: 'warn',
    RATE_LIMITS: 'developer=1000000000',
    RESPONSE_CACHE: 'false',
    SUBGRAPH_CACHE: 'false',
    SERVICE_SECRET: BENCH_SERVICE_SECRET,
  },
});
try {
  const targets = { direct: stack.subgraphUrls.catalog!, gateway: stack.gatewayUrl };
  process.stdout.write(`${seconds} s × ${rounds} rounds per target, concurrency ${concurrency}, alternating order\n\n`);
  process.stdout.write('operation      target    rps      p50 ms  p99 ms  errors\n');
  for (const [name, query] of Object.entries(OPERATIONS)) {
    const samples: Record<string, Sample[]> = { direct: [], gateway: [] };
    await load(targets.gateway, query); // warm-up: plan cache, connections, JIT
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? (['direct', 'gateway'] as const) : (['gateway', 'direct'] as const);
      for (const target of order) samples[target]!.push(await load(targets[target], query));
    }
    const summary = Object.fromEntries(
      Object.entries(samples).map(([target, runs]) => [
        target,
        {
          rps: median(runs.map((r) => r.rps)),
          p50: median(runs.map((r) => r.p50)),
          p99: median(runs.map((r) => r.p99)),
          errors: runs.reduce((n, r) => n + r.errors, 0),
        },
      ]),
    );
    for (const [target, s] of Object.entries(summary)) {
      process.stdout.write(
        `${name.padEnd(14)} ${target.padEnd(9)} ${s.rps.toFixed(0).padStart(6)}  ${s.p50.toFixed(1).padStart(6)}  ${s.p99.toFixed(1).padStart(6)}  ${s.errors}\n`,
      );
    }
    process.stdout.write(
      `${name.padEnd(14)} gateway/direct: ${(summary.gateway!.rps / summary.direct!.rps).toFixed(2)}× rps, ${(summary.gateway!.p50 / summary.direct!.p50).toFixed(2)}× p50\n\n`,
    );
  }
} finally {
  await stack.stop();
}
