import type { Logger } from '#packages/log/index.js';
import type { WebhookStore } from '../store/WebhookStore.js';
import { nextAfterFailure, type RetryPolicy } from './retrySchedule.js';
import type { WebhookSender } from './sendDelivery.js';

export interface Dispatcher {
  start(): void;
  /** Sends what is due now, once; resolves with how many attempts were made. Tests and tools use it. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/** Attempts sent at once (each to a different endpoint and order: one order's events go one by one). */
const BATCH = 32;

/**
 * Sends due deliveries from the store, in rounds: each round takes the due head of every
 * (endpoint, order) queue and sends them concurrently, then records each attempt with its outcome
 * (delivered; again after a backoff; or FAILED after the retry window). A round that was full is
 * followed by the next at once; else it waits `pollMs`.
 */
export function createDispatcher(options: {
  store: WebhookStore;
  sender: WebhookSender;
  retry: RetryPolicy;
  pollMs: number;
  logger: Logger;
  now?: () => number;
}): Dispatcher {
  const { store, sender, logger } = options;
  const now = options.now ?? Date.now;
  let stopped = true;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  async function round(): Promise<number> {
    const due = await store.due(now(), BATCH);
    await Promise.all(
      due.map(async (item) => {
        const attempt = await sender.send(item);
        const delivered = attempt.error === null;
        const outcome = delivered
          ? ({ status: 'DELIVERED' } as const)
          : nextAfterFailure(options.retry, item.delivery.attemptsInRound + 1, attempt.at, item.delivery.retryUntil);
        await store.recordAttempt(attempt, outcome);
        if (outcome.status === 'FAILED')
          logger.warn('webhook delivery failed for good', {
            deliveryId: item.delivery.id,
            webhookId: item.webhook.id,
            error: attempt.error,
          });
      }),
    );
    return due.length;
  }

  const tick = async () => {
    let delay = options.pollMs;
    try {
      if ((await (running = round())) === BATCH) delay = 0;
    } catch (error) {
      logger.error('webhook dispatcher round failed; trying again', { error });
    }
    if (!stopped) timer = setTimeout(() => void tick(), delay);
  };

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      void tick();
    },
    async runOnce() {
      await running.catch(() => 0);
      return (running = round());
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => 0);
    },
  };
}
