import { describe, expect, it } from 'vitest';
import { createHsClassifier } from '../classifier/createHsClassifier.js';
import { loadHsNomenclature } from '../HsNomenclature.js';
import { CLASSIFIER_GOALS, evaluateClassifier } from './evaluateClassifier.js';
import { loadLabelledSet } from './loadLabelledSet.js';

/** The gate CI runs: the same evaluation as `npm run eval:hs`, failing below either goal. */
describe('the HS classifier on the labelled set', () => {
  const labelled = loadLabelledSet();

  it('is a set of at least 300 titles in the six languages, each labelled with an HS 2022 subheading', () => {
    const hs = loadHsNomenclature();
    expect(labelled.length).toBeGreaterThanOrEqual(300);
    expect(new Set(labelled.map((title) => title.language)).size).toBe(6);
    expect(labelled.filter((title) => hs.get(title.hsCode)?.level !== 6)).toEqual([]);
    expect(labelled.filter((title) => title.split !== 'tuning').length).toBeGreaterThanOrEqual(100);
  });

  it('meets both goals overall and on the titles the word table was not tuned on', () => {
    const evaluation = evaluateClassifier(createHsClassifier(), labelled);
    for (const [part, accuracy] of [
      ['overall', evaluation.overall],
      ['held-out', evaluation.heldOut],
    ] as const) {
      expect(accuracy.headingFirst, `${part}: heading first`).toBeGreaterThanOrEqual(CLASSIFIER_GOALS.headingFirst);
      expect(accuracy.subheadingInTopThree, `${part}: subheading in top 3`).toBeGreaterThanOrEqual(CLASSIFIER_GOALS.subheadingInTopThree);
    }
  });
});
