import type { Logger } from '#packages/log/index.js';
import type { OrderStore } from '../store/OrderStore.js';

/** Thrown when another replica took over an order's saga: this run stops before its next step. */
export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
}

export interface HeldLease {
  /** Throws `LeaseLostError` once the lease could not be renewed. */
  check(): void;
  /** Stops renewing and gives the lease up. */
  release(): Promise<void>;
  /** Stops renewing: the lease was given up already, by the write that settled the order. */
  stop(): void;
}

/**
 * Keeps an order's saga lease while a run goes on: renewed every third of its time to live, so a
 * long participant call never lets it lapse, yet a crashed replica's orders are free again after
 * at most `ttlMs`.
 */
export function holdLease(options: {
  store: OrderStore;
  orderId: string;
  owner: string;
  ttlMs: number;
  now: () => number;
  logger: Logger;
}): HeldLease {
  const { store, orderId, owner, ttlMs, now, logger } = options;
  let lost = false;
  const timer = setInterval(
    () => {
      store.claimLease(orderId, owner, now(), ttlMs).then(
        (held) => {
          if (!held) lost = true;
        },
        (error: unknown) => logger.warn('could not renew a saga lease', { orderId, error }),
      );
    },
    Math.max(50, Math.floor(ttlMs / 3)),
  );
  timer.unref();
  return {
    check() {
      if (lost) throw new LeaseLostError(`order ${orderId}: another replica took over its saga`);
    },
    async release() {
      clearInterval(timer);
      await store.releaseLease(orderId, owner);
    },
    stop() {
      clearInterval(timer);
    },
  };
}
