import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { markHoldsRaw, RawJson } from './RawJson.js';
import { writeResponseBytes } from './writeResponseBytes.js';

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
