import { assertWindowArguments, type SlidingWindow, type SlidingWindowStats } from './SlidingWindow.js';

export interface MemorySlidingWindowOptions {
  /** Most keys tracked; beyond it the least recently hit key is forgotten. Default: 10_000. */
  maxKeys?: number;
  /** Clock in milliseconds, for tests. Default: `Date.now`. */
  now?: () => number;
}

/**
 * A sliding-window log in process: the timestamps of the events counted per key. Exact, and its
 * memory is bounded by `maxKeys × limit`. A Map iterates in insertion order, so re-inserting a
 * key on every hit keeps the least recently used one first, which is the one to forget.
 */
export function createMemorySlidingWindow(options: MemorySlidingWindowOptions = {}): SlidingWindow {
  const { maxKeys = 10_000, now = Date.now } = options;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) throw new RangeError(`maxKeys must be a positive integer (got ${maxKeys})`);
  const logs = new Map<string, number[]>();
  const counters: SlidingWindowStats = { errors: 0 };

  return {
    async hit(key, limit, windowMs) {
      assertWindowArguments(limit, windowMs);
      const at = now();
      const counted = (logs.get(key) ?? []).filter((time) => time > at - windowMs);
      logs.delete(key);
      const allowed = counted.length < limit;
      if (allowed) counted.push(at);
      if (counted.length > 0) logs.set(key, counted);
      for (const oldest of logs.keys()) {
        if (logs.size <= maxKeys) break;
        logs.delete(oldest);
      }
      const first = counted[0];
      return {
        allowed,
        limit,
        remaining: Math.max(0, limit - counted.length),
        resetMs: first === undefined ? 0 : first + windowMs - at,
      };
    },
    stats: () => ({ ...counters }),
    async close() {
      logs.clear();
    },
  };
}
