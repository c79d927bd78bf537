import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge.js';
import { RawJson } from '#packages/server/RawJson.js';
import { mergeResult } from '../../src/engine/mergeResult.js';
import type { ResponseObject } from '../../src/engine/responseTypes.js';

// a few keys, so that target and source often share them
const key = fc.constantFrom('id', 'name', 'reviews', 'product', 'price', '__typename');
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.constantFrom('', 'tea', 'rice'));
const { tree } = fc.letrec<{ tree: unknown; object: Record<string, unknown> }>((of) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, of('object'), fc.array(of('tree'), { maxLength: 3 })),
  object: fc.dictionary(key, of('tree'), { maxKeys: 4 }),
}));
const object = fc.dictionary(key, tree, { maxKeys: 5 });

/** Whether stock's deepMerge would write into a truthy scalar (a TypeError in strict mode), which mergeResult replaces instead. */
function mergesIntoScalar(target: unknown, source: unknown): boolean {
  if (!isObject(source) || typeof target !== 'object' || target === null) return false;
  return Object.keys(source).some((name) => {
    const existing = (target as Record<string, unknown>)[name];
    const value = source[name];
    if (existing && isObject(value)) return typeof existing !== 'object' || mergesIntoScalar(existing, value);
    if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length)
      return value.some((element, index) => isObject(existing[index]) && mergesIntoScalar(existing[index], element));
    return false;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('mergeResult', () => {
  it("merges any answer into any response object as @apollo/gateway's deepMerge does", () => {
    fc.assert(
      fc.property(object, object, (target, source) => {
        fc.pre(!mergesIntoScalar(target, source));
        const stock = structuredClone(target);
        deepMerge(stock, structuredClone(source));
        const ours = structuredClone(target) as ResponseObject;
        mergeResult(ours, structuredClone(source));
        expect(ours).toStrictEqual(stock);
      }),
      { numRuns: 2_000 },
    );
  });

  it('adopts what the target lacks by reference, so later answers merge where it now lives', () => {
    const product = { upc: '1' };
    const target: ResponseObject = { name: null };
    mergeResult(target, { product, name: 'tea' });
    expect(target.product).toBe(product);
    expect(target.name).toBe('tea');
  });

  it('adopts a value kept as bytes where the target has nothing, and parses it where there is something to merge', () => {
    const kept = new RawJson(Buffer.from('{"amount":"1.00"}'), 'shape');
    const empty: ResponseObject = { price: null };
    mergeResult(empty, { price: kept });
    expect(empty.price).toBe(kept);

    const filled: ResponseObject = { price: { currency: 'EUR' } };
    mergeResult(filled, { price: new RawJson(Buffer.from('{"amount":"1.00"}'), 'shape') });
    expect(filled.price).toStrictEqual({ currency: 'EUR', amount: '1.00' });

    const before: ResponseObject = { price: new RawJson(Buffer.from('{"amount":"1.00"}'), 'shape') };
    mergeResult(before, { price: { currency: 'EUR' } });
    expect(before.price).toStrictEqual({ amount: '1.00', currency: 'EUR' });
  });
});
