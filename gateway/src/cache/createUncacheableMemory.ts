/** How long an operation seen answering uncacheable skips its cache lookups before it is looked up again. */
const DEFAULT_REMEMBER_MS = 60_000;
/** Operations remembered at most, per memory; past it the memory starts over (lookups resume, nothing else changes). */
const DEFAULT_MAX_ENTRIES = 10_000;
/** Characters of operation text remembered at most, all entries together; past it the memory starts over too. */
const MAX_TOTAL_CHARACTERS = 4 * 1024 * 1024;
/** An operation text longer than this is not remembered (it is looked up each time): a client's huge query must not be kept. */
const MAX_OPERATION_LENGTH = 20_000;

/**
 * Which operations were lately answered uncacheable (no public max-age), so a cache can skip
 * building their key and looking them up: on a graph whose subgraphs give no cache hints, every
 * lookup misses, and building the key (stable JSON of the variables or representations, then
 * SHA-256) cost more than any plugin should. Hints are static per field in practice, so an
 * operation that answered uncacheable will again; it is still looked up again after
 * `rememberMs`, and an answer that turns out public is stored whatever this memory says. A
 * replica that never saw the operation looks it up, so entries stored by another replica in a
 * shared Redis are still found.
 */
export interface UncacheableMemory {
  /** Whether `operation` (of `group`, e.g. a subgraph) answered uncacheable within `rememberMs`. */
  has(group: string, operation: string): boolean;
  /** Remembers that `operation` answered uncacheable now. */
  add(group: string, operation: string): void;
  /** Forgets it, e.g. once it answered public. */
  delete(group: string, operation: string): void;
}

export function createUncacheableMemory(options: { rememberMs?: number; maxEntries?: number; now?: () => number } = {}): UncacheableMemory {
  const { rememberMs = DEFAULT_REMEMBER_MS, maxEntries = DEFAULT_MAX_ENTRIES, now = Date.now } = options;
  // group → operation text → until when (ms); operation texts are the plan's own strings, whose hashes V8 keeps
  let groups = new Map<string, Map<string, number>>();
  let size = 0;
  let characters = 0;
  return {
    has(group, operation) {
      const until = groups.get(group)?.get(operation);
      return until !== undefined && until > now();
    },
    add(group, operation) {
      if (operation.length > MAX_OPERATION_LENGTH) return;
      if (size >= maxEntries || characters + operation.length > MAX_TOTAL_CHARACTERS) {
        groups = new Map();
        size = 0;
        characters = 0;
      }
      let operations = groups.get(group);
      if (operations === undefined) groups.set(group, (operations = new Map<string, number>()));
      if (!operations.has(operation)) {
        size++;
        characters += operation.length;
      }
      operations.set(operation, now() + rememberMs);
    },
    delete(group, operation) {
      if (groups.get(group)?.delete(operation)) {
        size--;
        characters -= operation.length;
      }
    },
  };
}
