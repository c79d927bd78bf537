import type { Logger } from '#packages/log/index.js';
import type { OrderStore } from '../store/OrderStore.js';
import type { OrderSaga } from './createOrderSaga.js';
import { runPeriodically, type PeriodicTask } from './runPeriodically.js';

/** Orders resumed per round: a backlog after an outage drains over a few rounds, not in one burst. */
const BATCH = 20;

/**
 * Resumes every saga left in progress: at start (a crashed process's orders, once their lease
 * lapsed) and then every `intervalMs` (retries that are due, orders another replica dropped).
 * Orders are resumed one after another to keep CPU and participant load modest.
 */
export function createSagaRecovery(options: {
  store: OrderStore;
  saga: OrderSaga;
  intervalMs: number;
  logger: Logger;
  now?: () => number;
}): PeriodicTask {
  const { store, saga, logger } = options;
  const now = options.now ?? Date.now;
  return runPeriodically(
    'saga recovery',
    options.intervalMs,
    async () => {
      const due = await store.findResumable(now(), BATCH);
      if (due.length > 0) logger.info('resuming sagas left in progress', { orders: due.length });
      for (const orderId of due) await saga.run(orderId);
    },
    logger,
  );
}
