import { describe, expect, it } from 'vitest';
import { PlanCache } from '../../src/engine/planCache.js';

describe('PlanCache', () => {
  it('keeps the most recently used entries within its size', () => {
    const cache = new PlanCache<string>(2);
    cache.set('a', 'plan a');
    cache.set('b', 'plan b');
    expect(cache.get('a')).toBe('plan a'); // a is now the most recent
    cache.set('c', 'plan c');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('plan a');
    expect(cache.get('c')).toBe('plan c');
    expect(cache.size).toBe(2);
  });
});
