/**
 * `npm run insights:seed -- --orders 1000000 --months 24 [--seed 1] [--from 0] [--batch 5000] [--last-month 2026-11]`
 *
 * Writes the deterministic synthetic history into the insights store the environment names
 * (`INSIGHTS_DATABASE_URL`, else the DuckDB file in `DATA_DIR`), through the same event format and
 * the same reader the relay feeds: every event is serialized, read back against the schema and
 * ingested. Rows are flagged `synthetic`; queries show them only with `data: SYNTHETIC` or `ALL`.
 * Ctrl-C finishes the batch being written and stops: what was written stays, and `--from` resumes.
 */
import { parseArgs } from 'node:util';
import { deliverBatch } from '#packages/events/index.js';
import { readInsightsConfig } from '../config.js';
import { createTradeFlowReader } from '../ingest/createTradeFlowReader.js';
import { createTradeFlowStore } from '../store/createTradeFlowStore.js';
import { syntheticEvents } from './createSyntheticHistory.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '100000' },
    months: { type: 'string', default: '24' },
    seed: { type: 'string', default: '1' },
    from: { type: 'string', default: '0' },
    batch: { type: 'string', default: '5000' },
    'last-month': { type: 'string', default: '2026-11' },
  },
});
const whole = (name: keyof typeof values, min: number): number => {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < min) {
    process.stderr.write(`--${name} must be a whole number of at least ${min}, got ${String(values[name])}\n`);
    process.exit(2);
  }
  return value;
};
const orders = whole('orders', 1);
const months = whole('months', 1);
const batch = whole('batch', 1);
const from = whole('from', 0);
const history = { orders, months, seed: whole('seed', 0), lastMonth: values['last-month'] };

const config = readInsightsConfig();
const store = await createTradeFlowStore(config);
const reader = createTradeFlowReader({
  name: 'seeder',
  store,
  fallbackRates: async () => {
    throw new Error('synthetic events carry every rate they use');
  },
});

let stopping = false;
process.on('SIGINT', () => {
  if (stopping) process.exit(130);
  stopping = true;
  process.stderr.write('\nStopping after this batch; what was written stays (Ctrl-C again to quit at once).\n');
});
process.stderr.write(
  `Seeding ${orders - from} synthetic orders over ${months} months into ${store.dialect}. Ctrl-C stops after the current batch, keeping what was written.\n`,
);

const started = performance.now();
let events = 0;
let done = from;
while (done < orders && !stopping) {
  const until = Math.min(orders, done + batch);
  const messages = [...syntheticEvents(history, done, until)].map((event) => ({
    payload: JSON.stringify(event),
    source: `seed:${event.orderId}`,
  }));
  await deliverBatch(reader, messages);
  events += messages.length;
  done = until;
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `\r${done}/${orders} orders (${Math.floor((done / orders) * 100)}%), ${events} events, ${Math.round(events / seconds)} events/s   `,
  );
}
process.stderr.write(
  done < orders
    ? `\nStopped: orders ${from} to ${done - 1} are written. Resume with --from ${done}.\n`
    : `\nDone: ${done - from} orders, ${events} events in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
);
await store.close();
