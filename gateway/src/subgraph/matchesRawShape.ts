import { isUtf8 } from 'node:buffer';

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

/**
 * Whether `bytes` are exactly the text the client's response would carry for this value: what
 * `JSON.parse` of them, the projection's checks (types, enum values, no null where the type forbids
 * one, no member outside the selection, in the selection's order) and `JSON.stringify` would give,
 * byte for byte. So the value is valid UTF-8, compact (no whitespace), every key is the selection's
 * in its order, and every leaf is written as `JSON.stringify` writes it: strings with only the
 * escapes it uses for characters of their own, numbers as `String(number)` writes them, of at most
 * 15 significant digits (a longer one may not be the shortest text of its double, which only
 * parsing it tells). Anything else, however valid as JSON, is refused: the answer is then parsed
 * and projected as usual.
 *
 * The shape is compiled once into a regular expression over the bytes read as Latin-1 (one
 * character a byte; a UTF-8 sequence is bytes of 0x80 and over, which only a string's characters
 * may be): V8 runs it as native code, a few times faster than a walk of the bytes in JavaScript.
 * Its alternatives are told apart by their first character (a number's by the few after it), so
 * a refusal costs little retrying of what matched before.
 */
export function matchesRawShape(bytes: Uint8Array, shape: RawShape): boolean {
  if (!isUtf8(bytes)) return false;
  return patternOf(shape).test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'));
}

/**
 * A string as `JSON.stringify` writes one: no control character, escapes only of the short kind
 * (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`; never `\/` nor `\u`).
 */
const STRING = String.raw`"[^"\\\x00-\x1f]*(?:\\["\\bfnrt][^"\\\x00-\x1f]*)*"`;
/** An integer as `String(number)` writes it, of at most 15 digits (so exact in a double), never `-0`. */
const INTEGER = String.raw`(?:0|-?[1-9][0-9]{0,14})(?![0-9])`;
/**
 * A number as `String(number)` writes it, of at most 15 significant digits: an integer as above, or
 * a decimal of at most 16 characters after its sign, without a trailing zero, at least 0.000001
 * (below that `String` writes an exponent).
 */
const NUMBER = String.raw`(?:0|-?(?:[1-9][0-9]{0,14}(?![0-9.])|(?=[0-9.]{3,16}(?![0-9.]))(?:[1-9][0-9]*\.[0-9]*[1-9]|0\.0{0,5}[1-9](?:[0-9]*[1-9])?)))`;

const patterns = new WeakMap<RawShape, RegExp>();

function patternOf(shape: RawShape): RegExp {
  let pattern = patterns.get(shape);
  if (!pattern) patterns.set(shape, (pattern = new RegExp(`^${valuePattern(shape.node, shape.nonNull)}$`)));
  return pattern;
}

function valuePattern(node: RawShapeNode, nonNull: boolean): string {
  const value = node.kind === 'object' ? objectPattern(node.fields) : node.kind === 'list' ? listPattern(node) : leafPattern(node.leaf);
  return nonNull ? value : `(?:null|${value})`;
}

function objectPattern(fields: readonly RawShapeField[]): string {
  const members = fields.map((field) => `${escapeRegExp(field.quotedKey.toString('latin1'))}:${valuePattern(field.node, field.nonNull)}`);
  return String.raw`\{${members.join(',')}\}`;
}

/** Its items, each followed by a comma and another item, or by the closing bracket: the item's pattern written once. */
function listPattern(node: Extract<RawShapeNode, { kind: 'list' }>): string {
  return String.raw`\[(?:${valuePattern(node.item, node.itemNonNull)}(?:,(?!\])|(?=\])))*\]`;
}

function leafPattern(leaf: RawLeaf): string {
  switch (leaf.kind) {
    case 'String':
      return STRING;
    case 'Enum':
      // enum values are names (ASCII letters, digits, `_`): one with an escape or another byte is no value
      return `"(?:${[...leaf.values].map(escapeRegExp).join('|')})"`;
    case 'ID':
      return `(?:${STRING}|${INTEGER})`;
    case 'Int':
      return INTEGER;
    case 'Float':
      return NUMBER;
    case 'Boolean':
      return '(?:true|false)';
    case 'Custom':
      // passed through by the projection as it is: strings, numbers and booleans as written; an object or a list is refused
      return `(?:${STRING}|true|false|${NUMBER})`;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, String.raw`\$&`);
}
