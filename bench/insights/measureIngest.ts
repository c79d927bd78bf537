import { deliverBatch } from '#packages/events/index.js';
import { createTradeFlowReader } from '#subgraphs/insights/src/ingest/createTradeFlowReader.js';
import { syntheticEvents, type SyntheticHistoryOptions } from '#subgraphs/insights/src/seed/createSyntheticHistory.js';
import type { TradeFlowStore } from '#subgraphs/insights/src/store/TradeFlowStore.js';

/**
 * Ingests the synthetic history as the relay delivers it (JSON text, read against the schema,
 * counted): only `deliverBatch` is timed, not making the events. The baseline, timed on the same
 * batches, is reading them (JSON.parse) alone: the least any reader of this format pays.
 */
export async function measureIngest(store: TradeFlowStore, history: SyntheticHistoryOptions, batch = 5_000) {
  const reader = createTradeFlowReader({ name: 'bench', store, fallbackRates: async () => ({}) });
  let events = 0;
  let ingestMs = 0;
  let parseMs = 0;
  for (let from = 0; from < history.orders; from += batch) {
    const messages = [...syntheticEvents(history, from, Math.min(history.orders, from + batch))].map((event) => ({
      payload: JSON.stringify(event),
      source: 'bench',
    }));
    let started = performance.now();
    for (const message of messages) JSON.parse(message.payload);
    parseMs += performance.now() - started;
    started = performance.now();
    await deliverBatch(reader, messages);
    ingestMs += performance.now() - started;
    events += messages.length;
    if ((from / batch) % 20 === 0)
      process.stderr.write(`\r  ${store.dialect}: ${from + messages.length}/${history.orders} orders ingested   `);
  }
  process.stderr.write('\n');
  return { events, eventsPerSecond: events / (ingestMs / 1000), parseOnlyPerSecond: events / (parseMs / 1000) };
}
