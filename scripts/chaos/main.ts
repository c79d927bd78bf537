/**
 * `npm run chaos -- --minutes 10`: bookings and searches at a steady rate through two gateway
 * replicas behind HAProxy, two orders replicas on PostgreSQL and NATS, the gateways on Redis
 * (`startChaosStack.ts`), while faults hit the sandboxes (down, slow, garbage, closed, 503) and,
 * through fault proxies of this run, PostgreSQL, Redis and NATS (cut, slow, reset); one orders
 * replica and one gateway replica are killed mid-run and restarted. Then the faults stop, every
 * booking is given time to settle, and the invariants are checked from the API and the sandboxes'
 * ledgers (`checkInvariants.ts`). Prints the figures; exits 1 on any violation. At most 10 minutes
 * of load.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTradeClient, type BookableQuote } from '../load/createTradeClient.js';
import { checkInvariants, type AcceptedBooking } from './checkInvariants.js';
import { startChaosStack } from './startChaosStack.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'bookings-per-minute': { type: 'string', default: '20' },
    'searches-per-minute': { type: 'string', default: '30' },
    log: { type: 'string', default: '/tmp/tradegraph-chaos.log' },
  },
});
const minutes = Math.min(10, Number(values.minutes));
const runMs = minutes * 60_000;
const logFile = values.log;
writeFileSync(logFile, '');
const log = (line: string) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
const say = (line: string) => {
  process.stdout.write(`${line}\n`);
  log(`chaos     | ${line}`);
};

say(`Starting the chaos stack (two gateways behind HAProxy, two orders replicas on PostgreSQL/NATS, Redis; logs in ${logFile})…`);
const stack = await startChaosStack(
  {
    postgres: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    redis: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    nats: process.env.NATS_URL ?? 'nats://127.0.0.1:4222',
  },
  log,
);
// Whatever ends this process ends the stack with it: no service outlives the run.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stack.stop().finally(() => process.exit(130)));
say(`Up: ${stack.gatewayUrl}; schema ${stack.names.schema}, stream ${stack.names.stream}, Redis prefix ${stack.names.prefix}`);
const client = createTradeClient(stack.gatewayUrl, stack.apiKey, 60_000);
const started = Date.now();
const elapsed = () => Date.now() - started;
const accepted: AcceptedBooking[] = [];
const counts = { bookingsTried: 0, bookingsUnanswered: 0, bookingRetries: 0, searches: 0, searchesFailed: 0, faults: 0 };
const stockBefore = new Map<string, Promise<number | undefined>>();
const faultLog: string[] = [];
const unanswered: Array<{ quote: BookableQuote; key: string }> = [];
const refusals = new Map<string, number>();

/** Units ordered of an offer at its marketplace sandbox (offer ids are base64url of `Offer:<marketplace>:<native id>`). */
async function orderedAt(quote: Pick<BookableQuote, 'offerId' | 'marketplaceId'>): Promise<number | undefined> {
  const nativeId = Buffer.from(quote.offerId, 'base64url').toString('utf8').split(':').slice(2).join(':');
  const sandbox = stack.sandboxUrls[quote.marketplaceId];
  if (sandbox === undefined) return undefined;
  try {
    const response = await fetch(`${sandbox}/__sandbox/stock/${encodeURIComponent(nativeId)}`, { signal: AbortSignal.timeout(20_000) });
    return response.ok ? ((await response.json()) as { ordered: number }).ordered : undefined;
  } catch {
    return undefined;
  }
}

let quotes: BookableQuote[] = [];
/** One booking as a careful client makes it: on no answer or RETRYABLE, the same idempotency key again. */
async function book(): Promise<void> {
  if (quotes.length === 0) quotes = (await client.quotes()).data ?? [];
  const quote = quotes.shift();
  if (quote === undefined) return;
  counts.bookingsTried++;
  if (!stockBefore.has(quote.offerId)) stockBefore.set(quote.offerId, orderedAt(quote));
  await stockBefore.get(quote.offerId);
  const key = crypto.randomUUID();
  for (let attempt = 0; attempt < 6; attempt++) {
    if (attempt > 0) {
      counts.bookingRetries++;
      await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
    }
    const answer = await client.placeOrder(quote, key);
    const order = answer.data?.placeOrder.order;
    if (order) {
      accepted.push({ orderId: order.id, quote, idempotencyKey: key });
      return;
    }
    // a definite refusal (quote expired, out of stock): no order, nothing to retry
    if (answer.data?.placeOrder.userErrors.length) {
      const codes = answer.data.placeOrder.userErrors.map((error) => error.code).join(',');
      refusals.set(codes, (refusals.get(codes) ?? 0) + 1);
      return;
    }
    if (answer.status !== 0 && answer.status < 500 && answer.problem !== 'RETRYABLE' && answer.problem !== 'UPSTREAM_UNAVAILABLE') return;
  }
  counts.bookingsUnanswered++;
  unanswered.push({ quote, key });
}

/**
 * After the faults: each booking that got no answer is sent again with its idempotency key, as
 * the `RETRYABLE` contract tells a client to. A booking that was made answers with its order
 * (then checked like any other); one that was not is made now or refused.
 */
async function askAgain(): Promise<number> {
  let found = 0;
  for (const { quote, key } of unanswered) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const answer = await client.placeOrder(quote, key);
      const order = answer.data?.placeOrder.order;
      if (order) {
        accepted.push({ orderId: order.id, quote, idempotencyKey: key });
        found++;
        break;
      }
      if (answer.data?.placeOrder.userErrors.length) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }
  return found;
}

