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

  it('keeps the total weight (characters of operation text) within its limit, evicting the oldest first', () => {
    const cache = new PlanCache<string>(100, 1_000);
    cache.set('small', 'plan', 100);
    cache.set('large', 'plan', 800);
    cache.set('another', 'plan', 300);
    expect(cache.get('small')).toBeUndefined();
    expect(cache.get('large')).toBeUndefined();
    expect(cache.get('another')).toBe('plan');
    expect(cache.weight).toBe(300);
    cache.set('too large alone', 'plan', 1_001);
    expect(cache.get('too large alone')).toBeUndefined();
    expect(cache.get('another')).toBe('plan');
    // weighing by the key's length, as for parsed query text
    cache.set('x'.repeat(900), 'parsed');
    expect(cache.weight).toBeLessThanOrEqual(1_000);
  });
});
