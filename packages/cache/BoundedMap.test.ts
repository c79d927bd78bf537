import { describe, expect, it } from 'vitest';
import { BoundedMap } from './BoundedMap.js';

describe('BoundedMap', () => {
  it('forgets the oldest entry written once it holds its capacity', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('c', 3);
    expect([...map.entries()]).toEqual([
      ['b', 2],
      ['c', 3],
    ]);
  });

  it('overwrites a key it holds without forgetting another', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2).set('a', 10);
    expect([...map.entries()]).toEqual([
      ['a', 10],
      ['b', 2],
    ]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new BoundedMap(0)).toThrow('capacity must be a positive integer, not 0');
    expect(() => new BoundedMap(1.5)).toThrow(RangeError);
  });
});
