import type { Logger } from '#packages/log/index.js';

export interface PeriodicTask {
  /** Runs a round now, then one every interval. */
  start(): void;
  /** Runs the task now, unless a round is already going on (then waits for that one). */
  runNow(): Promise<void>;
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` once at `start` and then every `intervalMs`, one round at a time: a slow round is
 * never overlapped by the next, so a backlog cannot pile up work or connections.
 */
export function runPeriodically(name: string, intervalMs: number, task: () => Promise<void>, logger: Logger): PeriodicTask {
  let current: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let started = false;
  let stopped = false;

  const round = (): Promise<void> => {
    current ??= task()
      .catch((error: unknown) => logger.error(`${name} round failed`, { error }))
      .finally(() => {
        current = undefined;
        if (started && !stopped) schedule();
      });
    return current;
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void round(), intervalMs);
    timer.unref();
  };

  return {
    start() {
      if (started || stopped) return;
      started = true;
      void round();
    },
    runNow: round,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
