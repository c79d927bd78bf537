import { holdsRaw, RawJson } from './RawJson.js';

/**
 * Longest text encoded as one piece, in characters. A string over 128 KiB (64 Ki characters once
 * one of them is beyond Latin-1) lives in V8's large-object space: each one is pages of its own,
 * mapped, faulted in and unmapped again, and freed only by a full collection.
 */
const PIECE_CHARS = 60_000;
/**
 * Longest text written whole (`writing`). An ASCII one is held one byte a character, so with its
 * 16-byte header it still fits the 128 KiB of an object on V8's regular pages.
 */
const ONE_BYTE_CHARS = 131_056;
/** Levels of objects walked here, above the first list, before a value is written whole. */
const OBJECT_LEVELS = 4;
/** Levels a value too long for one piece is walked into, at most. */
const MAX_LEVELS = 12;

const utf8 = new TextEncoder();

/**
 * How an operation's responses are written, kept with the operation: whole while they fit, walked
 * once one did not (see {@link writeResponseBytes}).
 */
export interface ResponseWriting {
  whole: boolean;
}

/** A new {@link ResponseWriting}: responses are tried whole until one does not fit. */
export function newResponseWriting(): ResponseWriting {
  return { whole: true };
}

/**
 * The UTF-8 bytes of `JSON.stringify(value)` (then `suffix`), the same bytes `TextEncoder` gives
 * for that text, written without the text ever being one string too long for V8's regular pages.
 * `JSON.stringify` of a whole response returns it as a string of parts; encoding it flattens them
 * into one string, and a response of 180,000 characters (the trade query's, two bytes a
 * character) is then a large object: pages mapped and faulted in for every response, and a full
 * collection to free them. Here the response's top objects are walked, each element of their
 * lists is written by `JSON.stringify`, and the texts are encoded a piece of at most
 * {@link PIECE_CHARS} characters at a time. `JSON.stringify` writes every piece as it writes it
 * inside the whole text (lone surrogates escaped), so the bytes are equal.
 *
 * With `writing` (an operation's, kept from one response to the next), a response holding no
 * {@link RawJson} is first written whole, which is cheaper than the walk: one `JSON.stringify`,
 * encoded at once when its text is at most {@link ONE_BYTE_CHARS} characters. One longer than that
 * is dropped and the response walked; one longer than a piece and beyond ASCII (two bytes a
 * character, perhaps) is kept. Either way, the operation's responses are walked from then on.
 *
 * A {@link RawJson} is written as its bytes, and the objects and lists holding one (`holdsRaw`)
 * are walked into at any depth to reach it: the same text `JSON.stringify` gives through its
 * `toJSON`, without parsing it.
 */
export function writeResponseBytes(value: unknown, suffix = '', writing?: ResponseWriting): Uint8Array {
  const writer = new PieceWriter();
  if (writing?.whole && !holdsRawAtTop(value)) {
    const text = (JSON.stringify(value) as string | undefined) ?? 'null';
    if (text.length <= ONE_BYTE_CHARS) {
      const written = writer.addWhole(text);
      // a text beyond ASCII may be two bytes a character: over a piece, a large object in V8
      if (text.length > PIECE_CHARS && written !== text.length) writing.whole = false;
      return writer.finish(suffix);
    }
    writing.whole = false;
  }
  writeValue(writer, value, 0);
  return writer.finish(suffix);
}

/**
 * Whether the value, or one of its members, is marked as holding a {@link RawJson}: holders are
 * marked up to the root the projection built, and a response holds that root as one member.
 */
function holdsRawAtTop(value: unknown): boolean {
  if (holdsRaw(value)) return true;
  if (!isPlainObject(value)) return false;
  for (const key of Object.keys(value)) if (holdsRaw(value[key])) return true;
  return false;
}

