import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markHoldsRaw, RawJson } from './RawJson.js';
import { newResponseWriting, writeResponseBytes } from './writeResponseBytes.js';

const utf8 = new TextEncoder();

/** Whether the bytes are what the gateway sent before: the UTF-8 of the whole `JSON.stringify` text. */
function sameAsWholeText(value: unknown): boolean {
  return Buffer.from(writeResponseBytes(value)).equals(utf8.encode(JSON.stringify(value)));
}

/** A search answer of the trade query's size and kind: 40 offers, options with charge lines, text beyond Latin-1. */
function tradeSizedResponse(): { data: unknown } {
  const edges = Array.from({ length: 40 }, (_, offer) => ({
    cursor: `c${offer}`,
    node: {
      id: `offer-${offer}`,
      title: `Sencha 绿茶 ${offer} — first flush`,
      price: { amount: '12.50', currency: 'EUR' },
      seller: { id: `s${offer}`, name: offer % 2 ? 'Teehaus Müller' : '静岡茶園', country: 'JP' },
      shippingOptions: Array.from({ length: 4 }, (_, option) => ({
        id: `${offer}-${option}`,
        transitDays: { min: 3, max: 7 },
        landedCost: {
          quoteId: `q2.${'x'.repeat(600)}`,
          lines: Array.from({ length: 5 }, (_, line) => ({
            kind: 'DUTY',
            description: `Line ${line}: 12 % × 25.00 EUR → 3.00 EUR`,
            amount: { amount: '3.00', currency: 'EUR' },
            formula: 'rate × customs value',
            source: null,
          })),
        },
      })),
    },
  }));
  return { data: { search: { edges, pageInfo: { hasNextPage: true, endCursor: 'c39' }, sources: [] } } };
}

