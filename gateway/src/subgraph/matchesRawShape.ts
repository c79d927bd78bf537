import { isUtf8 } from 'node:buffer';
import { BACKSLASH, CLOSE_LIST, CLOSE_OBJECT, COLON, COMMA, MINUS, OPEN_LIST, OPEN_OBJECT, QUOTE } from './jsonBytes.js';

/** A leaf's type, as the projection checks it (`compileProjection`'s `leafCheck`). */
export type RawLeaf =
  | { readonly kind: 'String' | 'ID' | 'Int' | 'Float' | 'Boolean' | 'Custom' }
  | { readonly kind: 'Enum'; readonly values: ReadonlySet<string> };

/** What a field's value must look like, byte for byte, to be passed through as it came. */
export type RawShapeNode =
  | { readonly kind: 'object'; readonly fields: readonly RawShapeField[] }
  | { readonly kind: 'list'; readonly item: RawShapeNode; readonly itemNonNull: boolean }
  | { readonly kind: 'leaf'; readonly leaf: RawLeaf };

export interface RawShapeField {
  /** The member's key as it is written: `"name"`, in UTF-8. */
  readonly quotedKey: Buffer;
  readonly node: RawShapeNode;
  readonly nonNull: boolean;
}

/** A field a subgraph's entity answers may keep as bytes (`compileRawShape`). */
export interface RawShape {
  /** The type, field, arguments and selection the shape was made from, as one text. */
  readonly key: string;
  readonly node: RawShapeNode;
  readonly nonNull: boolean;
}

