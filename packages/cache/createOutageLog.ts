import type { Logger } from '../log/index.js';

export interface OutageLog {
  /** Records a failure; only the first of an outage is logged. */
  failed(error: unknown, operation: string): void;
  /** Records that the store answers again; logs once if an outage was under way. */
  succeeded(): void;
  /** The outage under way, if any: since when, and the error that started it. */
  current(): Outage | undefined;
}

export interface Outage {
  /** When the first failure of the outage happened, ms since the epoch. */
  readonly since: number;
  readonly reason: string;
}

/** What the start and the end of an outage are called in the logs: say what degrades. */
export interface OutageMessages {
  down: string;
  up: string;
}

/**
 * While a cache's store is down every request fails over to a miss, so logging each failure
 * would flood the logs at request rate. This logs the start of an outage once and its end once,
 * with how long it lasted and how many failures (operations and reconnect attempts) it saw.
 */
export function createOutageLog(
  logger: Logger,
  now: () => number = Date.now,
  messages: OutageMessages = { down: 'cache unavailable: reads miss and writes are skipped until it recovers', up: 'cache recovered' },
): OutageLog {
  let downSince: number | undefined;
  let reason = '';
  let failures = 0;

  return {
    failed(error, operation) {
      failures++;
      if (downSince !== undefined) return;
      downSince = now();
      reason = error instanceof Error ? error.message : String(error);
      logger.warn(messages.down, { operation, error: reason });
    },
    succeeded() {
      if (downSince === undefined) return;
      logger.info(messages.up, { downMs: now() - downSince, failures });
      downSince = undefined;
      failures = 0;
    },
    current: () => (downSince === undefined ? undefined : { since: downSince, reason }),
  };
}
