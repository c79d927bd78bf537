/**
 * Booking throughput: `--buyers` concurrent buyers place orders through the gateway for
 * `--seconds`, on fast sandboxes, with the orders subgraph on SQLite and on PostgreSQL (a schema of
 * its own in `DATABASE_URL` or the local `test` database, dropped after). Prints confirmed orders
 * per second, placeOrder p50 and p99, and the ledger check: the orders the buyers saw CONFIRMED
 * against what the sandbox vendors hold (marketplace orders, stock reservations, labels and payment
 * authorizations), which must match — nothing lost, nothing left open.
 *
 *   npm run bench:booking [-- --stores sqlite,postgres --buyers 16 --seconds 20 --pool-size 10]
 *
 * Quotes come from searches to DE (single-leg express or postal options), each used for at most
 * the units its offer has in stock, so stock never runs out; Main Street Market is left out (its
 * sandbox throttles at 20 requests per second, like its real counterpart).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { request } from 'undici';
import type { SandboxCall } from '#packages/sandbox/index.js';
import { quantityOfQuote } from '#scripts/load/createTradeClient.js';
import { launchStack, type RunningStack } from '#scripts/stack/launchStack.js';
import { CARRIER_ADAPTERS } from '#subgraphs/logistics/src/adapters/registry.js';
import { PAYMENT_PROVIDERS } from '#subgraphs/payments/src/adapters/registry.js';
import { cpuMillis } from './processStats.js';
import { BENCH_SERVICE_SECRET } from './startTarget.js';

const { values } = parseArgs({
  options: {
    stores: { type: 'string', default: 'sqlite,postgres' },
    buyers: { type: 'string', default: '16' },
    seconds: { type: 'string', default: '20' },
    /** Orders' PostgreSQL pool (DATABASE_POOL_SIZE); its own default when left out. */
    'pool-size': { type: 'string' },
    /** A folder for each service's CPU profile (`node --cpu-prof`), written when the stack stops. */
    'cpu-prof': { type: 'string' },
  },
});
const buyers = Number(values.buyers);
const seconds = Number(values.seconds);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const API_KEY = `tg_${randomBytes(24).toString('base64url')}`;
const API_KEYS = `bench-booking marketplace orders:write ${createHash('sha256').update(API_KEY, 'utf8').digest('hex')}`;
const THROTTLED = new Set(['us-mainstreet']);

const QUOTES = `query Quotes($query: String!) {
  search(query: $query, first: 30, filter: { shipTo: DE, inStock: true }) {
    edges { node { id availableQuantity marketplace { id } shippingOptions(to: DE) {
      mode landedCost(currency: EUR) { quoteId paymentProvider { methods } } } } }
  }
}`;
const PLACE_ORDER = `mutation PlaceOrder($input: PlaceOrderInput!) {
  placeOrder(input: $input) { order { id status } userErrors { code message } }
}`;
const SEARCH_TERMS = ['tea', 'shirt', 'phone', 'bag', 'shoes', 'lamp', 'book', 'toy', 'watch', 'cup'];

interface Quote {
  quoteId: string;
  method: string;
  /** Orders this quote may still place before its offer's stock would run out. */
  left: number;
}

