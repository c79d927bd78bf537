/**
 * Keeps supergraph reloads and query executions apart. @apollo/gateway's executor reads its schema,
 * awaits the plan cache, then plans with whatever planner is current and snapshots the data
 * sources: an execution that straddles a reload mixes two supergraphs and can fail. Executions
 * share the gate; a reload takes it alone. It waits for the executions under way, holding new
 * ones back for the swap itself (a synchronous parse, tens of milliseconds), so nothing straddles.
 */
export interface ReloadGate {
  /** Runs one execution; it waits while a reload is pending. */
  run<T>(execution: () => Promise<T>): Promise<T>;
  /** Runs `swap` once no execution is under way; executions arriving meanwhile wait for it. */
  exclusive(swap: () => void): Promise<void>;
}

export function createReloadGate(): ReloadGate {
  let running = 0;
  let pending: Promise<void> | undefined;
  let onIdle: (() => void) | undefined;

  return {
    async run(execution) {
      while (pending) await pending;
      running++;
      try {
        return await execution();
      } finally {
        running--;
        if (running === 0) onIdle?.();
      }
    },
    async exclusive(swap) {
      while (pending) await pending;
      let release!: () => void;
      pending = new Promise<void>((resolve) => (release = resolve));
      try {
        if (running > 0) await new Promise<void>((resolve) => (onIdle = resolve));
        onIdle = undefined;
        swap();
      } finally {
        pending = undefined;
        release();
      }
    },
  };
}
