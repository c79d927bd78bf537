import { isAscii } from 'node:buffer';
import { RawJson } from '#packages/server/RawJson.js';
import { BACKSLASH, CLOSE_LIST, CLOSE_OBJECT, COLON, COMMA, OPEN_LIST, OPEN_OBJECT, QUOTE } from './jsonBytes.js';
import { matchesRawShape, type RawShape } from './matchesRawShape.js';

/**
 * Longest byte range decoded as one string. V8 puts an object over 128 KiB in its large-object
 * space, and a string's header takes 16 bytes of it: pages mapped for it alone, faulted in as it is
 * written and unmapped when it dies. On these machines that costs more than decoding and parsing
 * the text itself: 153 KB of UTF-8 took about 1.4 ms to decode into one string, where the same
 * bytes in pieces took a few tens of µs (BENCHMARKS.md). UTF-8 never decodes to more characters
 * than it has bytes, so a piece's string takes at most 16 + 2 × 65,520 = 131,056 bytes.
 */
const PIECE_BYTES = 65_520;
/** Containers nested this deep or less are split into their members when they are too long for a piece. */
const MAX_SPLIT_DEPTH = 6;

/**
 * `JSON.parse` of the UTF-8 text the chunks hold, end to end, with the same value (or the same
 * error), without ever making a string too long for V8's regular pages. A text of at most
 * {@link PIECE_BYTES} is decoded and parsed at once, and so is an ASCII text of up to twice that
 * when nothing is kept (below): V8 holds it one byte a character. A longer one is scanned once for
 * its structure (brackets, commas and colons outside strings, down to {@link MAX_SPLIT_DEPTH}
 * levels), and every object or list too long for a piece is built from its members, each parsed
 * from its own piece: a subgraph's `_entities` answer becomes one small parse per entity. The
 * chunks are never joined; a piece that straddles two of them is copied alone.
 *
 * The pieces are cut at ASCII bytes outside strings, so each decodes exactly as it does inside the
 * whole text. Whatever the scan does not recognise as well-formed (an unterminated string,
 * brackets that do not match, a stray separator, text after the value) is left to `JSON.parse` of
 * the whole text, which then parses it or throws its own error.
 *
 * `pieceBytes` is the longest range parsed at once (tests split small texts with a few bytes).
 *
 * `keep`: in a text read in pieces, the members of each `data._entities` element with these
 * names are kept as their bytes (`RawJson`) where they match the shape (`matchesRawShape`), never
 * decoded nor parsed; where they do not, they are parsed as usual.
 */
export function parseJsonChunks(chunks: readonly Uint8Array[], pieceBytes = PIECE_BYTES, keep?: ReadonlyMap<string, RawShape>): unknown {
  // most answers: one chunk, one piece
  if (chunks.length === 1 && chunks[0]!.length <= pieceBytes) return JSON.parse(asBuffer(chunks[0]!).toString('utf8'));
  const text = new ChunkedText(chunks);
  if (text.length <= pieceBytes || (keep === undefined && text.length <= 2 * pieceBytes && text.chunks.every((chunk) => isAscii(chunk))))
    return JSON.parse(text.decode(0, text.length));
  return parseInPieces(text, pieceBytes, keep) ?? JSON.parse(text.decode(0, text.length));
}

/**
 * The value of a text longer than a piece, built from its pieces; undefined when the scan or a
 * piece finds the text not well-formed (or its outermost value is not an object or a list), for
 * `JSON.parse` of the whole text to parse or refuse. Exported for the tests, which check that a
 * well-formed text is read in pieces rather than by that fallback.
 */
export function parseInPieces(text: ChunkedText, pieceBytes = PIECE_BYTES, keep?: ReadonlyMap<string, RawShape>): unknown {
  const structure = scanStructure(text);
  if (structure === undefined) return undefined;
  try {
    const value = new PieceReader(text, structure, pieceBytes, keep).value(0, text.length, true, keep ? Route.Answer : Route.None);
    return value === INVALID ? undefined : value;
  } catch {
    // a piece did not parse
    return undefined;
  }
}

/**
 * Where a value is on the way to an entity's kept members: the answer, its `data`, `data._entities`,
 * one entity. Containers on the way are read member by member, whatever their length.
 */
const enum Route {
  None,
  Answer,
  Data,
  Entities,
  Entity,
}

/** Marks a range the piece reader does not accept; never a parsed value. */
const INVALID: unique symbol = Symbol('invalid');

/** The chunks as one run of bytes, addressed by offset from the first. */
export class ChunkedText {
  readonly length: number;
  readonly chunks: readonly Buffer[];
  /** Offset of each chunk's first byte. */
  private readonly starts: number[] = [];

  constructor(chunks: readonly Uint8Array[]) {
    this.chunks = chunks.filter((chunk) => chunk.length > 0).map(asBuffer);
    let length = 0;
    for (const chunk of this.chunks) {
      this.starts.push(length);
      length += chunk.length;
    }
    this.length = length;
  }

