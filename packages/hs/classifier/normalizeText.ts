/**
 * Titles arrive in six scripts and many spellings (`Baumwoll-T-Shirt`, `ＵＳＢ－Ｃ`, `Chá`, `Tシャツ`).
 * Both the titles and the words of the tables go through the same normalisation, so a table word
 * matches however a seller typed it: NFKC (full-width to half-width), lower case, Latin accents
 * dropped (never the kana voicing marks, which change the word), punctuation to spaces, and a space
 * wherever digits meet letters or Latin meets CJK (`8gb` → `8 gb`, `usb-c充电器` → `usb c 充电器`).
 */
export function normalizeText(text: string): string {
  const spaced = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[\u00c0-\u024f]/g, (char) => char.normalize('NFD').replace(/\p{M}/gu, ''))
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{N})(\p{L})|(\p{L})(\p{N})/gu, (_m, n1, l1, l2, n2) => (n1 ? `${n1} ${l1}` : `${l2} ${n2}`))
    .replace(LATIN_MEETS_OTHER, splitPair);
  // Replacements do not overlap, so `tシャツ` needs a second pass after `ンt` was split.
  return spaced.replace(LATIN_MEETS_OTHER, splitPair).trim();
}

const LATIN_MEETS_OTHER = /([a-z])([^\sa-z\p{N}])|([^\sa-z\p{N}])([a-z])/gu;
const splitPair = (_match: string, a1?: string, c1?: string, c2?: string, a2?: string) => (a1 ? `${a1} ${c1}` : `${c2} ${a2}`);

/** Chinese characters and Japanese kana: written without spaces, so their words are found inside runs. */
export const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/**
 * A light, language-blind stemmer for Latin-script words: plural endings only (`shirts`, `boxes`,
 * `accessories`, `camisetas`). Titles and descriptions are stemmed alike, so an imperfect stem
 * (`glasses` → `glass`) still meets itself; anything bolder would join words that differ.
 */
export function stemWord(word: string): string {
  if (word.length <= 3 || CJK.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Normalised, stemmed Latin-script tokens; CJK runs are left whole (they are matched by substring). */
export function tokensOf(normalized: string): string[] {
  return normalized === '' ? [] : normalized.split(' ').map(stemWord);
}
