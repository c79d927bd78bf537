import type { ServiceProcess } from './ServiceProcess.js';

export interface SuperviseOptions {
  /** First wait before restarting a service that died; doubles on each death in a row. Default: 500 ms. */
  initialDelayMs?: number;
  /** Longest wait between restarts. Default: 30000 ms. */
  maxDelayMs?: number;
  /** A service that stays up this long counts as healthy again: its next death waits `initialDelayMs`. Default: 60000 ms. */
  stableAfterMs?: number;
  /** Told of each death and restart, e.g. to print it. */
  onEvent?: (event: { service: string; kind: 'exited' | 'restarted'; code?: number | null; delayMs?: number; output?: string }) => void;
}

export interface Supervisor {
  /** Stops restarting (before the stack is stopped on purpose). */
  stop(): void;
}

/**
 * Restarts a service of the stack that exits on its own, alone, after a backoff (0.5 s, 1 s, 2 s, …
 * up to 30 s while it keeps dying), so the others, and the sandboxes' state, stay as they were.
 * A subgraph comes back on its own port; the gateway and orders reconnect by themselves.
 */
export function superviseStack(services: ReadonlyMap<string, ServiceProcess>, options: SuperviseOptions = {}): Supervisor {
  const { initialDelayMs = 500, maxDelayMs = 30_000, stableAfterMs = 60_000 } = options;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();

  for (const [name, service] of services) {
    let deaths = 0;
    let startedAt = Date.now();
    service.onUnexpectedExit = (code) => {
      if (stopped) return;
      if (Date.now() - startedAt >= stableAfterMs) deaths = 0;
      deaths++;
      const delayMs = Math.min(maxDelayMs, initialDelayMs * 2 ** (deaths - 1));
      options.onEvent?.({ service: name, kind: 'exited', code, delayMs, output: service.recentOutput() });
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (stopped) return;
        startedAt = Date.now();
        service.start();
        options.onEvent?.({ service: name, kind: 'restarted' });
      }, delayMs);
      timers.add(timer);
    };
  }

  return {
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const service of services.values()) service.onUnexpectedExit = undefined;
    },
  };
}
