/** The marketplaces' languages: every table word says which one it is, so coverage can be checked. */
export type Language = 'en' | 'zh' | 'pt' | 'de' | 'ja' | 'ms';
export const LANGUAGES: readonly Language[] = ['en', 'zh', 'pt', 'de', 'ja', 'ms'];

/** An everyday word for a kind of product, in the marketplaces' languages, and where the HS puts it. */
export interface ProductWord {
  /**
   * Headings (4 digits) or subheadings (6), the likeliest first. A heading stands for all its
   * subheadings; material, construction and gender words in the title choose among them.
   */
  readonly codes: readonly string[];
  readonly terms: Readonly<Partial<Record<Language, readonly string[]>>>;
  /**
   * How strongly the word names the product itself. An article outweighs what it holds or serves
   * (`cup` over `tea`, `backpack` over `laptop`, `case` over `phone`). Default 1.
   */
  readonly weight: number;
  /** English words added to the search of the nomenclature text, to pick among the subheadings (default: the first English word). */
  readonly gloss: string;
  /** Words that confirm this sense when the same word has two (`notebook` with `gb` is a computer). */
  readonly cues: readonly string[];
}

/**
 * One table line: `word('6109', 'en t-shirt|tee / zh T恤 / pt camiseta', { weight: 1.2 })`.
 * Languages are separated by ` / `, words by `|`.
 */
export function word(codes: string, terms: string, options: { weight?: number; gloss?: string; cues?: string } = {}): ProductWord {
  const byLanguage: Partial<Record<Language, string[]>> = {};
  for (const group of terms.split(' / ')) {
    const [language, ...rest] = group.trim().split(' ');
    if (!isLanguage(language)) throw new Error(`product word "${terms}": "${language}" is not one of ${LANGUAGES.join(', ')}`);
    byLanguage[language] = rest
      .join(' ')
      .split('|')
      .map((term) => term.trim())
      .filter((term) => term !== '');
  }
  return {
    codes: codes.split(' '),
    terms: byLanguage,
    weight: options.weight ?? 1,
    gloss: options.gloss ?? byLanguage.en?.[0] ?? '',
    cues: options.cues?.split('|') ?? [],
  };
}

function isLanguage(value: string | undefined): value is Language {
  return LANGUAGES.includes(value as Language);
}
