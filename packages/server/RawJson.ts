/**
 * A JSON value kept as the UTF-8 bytes it arrived in, to be written out as they are: the
 * gateway keeps a subgraph's answer for a field this way when it has checked, byte by byte, that
 * the text is exactly what parsing it, projecting it onto the client's selection and writing it
 * again would give (`gateway/src/subgraph/matchesRawShape.ts`, against the shape
 * `gateway/src/engine/compileRawShape.ts` makes of the selection). `writeResponseBytes` copies the
 * bytes; anything else that serializes a response (`JSON.stringify`) reads it through `toJSON`.
 */
export class RawJson {
  constructor(
    /** The value's text, compact, valid UTF-8. */
    readonly bytes: Uint8Array,
    /** What the bytes were checked against: a projection takes them as they are only for the same shape. */
    readonly shape: string,
  ) {}

  /** The value, parsed (a new object each time). */
  value(): unknown {
    return JSON.parse(Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length).toString('utf8'));
  }

  toJSON(): unknown {
    return this.value();
  }
}

/** Objects and lists of a response that hold a {@link RawJson} somewhere below them. */
const rawHolders = new WeakSet<object>();

/** Marks a container of a response as holding a {@link RawJson} below it, so writers walk into it. */
export function markHoldsRaw(container: object): void {
  rawHolders.add(container);
}

/** Whether a response's object or list holds a {@link RawJson} somewhere below it. */
export function holdsRaw(value: unknown): boolean {
  return typeof value === 'object' && value !== null && rawHolders.has(value);
}
