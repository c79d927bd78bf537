import { CJK, normalizeText, tokensOf } from './normalizeText.js';

/** A title made ready for matching: normalised once, then read as tokens and as one unbroken run. */
export interface PreparedText {
  readonly normalized: string;
  /** Stemmed tokens, for Latin-script words. */
  readonly tokens: readonly string[];
  /** The normalised text without spaces, for Chinese and Japanese words (written without spaces). */
  readonly compact: string;
}

export function prepareText(text: string): PreparedText {
  const normalized = normalizeText(text);
  return { normalized, tokens: tokensOf(normalized), compact: normalized.replace(/ /g, '') };
}

export interface TermMatch {
  /** Which entry of the table the word belongs to. */
  readonly entry: number;
  /** `latin`: token positions; `cjk`: character positions in `compact`. */
  readonly space: 'latin' | 'cjk';
  readonly start: number;
  readonly end: number;
  /** False when the word was found as the head (or, for attributes, the front) of a compound, `Seidenschal`. */
  readonly exact: boolean;
}

export interface TermMatcher {
  /** Every occurrence of every term; the caller decides which overlapping ones to keep. */
  find(text: PreparedText): TermMatch[];
}

/**
 * Finds multilingual words in a title. Latin-script words match whole stemmed tokens, a phrase as a
 * token sequence; Chinese and Japanese words match anywhere in the unbroken run. German glues words
 * together, so a Latin word of four letters or more also matches at the end of a longer token
 * (`compound: 'head'`: `Handyhülle` ends in `hülle`) or at its front (`compound: 'modifier'`:
 * `Seidenschal` starts with `seiden`), and is then marked as not exact.
 */
export function createTermMatcher(entries: readonly (readonly string[])[], compound: 'head' | 'modifier'): TermMatcher {
  const phrases = new Map<string, { tokens: readonly string[]; entry: number }[]>();
  const singles = new Map<string, number[]>();
  const cjk: { term: string; entry: number }[] = [];
  entries.forEach((terms, entry) => {
    for (const term of terms) {
      const normalized = normalizeText(term);
      if (normalized === '') throw new Error(`an empty word in entry ${entry}`);
      if (CJK.test(normalized)) {
        cjk.push({ term: normalized.replace(/ /g, ''), entry });
        continue;
      }
      const tokens = tokensOf(normalized);
      const first = tokens[0]!;
      phrases.set(first, [...(phrases.get(first) ?? []), { tokens, entry }]);
      if (tokens.length === 1 && first.length >= 4) singles.set(first, [...(singles.get(first) ?? []), entry]);
    }
  });

  return {
    find(text) {
      const found: TermMatch[] = [];
      text.tokens.forEach((token, start) => {
        for (const phrase of phrases.get(token) ?? []) {
          if (phrase.tokens.every((part, k) => text.tokens[start + k] === part)) {
            found.push({ entry: phrase.entry, space: 'latin', start, end: start + phrase.tokens.length, exact: true });
          }
        }
        if (CJK.test(token)) return;
        for (let cut = 4; cut <= token.length - 3; cut++) {
          const part = compound === 'head' ? token.slice(token.length - cut) : token.slice(0, cut);
          for (const entry of singles.get(part) ?? []) found.push({ entry, space: 'latin', start, end: start + 1, exact: false });
        }
      });
      for (const { term, entry } of cjk) {
        for (let at = text.compact.indexOf(term); at !== -1; at = text.compact.indexOf(term, at + 1)) {
          found.push({ entry, space: 'cjk', start: at, end: at + term.length, exact: true });
        }
      }
      return found;
    },
  };
}

/**
 * Keeps the longest of overlapping matches (`phone case` over `phone`, `茶杯` over `茶`, `cast iron`
 * over `iron`): sorted by length, a match is dropped when an already kept one covers its span.
 */
export function longestMatches<M extends TermMatch>(matches: readonly M[], covering: readonly TermMatch[] = []): M[] {
  const length = (match: TermMatch) => (match.end - match.start) * (match.exact ? 2 : 1);
  const kept: TermMatch[] = [...covering];
  const result: M[] = [];
  for (const match of [...matches].sort((x, y) => length(y) - length(x))) {
    const covered = kept.some(
      (other) => other.space === match.space && other.start <= match.start && match.end <= other.end && length(other) > length(match),
    );
    if (covered) continue;
    kept.push(match);
    result.push(match);
  }
  return result;
}