describe('writeResponseBytes', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes the bytes of the whole JSON text, for responses of every shape', () => {
    const values: unknown[] = [
      tradeSizedResponse(),
      { data: null },
      { data: {} },
      { data: { list: [] }, extensions: { nested: [[1, 2], [{}], [[{ deep: [[{}]] }]]] } },
      { data: { a: undefined, b: () => 1, c: Symbol('s'), d: [undefined, () => 1, Symbol('s'), { e: 1 }], f: 0 } },
      { data: { lone: 'high \ud800 low \udc00', emoji: '🍵', quotes: '"\\\n\t\u0001' } },
      { errors: [new GraphQLError('Cannot return null for non-nullable field Offer.id.', { path: ['search', 0] })], data: null },
      { data: { date: new Date(0), boxed: Object(7) as unknown, withToJSON: { toJSON: () => ({ shown: true }) } } },
      { data: { ['__proto__']: 1, constructor: 'c', 10: 'ten', 2: 'two', z: 'z' } },
      { data: Object.assign(Object.create(null) as object, { bare: [{ x: 1 }] }) },
    ];
    // an alias `__proto__` is an own property in a response; JSON.stringify writes it
    Object.defineProperty((values[8] as { data: object }).data, '__proto__', { value: 1, enumerable: true });
    for (const value of values) expect(sameAsWholeText(value), JSON.stringify(value).slice(0, 80)).toBe(true);
  });

  it('writes one element longer than a piece, and one long string, as the whole text would', () => {
    const longElement = {
      data: { list: [{ items: Array.from({ length: 5000 }, (_, index) => ({ name: `名前 ${index}` })) }, { small: 1 }] },
    };
    const longString = { data: { list: [{ note: '→'.repeat(200_000) }] } };
    expect(sameAsWholeText(longElement)).toBe(true);
    expect(sameAsWholeText(longString)).toBe(true);
  });

  it('never encodes a text long enough to be a large object in V8 (over 64 Ki two-byte characters)', () => {
    const encodeInto = vi.spyOn(TextEncoder.prototype, 'encodeInto');
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    const response = tradeSizedResponse();
    expect(JSON.stringify(response).length).toBeGreaterThan(2 * 65_536);
    writeResponseBytes(response);
    const lengths = [...encodeInto.mock.calls, ...encode.mock.calls].map(([text]) => String(text).length);
    expect(lengths.length).toBeGreaterThan(1);
    expect(Math.max(...lengths)).toBeLessThan(65_536);
  });

  describe("with an operation's writing, kept from one response to the next", () => {
    /** An ASCII response of the public benchmark's size: 87 KB, one string on V8's regular pages. */
    const asciiResponse = {
      data: { users: Array.from({ length: 400 }, (_, index) => ({ id: `${index}`, body: `Lorem ipsum ${'dolor '.repeat(30)}` })) },
    };

    it('writes the bytes of the whole JSON text, for responses of every shape and length', () => {
      const writing = newResponseWriting();
      for (const value of [
        { data: { a: 1 } },
        { data: { lone: 'high \ud800', emoji: '🍵' } },
        asciiResponse,
        tradeSizedResponse(),
        { data: { a: 2 } },
      ]) {
        expect(Buffer.from(writeResponseBytes(value, '\n', writing)).equals(utf8.encode(`${JSON.stringify(value)}\n`))).toBe(true);
        expect(Buffer.from(writeResponseBytes(value, '', newResponseWriting())).equals(utf8.encode(JSON.stringify(value)))).toBe(true);
      }
    });

    it('writes an ASCII text of up to 128 KiB whole, and keeps trying whole', () => {
      expect(JSON.stringify(asciiResponse).length).toBeGreaterThan(65_536);
      const stringify = vi.spyOn(JSON, 'stringify');
      const writing = newResponseWriting();
      writeResponseBytes(asciiResponse, '', writing);
      expect(stringify).toHaveBeenCalledTimes(1);
      expect(writing.whole).toBe(true);
    });

    it('writes a longer text beyond ASCII whole once, then walks', () => {
      const accented = { data: { users: asciiResponse.data.users.map((user) => ({ ...user, body: `${user.body} é` })) } };
      expect(JSON.stringify(accented).length).toBeGreaterThan(65_536);
      const writing = newResponseWriting();
      expect(Buffer.from(writeResponseBytes(accented, '', writing)).equals(utf8.encode(JSON.stringify(accented)))).toBe(true);
      expect(writing.whole).toBe(false);
    });

    it('walks a response too long for one string from then on, once one turned out so', () => {
      const stringify = vi.spyOn(JSON, 'stringify');
      const writing = newResponseWriting();
      const response = tradeSizedResponse();
      writeResponseBytes(response, '', writing);
      expect(writing.whole).toBe(false);
      stringify.mockClear();
      writeResponseBytes(response, '', writing);
      expect(stringify.mock.calls.some(([value]) => value === response)).toBe(false);
    });

    it('walks a response holding values kept as bytes, never parsing them', () => {
      const parse = vi.spyOn(RawJson.prototype, 'value');
      const data = { cost: new RawJson(utf8.encode('{"amount":"1.00"}'), 'Money'), id: 'x' };
      markHoldsRaw(data);
      const writing = newResponseWriting();
      expect(Buffer.from(writeResponseBytes({ data }, '', writing)).toString('utf8')).toBe('{"data":{"cost":{"amount":"1.00"},"id":"x"}}');
      expect(parse).not.toHaveBeenCalled();
      expect(writing.whole).toBe(true);
    });
  });

  it('writes values kept as bytes where they stand, at any depth, as JSON.stringify writes them through toJSON', () => {
    const response = tradeSizedResponse();
    const expected = utf8.encode(JSON.stringify(response));
    // every landed cost kept as its bytes, and every object and list above one marked, as the projection leaves them
    const edges = (response.data as { search: { edges: { node: { shippingOptions: { landedCost: unknown }[] } }[] } }).search.edges;
    for (const edge of edges) {
      for (const option of edge.node.shippingOptions) {
        option.landedCost = new RawJson(utf8.encode(JSON.stringify(option.landedCost)), 'LandedCost');
        markHoldsRaw(option);
      }
      markHoldsRaw(edge.node.shippingOptions);
      markHoldsRaw(edge.node);
      markHoldsRaw(edge);
    }
    markHoldsRaw(edges);
    markHoldsRaw((response.data as { search: object }).search);
    markHoldsRaw(response.data as object);
    markHoldsRaw(response);
    const parse = vi.spyOn(RawJson.prototype, 'value');
    expect(Buffer.from(writeResponseBytes(response)).equals(expected)).toBe(true);
    expect(parse, 'the kept bytes were copied, never parsed').not.toHaveBeenCalled();
    expect(utf8.encode(JSON.stringify(response))).toEqual(expected);
    expect(parse).toHaveBeenCalledTimes(edges.length * 4);
  });
});
