import { describe, expect, it } from 'vitest';
import { PRODUCT_ARCHETYPES, STYLES } from '#packages/sandbox/productArchetypes.js';
import { loadHsNomenclature } from '../HsNomenclature.js';
import { ATTRIBUTE_WORDS, LANGUAGES, PRODUCT_WORDS, word } from './index.js';

describe('the product word table', () => {
  const hs = loadHsNomenclature();

  it('points only at HS 2022 headings and subheadings', () => {
    const wrong = PRODUCT_WORDS.flatMap((entry) => entry.codes).filter((code) => (hs.get(code)?.level ?? 2) === 2);
    expect(wrong).toEqual([]);
  });

  it('covers every marketplace language, with a gloss for each word', () => {
    for (const language of LANGUAGES) {
      const covered = PRODUCT_WORDS.filter((entry) => (entry.terms[language]?.length ?? 0) > 0).length;
      expect(covered / PRODUCT_WORDS.length, language).toBeGreaterThan(0.95);
    }
    expect(PRODUCT_WORDS.every((entry) => entry.gloss !== '')).toBe(true);
    for (const attribute of ATTRIBUTE_WORDS.filter((candidate) => candidate.key !== 'retail')) {
      expect(Object.keys(attribute.terms).sort(), attribute.key).toEqual([...LANGUAGES].sort());
    }
  });

  it('holds generic product words, never the sandbox catalogs’ listing titles', () => {
    const terms = new Set(PRODUCT_WORDS.flatMap((entry) => Object.values(entry.terms).flat()).map((term) => term.toLowerCase()));
    const listingTitles = PRODUCT_ARCHETYPES.flatMap((archetype) =>
      LANGUAGES.flatMap((language) => STYLES.map((style) => `${style[language]} ${archetype.titles[language]}`.toLowerCase())),
    );
    expect(listingTitles.filter((title) => terms.has(title) || terms.has(title.replace(' ', '')))).toEqual([]);
  });

  it('refuses a line in an unknown language', () => {
    expect(() => word('6109', 'en t-shirt / fr tee-shirt')).toThrow(/"fr" is not one of/);
  });
});

describe('the sandbox archetypes', () => {
  it('declare HS 2022 subheadings', () => {
    const hs = loadHsNomenclature();
    expect(PRODUCT_ARCHETYPES.filter((archetype) => hs.get(archetype.hsCode)?.level !== 6).map((a) => a.key)).toEqual([]);
  });
});
