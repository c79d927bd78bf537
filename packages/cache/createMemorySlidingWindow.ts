import { assertWindowArguments, type SlidingWindow, type SlidingWindowStats } from './SlidingWindow.js';

export interface MemorySlidingWindowOptions {
  /** Most keys tracked; beyond it the least recently hit key is forgotten. Default: 10_000. */
  maxKeys?: number;
  /** Clock in milliseconds, for tests. Default: `Date.now`. */
  now?: () => number;
}

/** One key's counted events: their times, oldest first, from `head` on (the ones before it have left the window). */
interface EventLog {
  readonly times: number[];
  head: number;
}

/**
 * A sliding-window log in process: the timestamps of the events counted per key. Exact, and its
 * memory is bounded by `maxKeys × 2 × limit`. A Map iterates in insertion order, so re-inserting a
 * key on every hit keeps the least recently used one first, which is the one to forget.
 *
 * Times are appended in order, so the ones that left the window are always at the front: a hit
 * steps past them (each is stepped over once) instead of copying the whole log, and the log is
 * compacted only once the dead part is half of it. A hit costs the same with 10 events counted as
 * with 100,000 (a copy of the log per hit cost about 0.1 ms per 5,000 events counted). Should the
 * clock step back, events counted before the step leave the window a little later, never earlier.
 */
export function createMemorySlidingWindow(options: MemorySlidingWindowOptions = {}): SlidingWindow {
  const { maxKeys = 10_000, now = Date.now } = options;
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) throw new RangeError(`maxKeys must be a positive integer (got ${maxKeys})`);
  const logs = new Map<string, EventLog>();
  const counters: SlidingWindowStats = { errors: 0 };

  return {
    async hit(key, limit, windowMs) {
      assertWindowArguments(limit, windowMs);
      const at = now();
      const log = logs.get(key) ?? { times: [], head: 0 };
      logs.delete(key);
      const { times } = log;
      const since = at - windowMs;
      let head = log.head;
      while (head < times.length && times[head]! <= since) head++;
      if (head > 0 && head * 2 >= times.length) {
        times.splice(0, head);
        head = 0;
      }
      log.head = head;
      const allowed = times.length - head < limit;
      if (allowed) times.push(at);
      const counted = times.length - head;
      if (counted > 0) logs.set(key, log);
      for (const oldest of logs.keys()) {
        if (logs.size <= maxKeys) break;
        logs.delete(oldest);
      }
      return {
        allowed,
        limit,
        remaining: Math.max(0, limit - counted),
        resetMs: counted === 0 ? 0 : times[head]! + windowMs - at,
      };
    },
    stats: () => ({ ...counters }),
    async close() {
      logs.clear();
    },
  };
}