function writeValue(writer: PieceWriter, value: unknown, level: number): void {
  // a RawJson (not plain: it has toJSON) and a holder too deep to walk here reach writeWhole, which takes them
  if (isPlainObject(value) && level < OBJECT_LEVELS) writeObject(writer, value, level);
  else if (isListOfComposites(value)) writeList(writer, value, level);
  else writeWhole(writer, value, level);
}

/** `JSON.stringify` of the value; one too long for a piece is walked into instead (its text never flattened). */
function writeWhole(writer: PieceWriter, value: unknown, level: number): void {
  if (value instanceof RawJson) return writer.addBytes(value.bytes);
  if (holdsRaw(value)) return writeHolder(writer, value, level);
  const text = JSON.stringify(value) as string | undefined;
  if (text !== undefined && text.length > PIECE_CHARS && level < MAX_LEVELS) {
    if (isPlainObject(value)) return writeObject(writer, value, level);
    if (isListOfComposites(value)) return writeList(writer, value, level);
  }
  writer.add(text ?? 'null');
}

/** An object or list with a {@link RawJson} below it: member by member, whatever its depth. */
function writeHolder(writer: PieceWriter, value: unknown, level: number): void {
  if (Array.isArray(value)) writeList(writer, value, level);
  else if (isPlainObject(value)) writeObject(writer, value, level);
  // not something JSON.stringify writes member by member: its own text, raw values through toJSON
  else writer.add(JSON.stringify(value) ?? 'null');
}

function writeObject(writer: PieceWriter, object: Record<string, unknown>, level: number): void {
  let separator = '{';
  for (const key of Object.keys(object)) {
    const member = object[key];
    // what JSON.stringify leaves out of an object
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    writer.add(`${separator}${JSON.stringify(key)}:`);
    separator = ',';
    writeValue(writer, member, level + 1);
  }
  writer.add(separator === '{' ? '{}' : '}');
}

function writeList(writer: PieceWriter, list: readonly unknown[], level: number): void {
  writer.add('[');
  for (let index = 0; index < list.length; index++) {
    if (index > 0) writer.add(',');
    // JSON.stringify writes null for what it leaves out of a list
    writeWhole(writer, list[index], level + 1);
  }
  writer.add(']');
}

/** An object `JSON.stringify` writes member by member: no `toJSON`, not a boxed primitive, not a class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** A list whose first element is an object or a list: its elements are written one by one. */
function isListOfComposites(value: unknown): value is readonly unknown[] {
  if (!Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const first: unknown = value[0];
  return isPlainObject(first) || Array.isArray(first);
}

/** Texts gathered into pieces, each encoded into one growing buffer. */
class PieceWriter {
  private text = '';
  private bytes: Uint8Array = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  add(text: string): void {
    if (this.text.length + text.length > PIECE_CHARS) this.flush();
    this.text += text;
  }

  /** Bytes already UTF-8, after the text so far. */
  addBytes(bytes: Uint8Array): void {
    this.flush();
    if (this.bytes.length - this.length < bytes.length) this.grow(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A text encoded at once, however long; returns the number of bytes it took. */
  addWhole(text: string): number {
    this.flush();
    const before = this.length;
    // room for it one byte a character; the encoding grows the buffer if it needs more
    if (this.bytes.length - before < text.length) this.grow(text.length);
    this.text = text;
    this.flush();
    return this.length - before;
  }

  /** The bytes written, then `suffix` (Apollo Server's own writer ends its text with a newline). */
  finish(suffix = ''): Uint8Array {
    if (suffix !== '') this.add(suffix);
    this.flush();
    return this.bytes.subarray(0, this.length);
  }

  private flush(): void {
    let text = this.text;
    this.text = '';
    for (;;) {
      const { read, written } = utf8.encodeInto(text, this.bytes.subarray(this.length));
      this.length += written;
      if (read === text.length) return;
      // out of room: at most three bytes a UTF-16 unit for the rest
      text = text.slice(read);
      this.grow(text.length * 3);
    }
  }

  private grow(room: number): void {
    const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + room));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}