async function search(): Promise<void> {
  counts.searches++;
  const result = await client.search();
  if (!result.ok) counts.searchesFailed++;
}

/** A random fault for a while: a sandbox misbehaving, or PostgreSQL, Redis or NATS cut, slowed or reset. */
async function injectFault(): Promise<void> {
  counts.faults++;
  const sandboxes = Object.keys(stack.sandboxUrls).filter((id) => id !== 'fx-refrates');
  const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
  if (Math.random() < 0.6) {
    const id = pick(sandboxes);
    const fault = pick(['down', 'slow:4000', 'garbage', 'closed:8000', 'error:503']);
    faultLog.push(`${Math.round(elapsed() / 1000)}s sandbox ${id} ${fault}`);
    log(`chaos     | fault: sandbox ${id} ${fault}`);
    const set = (value: string | null) =>
      fetch(`${stack.sandboxUrls[id]}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fault: value }),
      }).catch(() => undefined);
    await set(fault);
    setTimeout(() => void set(null), 10_000);
    return;
  }
  const proxy = pick(Object.values(stack.proxies));
  const kind = pick(['cut', 'slow', 'reset'] as const);
  faultLog.push(`${Math.round(elapsed() / 1000)}s ${proxy.name} ${kind}`);
  log(`chaos     | fault: ${proxy.name} ${kind}`);
  if (kind === 'reset') return proxy.reset();
  proxy.set(kind === 'cut' ? { kind: 'cut' } : { kind: 'slow', ms: 300 });
  setTimeout(() => proxy.set({ kind: 'pass' }), kind === 'cut' ? 5_000 : 10_000);
}

/** Kills a replica as a crash would, and starts it again after a few seconds. */
async function killAndRestart(name: string, replica: (typeof stack.ordersReplicas)[number]): Promise<void> {
  faultLog.push(`${Math.round(elapsed() / 1000)}s kill -9 ${name}`);
  say(`kill -9 ${name} (pid ${replica.pid})`);
  await replica.kill();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  replica.start();
  await replica
    .waitForHttp(stack.healthOf.get(replica)!, 240_000)
    .catch((error: unknown) => say(`${name} did not come back: ${String(error)}`));
  say(`${name} restarted`);
}

const inFlight = new Set<Promise<void>>();
const track = (started: Promise<void>) => {
  const work = started.catch((error: unknown) => log(`chaos     | client error: ${String(error)}`));
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work));
};
const timers = [
  setInterval(() => track(book()), 60_000 / Number(values['bookings-per-minute'])),
  setInterval(() => track(search()), 60_000 / Number(values['searches-per-minute'])),
  setInterval(() => track(injectFault()), 15_000),
  setInterval(
    () =>
      say(
        `  ${Math.round(elapsed() / 60_000)} min: ${accepted.length} bookings accepted, ${counts.searches} searches, ${counts.faults} faults`,
      ),
    60_000,
  ),
];
const kills = [
  setTimeout(() => track(killAndRestart('orders-1', stack.ordersReplicas[0]!)), runMs * 0.35),
  setTimeout(() => track(killAndRestart('gateway-1', stack.gatewayReplicas[0]!)), runMs * 0.6),
];
await new Promise((resolve) => setTimeout(resolve, runMs));
for (const timer of timers) clearInterval(timer);
for (const timer of kills) clearTimeout(timer);
say('Load stopped; clearing faults and letting every booking settle…');
for (const proxy of Object.values(stack.proxies)) proxy.set({ kind: 'pass' });
await Promise.all(
  Object.values(stack.sandboxUrls).map((url) =>
    fetch(`${url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"fault":null}' }).catch(
      () => undefined,
    ),
  ),
);
await Promise.all(inFlight);
const answeredLater = await askAgain();

const report = await checkInvariants({
  client,
  accepted,
  sandboxUrls: stack.sandboxUrls,
  stockBefore: new Map(await Promise.all([...stockBefore].map(async ([offer, before]) => [offer, await before] as const))),
  orderedAt,
  settleTimeoutMs: 240_000,
});
const load = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
say(
  [
    '',
    `${minutes} min of load: ${counts.bookingsTried} bookings tried, ${accepted.length} accepted (${answeredLater} of them only when asked again with their key after the faults), ${counts.bookingsUnanswered} with no answer in 6 tries during the faults, ${counts.bookingRetries} retries with the same key; refused: ${[...refusals].map(([codes, count]) => `${codes} ${count}`).join(', ') || 'none'}; ${counts.searches} searches (${counts.searchesFailed} failed as a whole)`,
    `${counts.faults} faults: ${faultLog.join('; ')}`,
    ...report.lines,
    `load average at the end (1/5/15 min): ${load}`,
    report.violations.length === 0 ? 'INVARIANTS HOLD' : `VIOLATIONS (${report.violations.length}):\n  ${report.violations.join('\n  ')}`,
  ].join('\n'),
);
await stack.stop();
// this run's PostgreSQL schema and NATS stream go with it
const { default: pg } = await import('pg');
const database = new pg.Client({ connectionString: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
await database.connect();
await database.query(`DROP SCHEMA IF EXISTS "${stack.names.schema}" CASCADE`);
await database.end();
const { connect } = await import('nats');
const nats = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
await (await nats.jetstreamManager()).streams.delete(stack.names.stream).catch(() => false);
await nats.close();
process.exit(report.violations.length === 0 ? 0 : 1);