/** Escapes `JSON.stringify` writes for a character of its own (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`). */
const SHORT_ESCAPES = new Set([QUOTE, BACKSLASH, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const NULL = Buffer.from('null');
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');

/**
 * Whether `bytes` are exactly the text the client's response would carry for this value: what
 * `JSON.parse` of them, the projection's checks (types, enum values, no null where the type forbids
 * one, no member outside the selection, in the selection's order) and `JSON.stringify` would give,
 * byte for byte. So the value is valid UTF-8, compact (no whitespace), every key is the selection's
 * in its order, and every leaf is written as `JSON.stringify` writes it: strings with only the
 * escapes it uses for characters of their own, numbers as `String(number)` writes them. Anything
 * else, however valid as JSON, is refused: the answer is then parsed and projected as usual.
 */
export function matchesRawShape(bytes: Uint8Array, shape: RawShape): boolean {
  if (!isUtf8(bytes)) return false;
  const end = readValue(bytes, 0, shape.node, shape.nonNull);
  return end === bytes.length;
}

/** The offset after the value at `at`, or -1 when it does not match. */
function readValue(bytes: Uint8Array, at: number, node: RawShapeNode, nonNull: boolean): number {
  if (bytes[at] === 0x6e) return nonNull ? -1 : literalAt(bytes, at, NULL);
  switch (node.kind) {
    case 'object':
      return readObject(bytes, at, node.fields);
    case 'list':
      return readList(bytes, at, node.item, node.itemNonNull);
    default:
      return readLeaf(bytes, at, node.leaf);
  }
}

function readObject(bytes: Uint8Array, at: number, fields: readonly RawShapeField[]): number {
  if (bytes[at] !== OPEN_OBJECT) return -1;
  let offset = at + 1;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    if (index > 0) {
      if (bytes[offset] !== COMMA) return -1;
      offset++;
    }
    offset = literalAt(bytes, offset, field.quotedKey);
    if (offset < 0 || bytes[offset] !== COLON) return -1;
    offset = readValue(bytes, offset + 1, field.node, field.nonNull);
    if (offset < 0) return -1;
  }
  return bytes[offset] === CLOSE_OBJECT ? offset + 1 : -1;
}

function readList(bytes: Uint8Array, at: number, item: RawShapeNode, itemNonNull: boolean): number {
  if (bytes[at] !== OPEN_LIST) return -1;
  if (bytes[at + 1] === CLOSE_LIST) return at + 2;
  let offset = at + 1;
  for (;;) {
    offset = readValue(bytes, offset, item, itemNonNull);
    if (offset < 0) return -1;
    const next = bytes[offset];
    if (next === CLOSE_LIST) return offset + 1;
    if (next !== COMMA) return -1;
    offset++;
  }
}

function readLeaf(bytes: Uint8Array, at: number, leaf: RawLeaf): number {
  const first = bytes[at];
  switch (leaf.kind) {
    case 'String':
      return readString(bytes, at);
    case 'Enum': {
      const end = readString(bytes, at);
      if (end < 0) return -1;
      // enum values are names (ASCII letters, digits, `_`): one with an escape or another byte is no value
      return leaf.values.has(Buffer.from(bytes.buffer, bytes.byteOffset + at + 1, end - at - 2).toString('latin1')) ? end : -1;
    }
    case 'ID':
      return first === QUOTE ? readString(bytes, at) : readNumber(bytes, at, true);
    case 'Int':
      return readNumber(bytes, at, true);
    case 'Float':
      return readNumber(bytes, at, false);
    case 'Boolean':
      return first === 0x74 ? literalAt(bytes, at, TRUE) : literalAt(bytes, at, FALSE);
    case 'Custom':
      // passed through by the projection as it is: strings, numbers and booleans as written; an object or a list is refused
      if (first === QUOTE) return readString(bytes, at);
      if (first === 0x74) return literalAt(bytes, at, TRUE);
      if (first === 0x66) return literalAt(bytes, at, FALSE);
      return readNumber(bytes, at, false);
  }
}

/** Where a string's scan stops: its closing quote, an escape, or a control character (refused). */
const STRING_STOPS = new Uint8Array(256);
for (let byte = 0; byte < 0x20; byte++) STRING_STOPS[byte] = 1;
STRING_STOPS[QUOTE] = 1;
STRING_STOPS[BACKSLASH] = 1;

/** A string as `JSON.stringify` writes one: no control character, escapes only of the short kind. */
function readString(bytes: Uint8Array, at: number): number {
  if (bytes[at] !== QUOTE) return -1;
  const length = bytes.length;
  let offset = at + 1;
  for (;;) {
    while (offset < length && STRING_STOPS[bytes[offset]!] === 0) offset++;
    if (offset >= length) return -1;
    const byte = bytes[offset]!;
    if (byte === QUOTE) return offset + 1;
    if (byte !== BACKSLASH || !SHORT_ESCAPES.has(bytes[offset + 1]!)) return -1;
    offset += 2;
  }
}

/**
 * A number as `String(number)` writes it (so `JSON.stringify` after `JSON.parse` gives the same
 * text), finite; an integer when `integer` (the projection's check for `Int` and `ID`).
 */
function readNumber(bytes: Uint8Array, at: number, integer: boolean): number {
  let offset = at;
  const length = bytes.length;
  if (bytes[offset] === MINUS) offset++;
  while (offset < length && isNumberByte(bytes[offset]!)) offset++;
  if (offset === at) return -1;
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + at, offset - at).toString('latin1');
  const value = Number(text);
  if (!Number.isFinite(value) || String(value) !== text) return -1;
  if (integer && !/^-?(?:0|[1-9][0-9]*)$/.test(text)) return -1;
  return offset;
}

/** Digits, `.`, `e`, `E`, `+`, `-`: what a JSON number is made of after its sign. */
function isNumberByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || byte === 0x2e || byte === 0x65 || byte === 0x45 || byte === 0x2b || byte === MINUS;
}

/** The offset after `literal` when the bytes at `at` are it, else -1. */
function literalAt(bytes: Uint8Array, at: number, literal: Uint8Array): number {
  if (at + literal.length > bytes.length) return -1;
  for (let index = 0; index < literal.length; index++) if (bytes[at + index] !== literal[index]) return -1;
  return at + literal.length;
}
