import type { EventReader, OrderEvent } from '#packages/events/index.js';
import { mergeFacts, type TradeFlowFact } from '../store/TradeFlowFact.js';
import type { TradeFlowStore } from '../store/TradeFlowStore.js';
import { factOfEvent, type FallbackRates } from './factOfEvent.js';

/**
 * The insights reader of the order events: each delivery becomes one upsert of facts (several
 * events of one order in a delivery are merged first, in order), so a batch is counted whole or
 * not at all. The seeder feeds its synthetic history through this same reader.
 */
export function createTradeFlowReader(options: {
  name: string;
  store: TradeFlowStore;
  fallbackRates: FallbackRates;
  now?: () => number;
}): EventReader & {
  ingest(events: readonly OrderEvent[]): Promise<number>;
} {
  const { store } = options;
  const now = options.now ?? Date.now;
  async function ingest(events: readonly OrderEvent[]): Promise<number> {
    const byOrder = new Map<string, TradeFlowFact>();
    for (const event of events) {
      const fact = await factOfEvent(event, options.fallbackRates);
      if (!fact) continue;
      const known = byOrder.get(fact.orderId);
      byOrder.set(fact.orderId, known ? mergeFacts(known, fact) : fact);
    }
    await store.upsertFacts([...byOrder.values()]);
    return byOrder.size;
  }
  return {
    name: options.name,
    ingest,
    async handle(events) {
      await ingest(events);
    },
    async deadLetter(letter) {
      await store.addDeadLetter(letter, now());
    },
  };
}
