/**
 * Prepared operations (plan, compiled fetches, compiled projection) by operation key, least
 * recently used first out. A plain Map keeps insertion order, so a hit is moved to the end.
 *
 * Bounded twice: by entries, and by weight, the length of the operation text each entry was made
 * from. A parsed document and its plan take memory roughly in proportion to the text, so a
 * client sending few huge operations cannot fill the process where many small ones could not.
 */
export class PlanCache<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly weight: number }>();
  private totalWeight = 0;

  constructor(
    private readonly maxEntries: number,
    /** Most total weight (characters of operation text) kept. Default: 4,000,000. */
    private readonly maxWeight = 4_000_000,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  /** Keeps `value` unless its weight alone is over the limit; `weight` defaults to the key's length. */
  set(key: string, value: T, weight: number = key.length): void {
    this.remove(key);
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.totalWeight += weight;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.totalWeight <= this.maxWeight) break;
      this.remove(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** The weight kept now (characters of operation text). */
  get weight(): number {
    return this.totalWeight;
  }

  clear(): void {
    this.entries.clear();
    this.totalWeight = 0;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.entries.delete(key);
    this.totalWeight -= entry.weight;
  }
}
