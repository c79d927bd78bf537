import { holdsRaw, RawJson } from './RawJson.js';

/**
 * Longest text encoded as one piece, in characters. A string over 128 KiB (64 Ki characters once
 * one of them is beyond Latin-1) lives in V8's large-object space: each one is pages of its own,
 * mapped, faulted in and unmapped again, and freed only by a full collection.
 */
const PIECE_CHARS = 60_000;
/** Levels of objects walked here, above the first list, before a value is written whole. */
const OBJECT_LEVELS = 4;
/** Levels a value too long for one piece is walked into, at most. */
const MAX_LEVELS = 12;

const utf8 = new TextEncoder();

/**
 * The UTF-8 bytes of `JSON.stringify(value)` (then `suffix`), the same bytes `TextEncoder` gives for that text,
 * written without the text ever being one string. `JSON.stringify` of a whole response returns it
 * as a string of parts; encoding it flattens them into one string, and a response of 180,000
 * characters (the trade query's, two bytes a character) is then a large object: pages mapped and
 * faulted in for every response, and a full collection to free them. Here the response's top
 * objects are walked, each element of their lists is written by `JSON.stringify`, and the texts are
 * encoded a piece of at most {@link PIECE_CHARS} characters at a time. `JSON.stringify` writes every
 * piece as it writes it inside the whole text (lone surrogates escaped), so the bytes are equal.
 *
 * A {@link RawJson} is written as its bytes, and the objects and lists holding one (`holdsRaw`)
 * are walked into at any depth to reach it: the same text `JSON.stringify` gives through its
 * `toJSON`, without parsing it.
 */
export function writeResponseBytes(value: unknown, suffix = ''): Uint8Array {
  const writer = new PieceWriter();
  writeValue(writer, value, 0);
  // Apollo Server's own writer ends its text with a newline
  if (suffix !== '') writer.add(suffix);
  return writer.finish();
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

  finish(): Uint8Array {
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
