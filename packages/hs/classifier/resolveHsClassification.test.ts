import { describe, expect, it } from 'vitest';
import { loadHsNomenclature } from '../HsNomenclature.js';
import { resolveHsClassification, SUGGESTION_FLOOR } from './resolveHsClassification.js';

describe('resolveHsClassification', () => {
  const hs = loadHsNomenclature();
  const tshirt = { hsCode: '610910', description: 'T-shirts…, of cotton', confidence: 0.82 };
  const other = { hsCode: '610990', description: 'T-shirts…, of other textile materials', confidence: 0.1 };

  it('keeps a seller’s code that exists (national tariff lines too), with the title’s other readings as alternatives', () => {
    expect(resolveHsClassification(hs, '6109.10.00', [tshirt, other])).toMatchObject({
      hsCode: '61091000',
      status: 'DECLARED',
      confidence: null,
      alternatives: [other],
      rejected: null,
    });
  });

  it('suggests the classifier’s code when the seller gave none or one that does not exist', () => {
    expect(resolveHsClassification(hs, undefined, [tshirt, other])).toMatchObject({
      hsCode: '610910',
      status: 'SUGGESTED',
      confidence: 0.82,
      rejected: null,
    });
    expect(resolveHsClassification(hs, '610999', [tshirt])).toMatchObject({
      hsCode: '610910',
      status: 'SUGGESTED',
      rejected: { code: '610999', reason: '610999 is not an HS 2022 subheading' },
    });
  });

  it('reads a malformed seller code as INVALID, never an error, and nothing usable as UNKNOWN', () => {
    const weak = { ...tshirt, confidence: SUGGESTION_FLOOR - 0.01 };
    expect(resolveHsClassification(hs, 'ABC-12', [weak])).toMatchObject({ hsCode: null, status: 'INVALID', alternatives: [weak] });
    expect(resolveHsClassification(hs, '  ', [])).toMatchObject({ hsCode: null, status: 'UNKNOWN', rejected: null });
  });
});
