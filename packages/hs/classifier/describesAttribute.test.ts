import { describe, expect, it } from 'vitest';
import { loadHsNomenclature } from '../HsNomenclature.js';
import { ATTRIBUTE_WORDS } from '../words/index.js';
import { createAttributeAgreement, mentions } from './describesAttribute.js';

describe('mentions', () => {
  it('reads statements, exclusions within a clause, and "whether or not"', () => {
    expect(mentions('t-shirts, singlets and other vests; of cotton, knitted or crocheted', /\bcotton\b/)).toBe(1);
    expect(
      mentions('t-shirts, singlets and other vests; of textile materials (other than cotton), knitted or crocheted', /\bcotton\b/),
    ).toBe(-1);
    expect(mentions("shirts; men's or boys', of cotton (not knitted or crocheted)", /knitted or crocheted/)).toBe(-1);
    expect(mentions('jewellery; of silver, whether or not plated or clad with other precious metal', /precious metal/)).toBe(0);
    expect(mentions('tea, green; (not fermented), in immediate packings of a content not exceeding 3kg', /not exceeding 3kg/)).toBe(1);
  });
});

describe('createAttributeAgreement', () => {
  const hs = loadHsNomenclature();
  const agreement = createAttributeAgreement(hs, ATTRIBUTE_WORDS);
  const attribute = (key: string) => ATTRIBUTE_WORDS.find((candidate) => candidate.key === key)!;
  const score = (code: string, key: string) => agreement(hs.get(code)!, attribute(key));

  it('rewards the material a subheading names, and penalises one it excludes or a rival it names', () => {
    expect(score('610910', 'cotton')).toBeGreaterThan(0);
    expect(score('610990', 'cotton')).toBeLessThan(0); // of textile materials (other than cotton)
    expect(score('420222', 'leather')).toBeLessThan(0); // names plastics and textile, not leather
    expect(score('420221', 'leather')).toBeGreaterThan(0);
  });

  it('reads knitted against woven from the chapter when the subheading is silent', () => {
    expect(score('620140', 'knitted')).toBeLessThan(0); // chapter 62: not knitted or crocheted
    expect(score('610463', 'knitted')).toBeGreaterThan(0);
  });

  it('tells men’s from women’s garments, and retail tea packs from bulk', () => {
    expect(score('620342', 'women')).toBeLessThan(0);
    expect(score('620462', 'women')).toBeGreaterThan(0);
    expect(score('090230', 'retail')).toBeGreaterThan(0);
    expect(score('090240', 'retail')).toBeLessThan(0);
  });
});