  /** The byte at an offset. */
  byteAt(offset: number): number {
    const index = this.chunkIndexOf(offset);
    return this.chunks[index]![offset - this.starts[index]!]!;
  }

  /** The text of [start, end). */
  decode(start: number, end: number): string {
    return start === end ? '' : this.bytes(start, end).toString('utf8');
  }

  /** The bytes of [start, end): a view of the chunk holding them, or a copy of a range over two or more. */
  bytes(start: number, end: number): Buffer {
    const first = this.chunkIndexOf(start);
    const chunk = this.chunks[first]!;
    const chunkStart = this.starts[first]!;
    if (end - chunkStart <= chunk.length) return chunk.subarray(start - chunkStart, end - chunkStart);
    const parts: Buffer[] = [];
    for (let index = first; index < this.chunks.length && this.starts[index]! < end; index++) {
      const from = Math.max(start - this.starts[index]!, 0);
      const to = Math.min(end - this.starts[index]!, this.chunks[index]!.length);
      parts.push(this.chunks[index]!.subarray(from, to));
    }
    return Buffer.concat(parts);
  }

  /** The last chunk starting at or before `offset`. */
  private chunkIndexOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * Where the text's structure is: for every bracket, comma and colon outside strings at a depth of
 * at most {@link MAX_SPLIT_DEPTH}, its offset and the depth of the container it opens, separates or
 * closes (1 for the outermost). Undefined for a text whose strings or brackets do not close.
 */
interface Structure {
  readonly offsets: Int32Array;
  readonly depths: Uint8Array;
  readonly count: number;
}

function scanStructure({ chunks }: ChunkedText): Structure | undefined {
  let offsets = new Int32Array(256);
  let depths = new Uint8Array(256);
  let count = 0;
  const record = (offset: number, depth: number) => {
    if (count === offsets.length) {
      const grownOffsets = new Int32Array(count * 2);
      grownOffsets.set(offsets);
      offsets = grownOffsets;
      const grownDepths = new Uint8Array(count * 2);
      grownDepths.set(depths);
      depths = grownDepths;
    }
    offsets[count] = offset;
    depths[count] = depth;
    count++;
  };

  let depth = 0;
  let inString = false;
  // backslashes just before the current byte inside a string, carried from one chunk to the next
  let backslashes = 0;
  let base = 0;
  for (const chunk of chunks) {
    const length = chunk.length;
    let index = 0;
    while (index < length) {
      if (inString) {
        // the string's bytes are skipped natively, up to its next quote
        const quote = chunk.indexOf(QUOTE, index);
        const stop = quote === -1 ? length : quote;
        if (stop > index) {
          let run = 0;
          while (run < stop - index && chunk[stop - 1 - run] === BACKSLASH) run++;
          backslashes = run === stop - index ? backslashes + run : run;
        }
        if (quote === -1) break;
        if (backslashes % 2 === 0) inString = false;
        backslashes = 0;
        index = quote + 1;
        continue;
      }
      const byte = chunk[index]!;
      if (byte === QUOTE) {
        inString = true;
        backslashes = 0;
      } else if (byte === OPEN_OBJECT || byte === OPEN_LIST) {
        depth++;
        if (depth <= MAX_SPLIT_DEPTH) record(base + index, depth);
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_LIST) {
        if (depth === 0) return undefined;
        if (depth <= MAX_SPLIT_DEPTH) record(base + index, depth);
        depth--;
      } else if ((byte === COMMA || byte === COLON) && depth <= MAX_SPLIT_DEPTH) {
        record(base + index, depth);
      }
      index++;
    }
    base += length;
  }
  if (inString || depth !== 0) return undefined;
  return { offsets, depths, count };
}

/** Builds values from the text's pieces, walking the structure's tokens in order. */
class PieceReader {
  /** The next structure token not yet passed. */
  private token = 0;

  constructor(
    private readonly text: ChunkedText,
    private readonly structure: Structure,
    private readonly pieceBytes: number,
    private readonly keep: ReadonlyMap<string, RawShape> | undefined,
  ) {}

  /**
   * The value in [start, end) (whitespace around it allowed), or INVALID. Tokens before `start`
   * must have been passed; on return every token before `end` has been. The `root` value must be
   * an object or a list: anything else would be decoded whole, which the fallback does anyway.
   */
  value(start: number, end: number, root = false, route = Route.None): unknown {
    const { offsets, depths, count } = this.structure;
    this.passTokensBefore(start);
    let first = start;
    while (first < end && isWhitespace(this.text.byteAt(first))) first++;
    if (first === end) return INVALID;
    const opener = this.token < count && offsets[this.token] === first ? this.text.byteAt(first) : -1;
    if (opener !== OPEN_OBJECT && opener !== OPEN_LIST && root) return INVALID;
    if ((end - start <= this.pieceBytes && route === Route.None) || (opener !== OPEN_OBJECT && opener !== OPEN_LIST)) {
      this.passTokensBefore(end);
      return JSON.parse(this.text.decode(start, end));
    }
    const depth = depths[this.token]!;
    this.token++;
    const value = opener === OPEN_OBJECT ? this.object(first + 1, depth, route) : this.list(first + 1, depth, route);
    if (value === INVALID) return INVALID;
    // the container's closing token, then only whitespace up to `end`
    const close = this.token - 1;
    for (let offset = offsets[close]! + 1; offset < end; offset++) if (!isWhitespace(this.text.byteAt(offset))) return INVALID;
    this.passTokensBefore(end);
    return value;
  }

