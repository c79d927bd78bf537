import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RawJson } from '#packages/server/RawJson.js';
import { matchesRawShape } from '../../src/subgraph/matchesRawShape.js';
import { ChunkedText, parseInPieces, parseJsonChunks } from '../../src/subgraph/parseJsonChunks.js';
import { canonicalLines, linesShape } from './support/linesShape.js';

/** The text's UTF-8 bytes cut at the given offsets (which may fall inside a character). */
function chunksOf(text: string, cuts: readonly number[] = []): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const offsets = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const offset of [...offsets, bytes.length]) {
    chunks.push(Buffer.from(bytes.subarray(start, offset)));
    start = offset;
  }
  return chunks;
}

/** What JSON.parse makes of the text: its value, or its error's message. */
function parsedOrError(read: () => unknown): { value: unknown } | { error: string } {
  try {
    return { value: read() };
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

const json = fc.jsonValue({ maxDepth: 6 });
const texts = fc.tuple(json, fc.constantFrom(undefined, 1, 2, '\t')).map(([value, space]) => JSON.stringify(value, null, space));

describe('parseJsonChunks', () => {
  it('gives what JSON.parse gives for any JSON text, however the bytes are cut and however small the pieces', () => {
    fc.assert(
      fc.property(texts, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 64 }), (text, cuts, pieceBytes) => {
        expect(parseJsonChunks(chunksOf(text, cuts), pieceBytes)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 600 },
    );
  });

  it('reads every well-formed object or list longer than a piece in pieces, never by parsing the whole text', () => {
    const containers = fc
      .tuple(
        fc.oneof(fc.array(json, { minLength: 1 }), fc.dictionary(fc.string(), json, { minKeys: 1 })),
        fc.constantFrom(undefined, 1, '\t'),
      )
      .map(([value, space]) => JSON.stringify(value, null, space));
    fc.assert(
      fc.property(containers, fc.array(fc.nat(), { maxLength: 6 }), fc.integer({ min: 1, max: 64 }), (text, cuts, pieceBytes) => {
        fc.pre(Buffer.byteLength(text) > pieceBytes);
        expect(parseInPieces(new ChunkedText(chunksOf(text, cuts)), pieceBytes)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 600 },
    );
  });

  it('throws what JSON.parse throws, or gives what it gives, for a text with one byte changed, removed or added', () => {
    const damaged = fc
      .tuple(texts, fc.nat(), fc.constantFrom('change', 'remove', 'add'), fc.constantFrom(...'{}[],:"\\ 0a-'))
      .map(([text, at, how, byte]) => {
        const index = at % (text.length + 1);
        if (how === 'remove') return text.slice(0, index) + text.slice(index + 1);
        if (how === 'add') return text.slice(0, index) + byte + text.slice(index);
        return text.slice(0, index) + byte + text.slice(index + 1);
      });
    fc.assert(
      fc.property(damaged, fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 1, max: 32 }), (text, cuts, pieceBytes) => {
        expect(parsedOrError(() => parseJsonChunks(chunksOf(text, cuts), pieceBytes))).toStrictEqual(parsedOrError(() => JSON.parse(text)));
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps a member named __proto__ as JSON.parse does: an own member, the prototype untouched', () => {
    const text = '{"data":{"__proto__":{"polluted":true},"list":[1,2,3]}}';
    const parsed = parseJsonChunks(chunksOf(text, [9, 30]), 4) as { data: Record<string, unknown> };
    expect(parsed).toStrictEqual(JSON.parse(text));
    expect(Object.getPrototypeOf(parsed.data)).toBe(Object.prototype);
    expect(Object.keys(parsed.data)).toEqual(['__proto__', 'list']);
  });

  it('reads strings whose quotes, backslashes and multi-byte characters are cut between chunks, in pieces', () => {
    const text = JSON.stringify({
      data: {
        _entities: [
          { a: 'say \\"hi, [there]: {x}\\" → 😀', b: '\\\\' },
          { a: '{"not":"structure"},[', b: 'ü' },
        ],
      },
    });
    for (let cut = 1; cut < Buffer.byteLength(text); cut++) {
      expect(parseInPieces(new ChunkedText(chunksOf(text, [cut, cut + 3])), 8)).toStrictEqual(JSON.parse(text));
    }
  });

  it('reads a long _entities answer in pieces at the default piece size', () => {
    const entity = (index: number) => ({
      landedCost: {
        quoteId: `q${index}`,
        lines: Array.from({ length: 8 }, (_, line) => ({
          description: `US → DE, "line" ${line} \\ ${index}`,
          amount: { amount: '1.00', currency: 'EUR' },
        })),
      },
    });
    const text = JSON.stringify({ data: { _entities: Array.from({ length: 120 }, (_, index) => entity(index)) } });
    expect(Buffer.byteLength(text)).toBeGreaterThan(65_536);
    const chunks = chunksOf(text, [65_536, 131_072]);
    expect(parseInPieces(new ChunkedText(chunks))).toStrictEqual(JSON.parse(text));
    expect(parseJsonChunks(chunks)).toStrictEqual(JSON.parse(text));
  });

  describe('an ASCII text of up to twice a piece', () => {
    afterEach(() => vi.restoreAllMocks());
    /** The texts JSON.parse was given while reading the chunks. */
    function parsedTexts(chunks: Buffer[], pieceBytes: number, keep?: Map<string, typeof linesShape>): string[] {
      const parse = vi.spyOn(JSON, 'parse');
      parseJsonChunks(chunks, pieceBytes, keep);
      const texts = parse.mock.calls.map(([text]) => text);
      parse.mockRestore();
      return texts;
    }
    const ascii = JSON.stringify({
      data: {
        _entities: [
          { id: 1, name: 'tea' },
          { id: 2, name: 'rice' },
        ],
      },
    });

    it('is parsed at once, one byte a character, however its bytes are cut', () => {
      const pieceBytes = Math.ceil(ascii.length / 2);
      expect(parsedTexts(chunksOf(ascii, [7, 40]), pieceBytes)).toStrictEqual([ascii]);
    });

    it('is read in pieces when one of its characters is beyond ASCII, when it is longer, or when members are kept', () => {
      const accented = ascii.replace('rice', 'riz é');
      const pieceBytes = Math.ceil(Buffer.byteLength(accented) / 2);
      expect(parsedTexts(chunksOf(accented, [7, 40]), pieceBytes).length).toBeGreaterThan(1);
      expect(parsedTexts(chunksOf(ascii, [7, 40]), Math.floor((ascii.length - 1) / 2)).length).toBeGreaterThan(1);
      const keep = new Map([['lines', linesShape]]);
      expect(parsedTexts(chunksOf(ascii, [7, 40]), Math.ceil(ascii.length / 2), keep).length).toBeGreaterThan(1);
    });
  });

  it('keeps the named members of each entity as bytes where they match their shape, parses the rest, and values stay what JSON.parse gives', () => {
    const keep = new Map([['lines', linesShape]]);
    // each entity's `lines` as a subgraph writes it, or with one byte changed (often no longer its shape, sometimes no longer JSON)
    const member = fc.oneof(
      canonicalLines,
      fc.tuple(canonicalLines, fc.nat(), fc.constantFrom(...' {}[],:"1n')).map(([lines, at, byte]) => {
        const index = at % (lines.length + 1);
        return lines.slice(0, index) + byte + lines.slice(index + 1);
      }),
    );
    const answers = fc
      .tuple(fc.array(member, { maxLength: 4 }), fc.constantFrom('', ',"errors":[{"message":"x"}]'))
      .map(([members, errors]) => ({
        members,
        text: `{"data":{"_entities":[${members.map((each, index) => `{"id":${index},"lines":${each}}`).join(',')}]}${errors}}`,
      }));
    fc.assert(
      fc.property(answers, fc.array(fc.nat(), { maxLength: 4 }), fc.integer({ min: 1, max: 64 }), ({ members, text }, cuts, pieceBytes) => {
        const read = parsedOrError(() => parseJsonChunks(chunksOf(text, cuts), pieceBytes, keep));
        // of the text's bytes: a change may have split a surrogate pair, which UTF-8 writes as U+FFFD
        const expected = parsedOrError(() => JSON.parse(Buffer.from(text, 'utf8').toString('utf8')));
        if (!('value' in read) || !('value' in expected)) {
          expect(read).toStrictEqual(expected);
          return;
        }
        const entities = (read.value as { data: { _entities: { lines: unknown }[] } }).data._entities;
        entities.forEach((entity, index) => {
          // kept exactly when the answer is read in pieces and the member's own bytes match its shape
          const kept = Buffer.byteLength(text) > pieceBytes && matchesRawShape(Buffer.from(members[index]!, 'utf8'), linesShape);
          expect(entity.lines instanceof RawJson).toBe(kept);
          if (entity.lines instanceof RawJson) entity.lines = entity.lines.value();
        });
        expect(read.value).toStrictEqual(expected.value);
      }),
      { numRuns: 600 },
    );
  });
});
