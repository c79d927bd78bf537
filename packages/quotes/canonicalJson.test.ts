import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1]},"b":1}');
  });

  it('refuses numbers two engines might write differently', () => {
    expect(() => canonicalJson({ rate: 1.1 })).toThrow(RangeError);
    expect(() => canonicalJson(2 ** 60)).toThrow(RangeError);
  });
});