async function gql<T>(
  stack: RunningStack,
  query: string,
  variables: Record<string, unknown>,
  requestId: string = randomUUID(),
): Promise<T> {
  const response = await request(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.body.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

async function gatherQuotes(stack: RunningStack): Promise<Quote[]> {
  type Edge = {
    node: {
      id: string;
      availableQuantity: number;
      marketplace: { id: string };
      shippingOptions: { mode: string; landedCost: { quoteId: string; paymentProvider: { methods: string[] } } | null }[];
    };
  };
  const quotes = new Map<string, Quote>(); // one per offer: its stock is what limits it
  for (const query of SEARCH_TERMS) {
    const data = await withRetries(() => gql<{ search: { edges: Edge[] } }>(stack, QUOTES, { query }));
    for (const { node } of data.search.edges) {
      if (THROTTLED.has(node.marketplace.id) || quotes.has(node.id)) continue;
      const option = node.shippingOptions.find((o) => (o.mode === 'EXPRESS' || o.mode === 'POSTAL') && o.landedCost !== null);
      if (!option?.landedCost) continue;
      const left = Math.floor(node.availableQuantity / quantityOfQuote(option.landedCost.quoteId)) - 1;
      if (left > 0)
        quotes.set(node.id, { quoteId: option.landedCost.quoteId, method: option.landedCost.paymentProvider.methods[0]!, left });
    }
  }
  return [...quotes.values()];
}

interface Run {
  confirmed: number;
  failed: number;
  other: number;
  latencies: number[];
  /** Each order's request id, when it was sent (epoch ms) and how long its answer took. */
  sent: { requestId: string; at: number; ms: number }[];
  elapsedMs: number;
  cpu: Map<string, number>;
  /** The PostgreSQL server over the run (PostgreSQL store only), or undefined. */
  database?: DatabaseWork;
}

/**
 * What the PostgreSQL server did: the CPU of the postmaster and every process under it alive at
 * the two readings (its backends, WAL writer, checkpointer; backends of other clients of the same
 * server included), and the transactions committed in the bench's database.
 */
interface DatabaseWork {
  cpuMs: number;
  commits: number;
  tuplesReturned: number;
}

/** The server's postmaster (the parent of the backend answering), read once; undefined when not on this machine. */
async function postmasterPid(client: pg.Client): Promise<number | undefined> {
  const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  try {
    const stat = readFileSync(`/proc/${rows[0]!.pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]); // the 4th field, ppid
  } catch {
    return undefined; // a server elsewhere: its CPU is not ours to read
  }
}

async function databaseWork(client: pg.Client, postmaster: number | undefined): Promise<DatabaseWork> {
  const { rows } = await client.query<{ commits: string; returned: string }>(
    'SELECT xact_commit AS commits, tup_returned AS returned FROM pg_stat_database WHERE datname = current_database()',
  );
  return {
    cpuMs: postmaster === undefined ? Number.NaN : cpuMillis(postmaster),
    commits: Number(rows[0]!.commits),
    tuplesReturned: Number(rows[0]!.returned),
  };
}

type PlaceOrderAnswer = { order: { id: string; status: string } | null; userErrors: { code: string }[] };

/** A request as a careful client sends it: an answer lost in a timeout (RETRYABLE) is asked for again, up to five times. */
async function withRetries<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('RETRYABLE')) throw error;
      retried++;
    }
  }
}
let retried = 0;

/** placeOrder sent again after a timeout carries the same idempotency key, so it books once. */
async function placeWithRetries(stack: RunningStack, input: Record<string, unknown>, requestId: string): Promise<PlaceOrderAnswer> {
  return withRetries(async () => (await gql<{ placeOrder: PlaceOrderAnswer }>(stack, PLACE_ORDER, { input }, requestId)).placeOrder);
}

/** Orders answered PENDING (the saga outlasted placeOrder's wait): followed with `order(id)` before the ledger check. */
const pending: string[] = [];

async function placeOrders(stack: RunningStack, quotes: Quote[], durationMs: number, database?: pg.Client): Promise<Run> {
  const run: Run = { confirmed: 0, failed: 0, other: 0, latencies: [], sent: [], elapsedMs: 0, cpu: new Map() };
  let next = 0;
  const take = (): Quote | undefined => {
    for (let tried = 0; tried < quotes.length; tried++) {
      const quote = quotes[next++ % quotes.length]!;
      if (quote.left > 0) {
        quote.left -= 1;
        return quote;
      }
    }
    return undefined;
  };
  const postmaster = database && (await postmasterPid(database));
  // pg_stat_database's counters reach it a second or more after the transactions (each backend sends
  // them when idle, at most once a second): both readings lag alike, so the difference is a window's
  const databaseBefore = database && (await databaseWork(database, postmaster));
  const cpuBefore = serviceCpu(stack);
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: buyers }, async () => {
      for (let quote = take(); quote && performance.now() < deadline; quote = take()) {
        const input = {
          quoteId: quote.quoteId,
          idempotencyKey: randomUUID(),
          buyer: {
            name: 'Lena Fischer',
            email: 'lena@example.com',
            address: { line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
          },
          payment: { method: quote.method },
        };
        const at = performance.now();
        const requestId = `bench-booking-${randomUUID()}`;
        const placeOrder = await placeWithRetries(stack, input, requestId);
        const ms = performance.now() - at;
        run.latencies.push(ms);
        run.sent.push({ requestId, at: performance.timeOrigin + at, ms });
        if (placeOrder.order?.status === 'PENDING') pending.push(placeOrder.order.id);
        const status = placeOrder.order?.status;
        if (status === 'CONFIRMED') run.confirmed++;
        else if (status === 'FAILED') run.failed++;
        else run.other++;
      }
    }),
  );
  run.elapsedMs = performance.now() - started;
  const cpuAfter = serviceCpu(stack);
  for (const [name, ms] of cpuAfter) run.cpu.set(name, ms - cpuBefore.get(name)!);
  if (database && databaseBefore) {
    await database.query('SELECT pg_stat_clear_snapshot()');
    const databaseAfter = await databaseWork(database, postmaster);
    run.database = {
      cpuMs: databaseAfter.cpuMs - databaseBefore.cpuMs,
      commits: databaseAfter.commits - databaseBefore.commits,
      tuplesReturned: databaseAfter.tuplesReturned - databaseBefore.tuplesReturned,
    };
  }
  return run;
}

function serviceCpu(stack: RunningStack): Map<string, number> {
  return new Map([...stack.services].map(([name, service]) => [name, service.pid === undefined ? 0 : cpuMillis(service.pid)]));
}

/** What the vendors hold once the run is over, summed over the sandboxes of each kind. */
async function ledgers(stack: RunningStack) {
  const carriers = new Set<string>(CARRIER_ADAPTERS.map((carrier) => carrier.id));
  const providers = new Set<string>(PAYMENT_PROVIDERS.map((provider) => provider.id));
  const totals = {
    marketplaceOrders: 0,
    cancelledOrders: 0,
    reservationsHeld: 0,
    reservations: 0,
    labels: 0,
    cancelledLabels: 0,
    authorizations: 0,
    voided: 0,
  };
  await Promise.all(
    Object.entries(stack.sandboxUrls).map(async ([id, url]) => {
      const get = async (path: string) => {
        const response = await request(new URL(path, url));
        return response.statusCode === 200
          ? ((await response.body.json()) as Record<string, unknown>)
          : (await response.body.dump(), undefined);
      };
      if (carriers.has(id)) {
        const labels = (await get('/__sandbox/labels')) as { labels: { cancelled: boolean }[] } | undefined;
        for (const label of labels?.labels ?? []) {
          if (label.cancelled) totals.cancelledLabels++;
          else totals.labels++;
        }
      } else if (providers.has(id)) {
        const ledger = (await get('/__sandbox/ledger')) as { authorizations: Record<string, number> } | undefined;
        for (const [state, count] of Object.entries(ledger?.authorizations ?? {})) {
          if (state === 'VOIDED') totals.voided += count;
          else if (state !== 'DECLINED') totals.authorizations += count;
        }
      } else {
        const ledger = (await get('/__sandbox/ledger')) as
          | { reservations: Record<string, { count: number; units: number }>; orders: Record<string, { count: number; units: number }> }
          | undefined;
        if (!ledger) return;
        totals.marketplaceOrders += ledger.orders.PLACED?.count ?? 0;
        totals.cancelledOrders += ledger.orders.CANCELLED?.count ?? 0;
        totals.reservationsHeld += ledger.reservations.HELD?.count ?? 0;
        totals.reservations += Object.values(ledger.reservations).reduce((sum, tally) => sum + tally.count, 0);
      }
    }),
  );
  return totals;
}

/** An order's status once its saga has settled (polled for up to a minute). */
async function settledStatus(stack: RunningStack, id: string): Promise<string> {
  for (let tries = 0; tries < 600; tries++) {
    const { order } = await gql<{ order: { status: string } }>(stack, 'query ($id: ID!) { order(id: $id) { status } }', { id });
    if (order.status !== 'PENDING') return order.status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return 'PENDING';
}

/** The vendor calls of the order with the median answer time, from the sandboxes' call logs. */
async function timelineOf(stack: RunningStack, run: Run): Promise<string> {
  const typical = [...run.sent].sort((a, b) => a.ms - b.ms)[Math.floor(run.sent.length / 2)];
  if (!typical) return '(no order)';
  const logs = await Promise.all(
    Object.values(stack.sandboxUrls).map(
      async (url) => ((await (await request(new URL('/__sandbox/calls', url))).body.json()) as { calls: SandboxCall[] }).calls,
    ),
  );
  const calls = logs
    .flat()
    .filter((call) => call.requestId === typical.requestId)
    .sort((a, b) => a.receivedAt - b.receivedAt);
  const parts = calls.map(
    (call) => `${call.upstream} ${call.endpoint} ${(call.receivedAt - typical.at).toFixed(0)}–${(call.answeredAt - typical.at).toFixed(0)}`,
  );
  return ['sent 0', ...parts, `answered ${typical.ms.toFixed(0)}`].join(' → ');
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

async function benchStore(store: string): Promise<void> {
  retried = 0;
  const schema = `bench_booking_${randomUUID().replaceAll('-', '')}`;
  const storeEnv: Record<string, string> =
    store === 'postgres'
      ? { DATABASE_URL, DATABASE_SCHEMA: schema, ...(values['pool-size'] !== undefined && { DATABASE_POOL_SIZE: values['pool-size'] }) }
      : {};
  const stack = await launchStack({
    ports: 'free',
    // a bench, not a test: on a machine shared with other suites eleven services may take minutes to start
    startTimeoutMs: 600_000,
    env: { ...storeEnv, LOG_LEVEL: 'warn', API_KEYS, SERVICE_SECRET: BENCH_SERVICE_SECRET },
    gatewayEnv: { RATE_LIMITS: 'marketplace=1000000000', RESPONSE_CACHE: 'false' },
    ...(values['cpu-prof'] !== undefined && { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${values['cpu-prof']}`] }),
  });
  try {
    const quotes = await gatherQuotes(stack);
    const warm = await placeOrders(stack, quotes, 2_000); // connections, JIT, prepared paths
    const database = store === 'postgres' ? new pg.Client({ connectionString: DATABASE_URL }) : undefined;
    await database?.connect();
    const run = await placeOrders(stack, quotes, seconds * 1000, database).finally(() => database?.end());
    const bought = { confirmed: warm.confirmed + run.confirmed, failed: warm.failed + run.failed, other: 0 };
    for (const id of pending.splice(0)) {
      const status = await settledStatus(stack, id);
      if (status === 'CONFIRMED') bought.confirmed++;
      else if (status === 'FAILED') bought.failed++;
      else bought.other++;
    }
    const typical = await timelineOf(stack, run);
    const held = await ledgers(stack);
    const sorted = [...run.latencies].sort((a, b) => a - b);
    const orders = run.latencies.length;
    const matches =
      bought.other === 0 &&
      held.marketplaceOrders === bought.confirmed &&
      held.labels === bought.confirmed &&
      held.authorizations === bought.confirmed &&
      held.reservationsHeld === 0;
    const cpu = [...run.cpu].filter(([, ms]) => ms / orders >= 0.5).map(([name, ms]) => `${name} ${(ms / orders).toFixed(1)}`);
    process.stdout.write(
      [
        `${store}: ${buyers} buyers, ${(run.elapsedMs / 1000).toFixed(1)} s, ${quotes.length} offers`,
        `  placeOrder: ${orders} answered, ${(run.confirmed / (run.elapsedMs / 1000)).toFixed(1)} confirmed orders/s, p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p99 ${percentile(sorted, 0.99).toFixed(0)} ms`,
        `  answers (warm-up included): ${bought.confirmed} CONFIRMED, ${bought.failed} FAILED, ${bought.other} other; ${retried} sent again after a timeout`,
        `  vendors hold: ${held.marketplaceOrders} marketplace orders (${held.cancelledOrders} cancelled), ${held.labels} labels (${held.cancelledLabels} cancelled), ` +
          `${held.authorizations} authorizations (${held.voided} voided), ${held.reservations} reservations (${held.reservationsHeld} still held)`,
        `  ledger check: ${matches ? 'match' : 'MISMATCH'}`,
        `  median order's vendor calls (ms from sending): ${typical}`,
        `  CPU ms per order: ${cpu.join(', ')}`,
        ...(run.database
          ? [
              `  PostgreSQL per order: ${(run.database.cpuMs / orders).toFixed(1)} ms CPU (the server's processes), ` +
                `${(run.database.commits / orders).toFixed(1)} transactions, ${(run.database.tuplesReturned / orders).toFixed(0)} rows read`,
            ]
          : []),
        '',
      ].join('\n') + '\n',
    );
  } finally {
    await stack.stop();
    if (store === 'postgres') {
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

process.stdout.write(
  `uptime: ${(await import('node:os'))
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')} (load averages)\n\n`,
);
for (const store of values.stores.split(',')) await benchStore(store.trim());
