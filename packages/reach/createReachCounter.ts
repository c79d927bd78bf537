import type { Logger } from '#packages/log/index.js';
import { reachDay, type ReachCount, type ReachKind } from './ReachCount.js';
import { ReachNotSent } from './ReachNotSent.js';

const DAY_MS = 86_400_000;

export interface ReachCounter {
  /**
   * Counts `times` occurrences now. Synchronous and in memory only: it never waits for, nor fails
   * because of, the store, so the search and quote paths that call it are not slowed.
   */
  count(entry: { marketplaceId: string; country: string | null | undefined; kind: ReachKind }, times?: number): void;
  /** Sends what was counted so far (one batch); a failure keeps the counts for the next flush. */
  flush(): Promise<void>;
  /** Stops the timer and makes a last flush (on shutdown). */
  close(): Promise<void>;
}

export interface ReachCounterOptions {
  /** Where a batch goes: the store, or the service that owns it. Throwing keeps the batch (or a `ReachNotSent`'s `unsent`) for the next try. */
  send(batch: readonly ReachCount[]): Promise<void>;
  /** How often counts are flushed. */
  flushIntervalMs: number;
  logger: Logger;
  /** The clock (ms since the epoch); tests move it. */
  now?: () => number;
}

/**
 * Counts per (marketplace, country, day, kind) in a map and flushes the map in one batch every
 * `flushIntervalMs` (and on `close`). A batch that cannot be sent is merged back and tried again
 * at the next tick, logged at warn: reach is a statistic, never a reason to fail a request. Only
 * one flush runs at a time, so a slow store does not pile up batches.
 */
export function createReachCounter(options: ReachCounterOptions): ReachCounter {
  const now = options.now ?? Date.now;
  let pending = new Map<string, ReachCount>();
  let flushing: Promise<void> | undefined;
  // The day's key, kept until the clock leaves that UTC day: formatting a date per count is most of its cost.
  let day = { key: '', start: 0, end: 0 };
  const today = (): string => {
    const at = now();
    if (at < day.start || at >= day.end) {
      const start = at - (((at % DAY_MS) + DAY_MS) % DAY_MS);
      day = { key: reachDay(at), start, end: start + DAY_MS };
    }
    return day.key;
  };

  const add = (entry: ReachCount): void => {
    const key = `${entry.marketplaceId}\u0000${entry.country}\u0000${entry.day}\u0000${entry.kind}`;
    const current = pending.get(key);
    pending.set(key, current === undefined ? entry : { ...current, count: current.count + entry.count });
  };

  const sendPending = async (): Promise<void> => {
    if (pending.size === 0) return;
    const batch = [...pending.values()];
    pending = new Map();
    try {
      await options.send(batch);
    } catch (error) {
      const unsent = error instanceof ReachNotSent ? error.unsent : batch;
      for (const entry of unsent) add(entry);
      options.logger.warn('reach counts not flushed; kept for the next flush', { error, counters: unsent.length });
    }
  };

  const flush = (): Promise<void> => {
    // A flush asked for while one runs waits for it, then sends what came in meanwhile.
    const run = (flushing ?? Promise.resolve()).then(sendPending);
    flushing = run;
    void run.finally(() => {
      if (flushing === run) flushing = undefined;
    });
    return run;
  };

  const timer = setInterval(() => void flush(), options.flushIntervalMs);
  timer.unref();

  return {
    count(entry, times = 1) {
      if (times <= 0) return;
      add({ marketplaceId: entry.marketplaceId, country: entry.country ?? '', day: today(), kind: entry.kind, count: times });
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
