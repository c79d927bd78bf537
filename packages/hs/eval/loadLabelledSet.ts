import { readFileSync } from 'node:fs';
import { PRODUCT_ARCHETYPES, STYLES } from '#packages/sandbox/productArchetypes.js';
import { parseCsv } from '../parseCsv.js';
import { LANGUAGES, type Language } from '../words/index.js';

/** One title of the labelled set and the subheading it belongs to. */
export interface LabelledTitle {
  readonly title: string;
  readonly language: Language;
  /** 6 digits, HS 2022. */
  readonly hsCode: string;
  /**
   * `tuning`: the word table was built looking at it; `held-out`: written before the table, not
   * tuned on; `blind`: written after the table was committed, evaluated once (see the README).
   */
  readonly split: 'tuning' | 'held-out' | 'blind';
  /** `sandbox`: a title the sandbox marketplaces list; `written`: written to resemble real listings. */
  readonly source: 'sandbox' | 'written';
}

/**
 * The labelled set: the written titles of `labelledTitles.csv`, and the sandboxes' catalog titles
 * (every archetype in every language, bare and with one style, as `seedListings.ts` composes them),
 * labelled with the archetype's code.
 */
export function loadLabelledSet(): LabelledTitle[] {
  return [...writtenTitles(), ...sandboxTitles()];
}

function writtenTitles(): LabelledTitle[] {
  const [header, ...rows] = parseCsv(readFileSync(new URL('labelledTitles.csv', import.meta.url), 'utf8'));
  if (header?.join(',') !== 'split,language,hsCode,title')
    throw new Error('labelledTitles.csv: expected the header split,language,hsCode,title');
  return rows.map(([split, language, hsCode, title], i) => {
    if (
      (split !== 'tuning' && split !== 'held-out' && split !== 'blind') ||
      !LANGUAGES.includes(language as Language) ||
      !/^\d{6}$/.test(hsCode ?? '') ||
      !title
    ) {
      throw new Error(`labelledTitles.csv, row ${i + 2}: expected a split, a language, 6 digits and a title`);
    }
    return { split, language: language as Language, hsCode: hsCode!, title, source: 'written' };
  });
}

function sandboxTitles(): LabelledTitle[] {
  return PRODUCT_ARCHETYPES.flatMap((archetype, a) =>
    LANGUAGES.flatMap((language, l) => {
      const style = STYLES[(a + l) % STYLES.length]!;
      const separator = language === 'zh' || language === 'ja' ? '' : ' ';
      return [archetype.titles[language], `${style[language]}${separator}${archetype.titles[language]}`].map((title) => ({
        title,
        language,
        hsCode: archetype.hsCode,
        split: 'tuning' as const,
        source: 'sandbox' as const,
      }));
    }),
  );
}
