/**
 * A small deterministic generator (mulberry32): the same seed always gives the same stream. Each
 * synthetic order gets its own stream from (seed, order number), so any slice of the history is
 * the same whatever batch it was written in, and a stopped seeding resumes with `--from`.
 */
export function randomOf(seed: number, index: number): () => number {
  let state = (Math.imul(seed ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An item drawn by weight. */
export function pick<T extends readonly [unknown, number, ...unknown[]]>(random: () => number, table: readonly T[]): T {
  const total = table.reduce((sum, row) => sum + row[1], 0);
  let point = random() * total;
  for (const row of table) {
    point -= row[1];
    if (point < 0) return row;
  }
  return table[table.length - 1]!;
}
