import { describe, expect, it } from 'vitest';
import { createHsClassifier, type HsClassifier } from '#packages/hs/index.js';
import { withClassificationCache } from '../src/classification/withClassificationCache.js';

describe('withClassificationCache', () => {
  const classifier = createHsClassifier();
  /** The classifier, counting the titles it works out. */
  function counted(): { inner: HsClassifier; calls: () => number } {
    let calls = 0;
    return {
      inner: {
        ...classifier,
        classify: (request, first) => {
          calls++;
          return classifier.classify(request, first);
        },
      },
      calls: () => calls,
    };
  }

  it('answers a title it has seen as the classifier does, without working it out again', () => {
    const { inner, calls } = counted();
    const cached = withClassificationCache(inner);
    const page = [{ title: 'Matcha green tea powder' }, { title: '纯棉T恤', description: 'Cotton T-shirt' }];
    const first = cached.classifyMany(page, 4);
    const again = cached.classifyMany(page, 4);
    expect(first).toEqual(classifier.classifyMany(page, 4));
    expect(again).toEqual(first);
    expect(calls()).toBe(2);
    // the same title with other evidence, or asked for more suggestions, is another question
    cached.classify({ title: '纯棉T恤' }, 4);
    cached.classify({ title: 'Matcha green tea powder' }, 2);
    expect(calls()).toBe(4);
  });

  it('gives every caller its own list, and forgets the oldest titles beyond its capacity', () => {
    const { inner, calls } = counted();
    const cached = withClassificationCache(inner, 2);
    const tea = { title: 'Matcha green tea powder' };
    cached.classify(tea).splice(0);
    expect(cached.classify(tea)).toEqual(classifier.classify(tea));
    cached.classify({ title: 'Polyester T-Shirt' });
    cached.classify({ title: 'Baumwoll-T-Shirt' });
    expect(calls()).toBe(3);
    cached.classify(tea);
    expect(calls()).toBe(4);
  });
});
