/**
 * `npm run soak -- --minutes 30`: the stack as `npm start` runs it, under a steady mix of the
 * contract's operations (search with landed costs, quote and book, read an order) at `--rate`
 * requests per second, for `--minutes`. Samples the heap and RSS of every service every
 * `--sample-seconds`, and prints, after the warm-up (`--warmup-minutes`), each service's memory
 * slope (MiB per minute) and the p50/p99 of each operation per 5-minute window, so a leak or a
 * drift shows as a number. `--out file.json` keeps every sample. Exits 1 if a service exited.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createTradeClient, type BookableQuote, type CallResult } from '../load/createTradeClient.js';
import { startFuzzStack } from '../fuzz/startFuzzStack.js';
import { sampleMemory, slopePerMinute, type MemorySample } from './sampleMemory.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    rate: { type: 'string', default: '4' },
    'warmup-minutes': { type: 'string', default: '5' },
    'sample-seconds': { type: 'string', default: '15' },
    out: { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const warmupMs = Number(values['warmup-minutes']) * 60_000;
const sampleMs = Number(values['sample-seconds']) * 1000;
const WINDOW_MS = 5 * 60_000;
const MAX_IN_FLIGHT = 64;

interface Call {
  readonly operation: 'search' | 'quotes' | 'placeOrder' | 'order';
  readonly atMs: number;
  readonly result: CallResult;
}

process.stdout.write(`Starting the stack as npm start does (free ports)…\n`);
const fuzzStack = await startFuzzStack();
// Whatever ends this process ends the stack with it: no service outlives the soak.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void fuzzStack.stop().finally(() => process.exit(130)));
const { stack } = fuzzStack;
const client = createTradeClient(stack.gatewayUrl, fuzzStack.apiKey);
const calls: Call[] = [];
const samples: MemorySample[] = [];
const placed: string[] = [];
let quotes: BookableQuote[] = [];
let quotesAt = 0;
let inFlight = 0;
let skipped = 0;
const started = Date.now();
const loadAverages: string[] = [];
const uptime = async () => {
  const { readFileSync } = await import('node:fs');
  loadAverages.push(readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '));
};

async function oneCall(): Promise<void> {
  const roll = Math.random();
  const record = (operation: Call['operation'], result: CallResult): void => {
    calls.push({ operation, atMs: Date.now() - started, result });
  };
  if (roll < 0.5) return record('search', await client.search());
  if (roll < 0.75 || placed.length === 0) {
    if (quotes.length === 0 || Date.now() - quotesAt > 60_000) {
      const found = await client.quotes();
      record('quotes', found);
      quotes = [...(found.data ?? [])];
      quotesAt = Date.now();
    }
    const quote = quotes.shift();
    if (quote === undefined) return;
    const answer = await client.placeOrder(quote);
    record('placeOrder', answer);
    const id = answer.data?.placeOrder.order?.id;
    if (id !== undefined) placed.push(id);
    return;
  }
  record('order', await client.order(placed[Math.floor(Math.random() * placed.length)]!));
}

process.stdout.write(`Soaking ${stack.gatewayUrl} for ${minutes} min at ${rate}/s (warm-up ${warmupMs / 60_000} min)…\n`);
const sampler = setInterval(() => {
  void sampleMemory(stack).then((taken) => samples.push(...taken.map((sample) => ({ ...sample, atMs: sample.atMs - started }))));
  void uptime();
}, sampleMs);
const progress = setInterval(() => {
  const last = calls.filter((call) => call.atMs > Date.now() - started - 60_000);
  process.stdout.write(
    `  ${Math.round((Date.now() - started) / 60_000)} min: ${calls.length} calls, ${last.filter((call) => !call.result.ok).length} failed in the last minute\n`,
  );
}, 60_000);
await new Promise<void>((resolve) => {
  const ticker = setInterval(() => {
    if (Date.now() - started >= minutes * 60_000) {
      clearInterval(ticker);
      resolve();
      return;
    }
    if (inFlight >= MAX_IN_FLIGHT) {
      skipped++;
      return;
    }
    inFlight++;
    void oneCall()
      .catch((error: unknown) =>
        calls.push({
          operation: 'search',
          atMs: Date.now() - started,
          result: { ms: 0, status: 0, ok: false, problem: `soak error: ${String(error)}` },
        }),
      )
      .finally(() => inFlight--);
  }, 1000 / rate);
});
clearInterval(sampler);
clearInterval(progress);
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 200));
const exits = [...fuzzStack.exits];
await fuzzStack.stop();

// memory: slope after warm-up, per service
const lines: string[] = ['', `service      heap MiB (warm → end)   heap slope MiB/min   RSS MiB (warm → end)   RSS slope MiB/min`];
for (const service of [...new Set(samples.map((sample) => sample.service))]) {
  const after = samples.filter((sample) => sample.service === service && sample.atMs >= warmupMs);
  if (after.length < 2) continue;
  const first = after[0]!;
  const last = after[after.length - 1]!;
  const heap = after.filter((sample) => sample.heapMiB !== undefined);
  const heapText =
    heap.length < 2
      ? '—'.padEnd(22)
      : `${first.heapMiB!.toFixed(0)} → ${last.heapMiB!.toFixed(0)}`.padEnd(22) +
        slopePerMinute(
          heap.map((sample) => sample.atMs),
          heap.map((sample) => sample.heapMiB!),
        )
          .toFixed(2)
          .padStart(19);
  const rssSlope = slopePerMinute(
    after.map((sample) => sample.atMs),
    after.map((sample) => sample.rssMiB),
  );
  lines.push(
    `${service.padEnd(13)}${heap.length < 2 ? heapText.padEnd(43) : heapText}   ${`${first.rssMiB.toFixed(0)} → ${last.rssMiB.toFixed(0)}`.padEnd(21)}${rssSlope.toFixed(2).padStart(18)}`,
  );
}

// latency per 5-minute window, per operation
const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
lines.push('', 'window     operation    calls  failed   p50 ms   p99 ms');
for (let from = 0; from < minutes * 60_000; from += WINDOW_MS) {
  for (const operation of ['search', 'placeOrder', 'order'] as const) {
    const inWindow = calls.filter((call) => call.operation === operation && call.atMs >= from && call.atMs < from + WINDOW_MS);
    if (inWindow.length === 0) continue;
    const sorted = inWindow.map((call) => call.result.ms).sort((a, b) => a - b);
    lines.push(
      `${`${from / 60_000}-${Math.min(minutes, (from + WINDOW_MS) / 60_000)} min`.padEnd(11)}${operation.padEnd(13)}${String(inWindow.length).padStart(5)}${String(inWindow.filter((call) => !call.result.ok).length).padStart(8)}${percentile(sorted, 50).toFixed(0).padStart(9)}${percentile(sorted, 99).toFixed(0).padStart(9)}`,
    );
  }
}
const problems = new Map<string, number>();
for (const call of calls)
  if (!call.result.ok)
    problems.set(
      `${call.operation} ${call.result.status} ${call.result.problem ?? ''}`,
      (problems.get(`${call.operation} ${call.result.status} ${call.result.problem ?? ''}`) ?? 0) + 1,
    );
lines.push(
  '',
  `${calls.length} calls in ${minutes} min (${skipped} ticks skipped with ${MAX_IN_FLIGHT} in flight); orders placed: ${placed.length}`,
  `failures: ${problems.size === 0 ? 'none' : [...problems].map(([problem, count]) => `${problem.trim()} ×${count}`).join('; ')}`,
  `service exits: ${exits.length === 0 ? 0 : exits.join(', ')}`,
  `load average (1/5/15 min) at start, middle, end: ${[loadAverages[0], loadAverages[Math.floor(loadAverages.length / 2)], loadAverages[loadAverages.length - 1]].join(' | ')}`,
);
process.stdout.write(lines.join('\n') + '\n');
if (values.out !== undefined)
  writeFileSync(
    values.out,
    JSON.stringify({
      minutes,
      rate,
      warmupMs,
      samples,
      loadAverages,
      calls: calls.map((call) => ({
        operation: call.operation,
        atMs: call.atMs,
        ms: Math.round(call.result.ms),
        ok: call.result.ok,
        status: call.result.status,
        problem: call.result.problem,
      })),
    }),
  );
process.exit(exits.length === 0 ? 0 : 1);
