import { deliverBatch } from '#packages/events/index.js';
import { createTradeFlowReader } from '#subgraphs/insights/src/ingest/createTradeFlowReader.js';
import { syntheticEvents, type SyntheticHistoryOptions } from '#subgraphs/insights/src/seed/createSyntheticHistory.js';
import type { TradeFlowStore } from '#subgraphs/insights/src/store/TradeFlowStore.js';

/** Milliseconds of CPU this process has used, on every thread (DuckDB's included). */
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Ingests the synthetic history as the relay delivers it (JSON text, read against the schema,
 * counted): only `deliverBatch` is timed, not making the events. The baseline, timed on the same
 * batches, is reading them (JSON.parse) alone: the least any reader of this format pays. Both are
 * timed on the wall clock and in this process's CPU time (on PostgreSQL the server's CPU is not
 * in it): on a loaded machine the wall clock mostly measures the wait for a core.
 */
export async function measureIngest(store: TradeFlowStore, history: SyntheticHistoryOptions, batch = 5_000) {
  const reader = createTradeFlowReader({ name: 'bench', store, fallbackRates: async () => ({}) });
  let events = 0;
  let ingestMs = 0;
  let parseMs = 0;
  let ingestCpuMs = 0;
  let parseCpuMs = 0;
  for (let from = 0; from < history.orders; from += batch) {
    const messages = [...syntheticEvents(history, from, Math.min(history.orders, from + batch))].map((event) => ({
      payload: JSON.stringify(event),
      source: 'bench',
    }));
    let started = performance.now();
    let cpu = cpuMs();
    for (const message of messages) JSON.parse(message.payload);
    parseMs += performance.now() - started;
    parseCpuMs += cpuMs() - cpu;
    started = performance.now();
    cpu = cpuMs();
    await deliverBatch(reader, messages);
    ingestMs += performance.now() - started;
    ingestCpuMs += cpuMs() - cpu;
    events += messages.length;
    if ((from / batch) % 20 === 0)
      process.stderr.write(`\r  ${store.dialect}: ${from + messages.length}/${history.orders} orders ingested   `);
  }
  process.stderr.write('\n');
  return {
    events,
    eventsPerSecond: events / (ingestMs / 1000),
    parseOnlyPerSecond: events / (parseMs / 1000),
    /** Events per second of this process's CPU: what one core would ingest if it did nothing else. */
    eventsPerCpuSecond: events / (ingestCpuMs / 1000),
    parseOnlyPerCpuSecond: events / (parseCpuMs / 1000),
    cpuSeconds: ingestCpuMs / 1000,
  };
}