  /** An object's members, from just after its `{` to its `}` (whose token it passes). */
  private object(from: number, depth: number, route: Route): Record<string, unknown> | typeof INVALID {
    const { offsets } = this.structure;
    const object: Record<string, unknown> = {};
    let memberStart = from;
    for (;;) {
      const separator = this.nextTokenAt(depth);
      if (separator === -1) return INVALID;
      const byte = this.text.byteAt(offsets[separator]!);
      if (byte === CLOSE_OBJECT) {
        this.token = separator + 1;
        // `{}`, or a member missing before the `}`
        return memberStart === from && this.onlyWhitespace(from, offsets[separator]!) ? object : INVALID;
      }
      if (byte !== COLON) return INVALID;
      const key = JSON.parse(this.text.decode(memberStart, offsets[separator]!)) as unknown;
      if (typeof key !== 'string') return INVALID;
      this.token = separator + 1;
      const valueEnd = this.nextTokenAt(depth);
      if (valueEnd === -1) return INVALID;
      const end = offsets[valueEnd]!;
      const after = this.text.byteAt(end);
      if (after !== COMMA && after !== CLOSE_OBJECT) return INVALID;
      const shape = route === Route.Entity ? this.keep?.get(key) : undefined;
      const member =
        (shape && this.raw(offsets[separator]! + 1, end, shape)) ??
        this.value(offsets[separator]! + 1, end, false, memberRoute(route, key));
      if (member === INVALID) return INVALID;
      // JSON.parse makes `__proto__` an own member, where an assignment would set the prototype
      if (key === '__proto__') Object.defineProperty(object, key, { value: member, writable: true, enumerable: true, configurable: true });
      else object[key] = member;
      this.token = valueEnd + 1;
      if (after === CLOSE_OBJECT) return object;
      memberStart = end + 1;
    }
  }

  /** A list's elements, from just after its `[` to its `]` (whose token it passes). */
  private list(from: number, depth: number, route: Route): unknown[] | typeof INVALID {
    const { offsets } = this.structure;
    const list: unknown[] = [];
    let elementStart = from;
    for (;;) {
      const separator = this.nextTokenAt(depth);
      if (separator === -1) return INVALID;
      const end = offsets[separator]!;
      const byte = this.text.byteAt(end);
      if (byte === CLOSE_LIST && list.length === 0 && this.onlyWhitespace(from, end)) {
        this.token = separator + 1;
        return list;
      }
      if (byte !== COMMA && byte !== CLOSE_LIST) return INVALID;
      const element = this.value(elementStart, end, false, route === Route.Entities ? Route.Entity : Route.None);
      if (element === INVALID) return INVALID;
      list.push(element);
      this.token = separator + 1;
      if (byte === CLOSE_LIST) return list;
      elementStart = end + 1;
    }
  }

  /** A kept member's value as its bytes, when it is an object or a list matching its shape; else undefined (it is then parsed). */
  private raw(start: number, end: number, shape: RawShape): RawJson | undefined {
    const opener = this.text.byteAt(start);
    if (opener !== OPEN_OBJECT && opener !== OPEN_LIST) return undefined;
    const bytes = this.text.bytes(start, end);
    return matchesRawShape(bytes, shape) ? new RawJson(bytes, shape.key) : undefined;
  }

  /** The index of the next token at `depth` from the current one, or -1; deeper tokens are skipped. */
  private nextTokenAt(depth: number): number {
    const { depths, count } = this.structure;
    for (let index = this.token; index < count; index++) {
      const at = depths[index]!;
      if (at === depth) return index;
      if (at < depth) return -1;
    }
    return -1;
  }

  private passTokensBefore(end: number): void {
    const { offsets, count } = this.structure;
    while (this.token < count && offsets[this.token]! < end) this.token++;
  }

  private onlyWhitespace(start: number, end: number): boolean {
    for (let offset = start; offset < end; offset++) if (!isWhitespace(this.text.byteAt(offset))) return false;
    return true;
  }
}

/** The route of an object's member: on the way from the answer to its entities, or off it. */
function memberRoute(route: Route, key: string): Route {
  if (route === Route.Answer && key === 'data') return Route.Data;
  if (route === Route.Data && key === '_entities') return Route.Entities;
  return Route.None;
}

/** JSON's four whitespace bytes. */
function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** The chunk as a Buffer (undici's already are), for its `toString` of a range. */
function asBuffer(chunk: Uint8Array): Buffer {
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}
