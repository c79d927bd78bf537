import { tokensOf, normalizeText } from './normalizeText.js';

/** Words that every description has, and that say nothing about what a product is. */
const STOPWORDS = new Set(
  'a an and or of the in on for with to by from as at be other than not nec n e c no heading item kind used including excluding whether thereof therefor such similar like their its this these those whose which'
    .split(' ')
    .map((word) => tokensOf(word)[0]!),
);

export interface Bm25Hit {
  readonly id: number;
  readonly score: number;
}

export interface Bm25Index {
  /** Every document's BM25 score for these (normalised, stemmed) query tokens, best first, at most `limit`. */
  search(tokens: readonly string[], limit: number): Bm25Hit[];
  /** The score of one document, for ranking candidates the word table proposed. */
  scoreOf(tokens: readonly string[], id: number): number;
}

/**
 * Okapi BM25 (k1 1.2, b 0.75) over short texts, with postings per token so a query costs only its
 * own words' postings. Built once per process over the nomenclature (about 5,600 subheadings).
 */
export function createBm25Index(documents: readonly string[], k1 = 1.2, b = 0.75): Bm25Index {
  const postings = new Map<string, Map<number, number>>();
  const lengths: number[] = [];
  documents.forEach((text, id) => {
    const tokens = tokensOf(normalizeText(text)).filter((token) => !STOPWORDS.has(token) && !/^\d+$/.test(token));
    lengths.push(tokens.length);
    for (const token of tokens) {
      const docs = postings.get(token) ?? new Map<number, number>();
      docs.set(id, (docs.get(id) ?? 0) + 1);
      postings.set(token, docs);
    }
  });
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
  const idf = (token: string) => {
    const n = postings.get(token)?.size ?? 0;
    return Math.log(1 + (documents.length - n + 0.5) / (n + 0.5));
  };
  const termScore = (token: string, id: number) => {
    const frequency = postings.get(token)?.get(id) ?? 0;
    if (frequency === 0) return 0;
    const norm = k1 * (1 - b + (b * (lengths[id] ?? 0)) / averageLength);
    return (idf(token) * frequency * (k1 + 1)) / (frequency + norm);
  };
  const unique = (tokens: readonly string[]) => [...new Set(tokens)].filter((token) => !STOPWORDS.has(token));
  return {
    search(tokens, limit) {
      const scores = new Map<number, number>();
      for (const token of unique(tokens)) {
        for (const id of postings.get(token)?.keys() ?? []) scores.set(id, (scores.get(id) ?? 0) + termScore(token, id));
      }
      return [...scores]
        .map(([id, score]) => ({ id, score }))
        .sort((x, y) => y.score - x.score || x.id - y.id)
        .slice(0, limit);
    },
    scoreOf: (tokens, id) => unique(tokens).reduce((sum, token) => sum + termScore(token, id), 0),
  };
}
