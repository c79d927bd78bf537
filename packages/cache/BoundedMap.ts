/**
 * A `Map` that holds at most `capacity` entries and forgets the oldest one written to make room:
 * the synchronous memo of a hot path (classifications, import charges, checked quote tokens), where
 * the asynchronous `Cache` would cost a promise per lookup. Writing a key it holds keeps its place.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  readonly capacity: number;

  constructor(capacity: number) {
    super();
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
    this.capacity = capacity;
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.capacity) this.delete(this.keys().next().value!);
    return super.set(key, value);
  }
}
