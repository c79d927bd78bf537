import { loadHsNomenclature, type HsEntry, type HsNomenclature } from '../HsNomenclature.js';
import { ATTRIBUTE_WORDS, IMPLICIT_ATTRIBUTES, PRODUCT_WORDS, type AttributeWord, type ProductWord } from '../words/index.js';
import { createBm25Index } from './createBm25Index.js';
import { createTermMatcher, longestMatches, prepareText, type PreparedText, type TermMatch } from './createTermMatcher.js';
import { createAttributeAgreement } from './describesAttribute.js';
import { normalizeText, tokensOf } from './normalizeText.js';

/** One proposed classification: a 6-digit HS 2022 subheading, its nomenclature text, and how sure. */
export interface HsSuggestion {
  readonly hsCode: string;
  readonly description: string;
  /** 0 to 1: the share of the evidence behind this subheading (see the package README). */
  readonly confidence: number;
}

export interface ClassificationRequest {
  readonly title: string;
  /** More text about the product (a description, the title in another language); weighs half as much. */
  readonly description?: string | undefined;
}

/** Why the classifier ranked as it did: the words it found and each candidate's score by part. */
export interface HsExplanation {
  /** Product words found (their English gloss), with their strength. */
  readonly words: readonly { readonly gloss: string; readonly codes: readonly string[]; readonly strength: number }[];
  readonly attributes: readonly string[];
  readonly candidates: readonly {
    readonly hsCode: string;
    readonly table: number;
    readonly attributes: number;
    readonly text: number;
    readonly score: number;
    readonly confidence: number;
  }[];
}

export interface HsClassifier {
  /** The likeliest subheadings, best first, at most `first`. */
  classify(request: ClassificationRequest, first?: number): HsSuggestion[];
  /** The same ranking with its workings, for people checking or extending the word table. */
  explain(request: ClassificationRequest, first?: number): HsExplanation;
  /** Many products at once (a search page), in request order. */
  classifyMany(requests: readonly ClassificationRequest[], first?: number): HsSuggestion[][];
}

/** How the pieces of evidence add up; tuned on the `tuning` split of the labelled set. */
const SCORING = {
  /** Weight of the word table against attributes and the nomenclature search. */
  table: 2.2,
  /** Weight of the BM25 similarity of the title (and the matched words' glosses) to a subheading's text. */
  text: 0.6,
  /** Each later code of a product word counts this much less than the one before. */
  laterCode: 0.06,
  /** Other words agreeing with the best one add this share of their strength. */
  agreeingWords: 0.25,
  /** A word found only as the head of a compound (`Seidenschal`). */
  compoundHead: 0.8,
  /** Each extra token of a phrase (or CJK character past the second) makes a match this much more specific. */
  perExtraToken: 0.15,
  /** A word whose cues are present. */
  cued: 1.4,
  /** Words found only in the description. */
  fromDescription: 0.5,
  /** Softmax temperature turning scores into confidences. */
  temperature: 0.45,
  /** Confidence is scaled by this when no table word matched (the nomenclature search alone). */
  textOnly: 0.5,
} as const;

/**
 * The classifier: the word table proposes headings and subheadings, the attribute words choose among
 * them by the nomenclature's own text, and BM25 over the nomenclature ranks the rest (and answers
 * alone when no table word matches). Built once per process; `classify` takes well under a
 * millisecond (see `bench/hsClassifier.ts`).
 */
export function createHsClassifier(
  nomenclature: HsNomenclature = loadHsNomenclature(),
  words: readonly ProductWord[] = PRODUCT_WORDS,
  attributes: readonly AttributeWord[] = ATTRIBUTE_WORDS,
): HsClassifier {
  const subheadings = nomenclature.entries(6);
  const index = new Map(subheadings.map((entry, i) => [entry.code, i]));
  const bm25 = createBm25Index(
    subheadings.map((entry) => `${entry.description} ${nomenclature.get(entry.parent ?? '')?.description ?? ''}`),
  );
  const expansions = words.map((entry) => entry.codes.map((code) => expand(nomenclature, code)));
  const productMatcher = createTermMatcher(words.map(termsOf), 'head');
  const attributeMatcher = createTermMatcher(attributes.map(termsOf), 'modifier');
  const cues = words.map((entry) => entry.cues.map((cue) => normalizeText(cue)));
  const glosses = words.map((entry) => tokensOf(normalizeText(entry.gloss)));
  const agreement = createAttributeAgreement(nomenclature, attributes);
  const attributeByKey = new Map(attributes.map((attribute) => [attribute.key, attribute]));

  function explain(request: ClassificationRequest, first = 3): HsExplanation {
    const title = prepareText(request.title);
    const extra = request.description ? prepareText(request.description) : undefined;
    const detected = new Set<AttributeWord>();
    const found: { entry: number; gloss: string; codes: readonly string[]; strength: number }[] = [];
    const table = new Map<number, number[]>();
    const query: string[] = [...title.tokens];

    for (const [text, factor] of [[title, 1], ...(extra ? [[extra, SCORING.fromDescription]] : [])] as [PreparedText, number][]) {
      const attributeMatches = longestMatches(attributeMatcher.find(text));
      for (const match of attributeMatches) addAttribute(detected, attributes[match.entry]);
      // A word listed in several languages, or said twice, is one piece of evidence: its strongest match.
      const strongest = new Map<number, number>();
      for (const match of longestMatches(productMatcher.find(text), attributeMatches)) {
        const entry = words[match.entry]!;
        const strength = entry.weight * factor * specificity(match) * (hasCue(text, cues[match.entry]!) ? SCORING.cued : 1);
        strongest.set(match.entry, Math.max(strongest.get(match.entry) ?? 0, strength));
      }
      for (const [wordAt, strength] of strongest) {
        if (found.some((earlier) => earlier.entry === wordAt)) continue; // the title's match outweighs the description's
        const entry = words[wordAt]!;
        found.push({ entry: wordAt, gloss: entry.gloss, codes: entry.codes, strength });
        expansions[wordAt]!.forEach((codes, rank) => {
          for (const code of codes) {
            const at = index.get(code)!;
            table.set(at, [...(table.get(at) ?? []), strength * (1 - SCORING.laterCode * rank)]);
          }
        });
        query.push(...glosses[wordAt]!);
      }
    }
    for (const key of IMPLICIT_ATTRIBUTES) addAttribute(detected, attributeByKey.get(key));

    const candidates = new Set(table.keys());
    for (const hit of bm25.search(query, table.size === 0 ? 30 : 5)) candidates.add(hit.id);
    const attributeKeys = [...detected].map((attribute) => attribute.key);
    const wordsFound = found.map(({ gloss, codes, strength }) => ({ gloss, codes, strength }));
    if (candidates.size === 0) return { words: wordsFound, attributes: attributeKeys, candidates: [] };
    const textScores = new Map([...candidates].map((id) => [id, bm25.scoreOf(query, id)]));
    const bestText = Math.max(...textScores.values(), 1e-9);

    const scored = [...candidates].map((id) => {
      const entry = subheadings[id]!;
      const strengths = (table.get(id) ?? []).sort((x, y) => y - x);
      const tableScore = (strengths[0] ?? 0) + SCORING.agreeingWords * strengths.slice(1).reduce((sum, s) => sum + s, 0);
      let attributeScore = 0;
      for (const attribute of detected) attributeScore += agreement(entry, attribute);
      const text = (textScores.get(id) ?? 0) / bestText;
      const score = SCORING.table * tableScore + attributeScore + SCORING.text * text;
      return { entry, score, table: tableScore, attributes: attributeScore, text };
    });
    scored.sort((x, y) => y.score - x.score || x.entry.code.localeCompare(y.entry.code));
    const top = scored[0]!.score;
    const weights = scored.map(({ score }) => Math.exp((score - top) / SCORING.temperature));
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const scale = table.size === 0 ? SCORING.textOnly : 1;
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      words: wordsFound,
      attributes: attributeKeys,
      candidates: scored.slice(0, Math.max(0, first)).map((candidate, i) => ({
        hsCode: candidate.entry.code,
        table: round(candidate.table),
        attributes: round(candidate.attributes),
        text: round(candidate.text),
        score: round(candidate.score),
        confidence: round((weights[i]! / total) * scale),
      })),
    };
  }

  function classify(request: ClassificationRequest, first = 3): HsSuggestion[] {
    return explain(request, first).candidates.map(({ hsCode, confidence }) => ({
      hsCode,
      description: nomenclature.get(hsCode)!.description,
      confidence,
    }));
  }

  return { classify, explain, classifyMany: (requests, first) => requests.map((request) => classify(request, first)) };
}

function termsOf(entry: { readonly terms: ProductWord['terms'] }): string[] {
  return Object.values(entry.terms).flat();
}

/** A heading stands for its subheadings; a subheading for itself. An unknown code is a table error. */
function expand(nomenclature: HsNomenclature, code: string): string[] {
  const entry: HsEntry | undefined = nomenclature.get(code);
  if (entry === undefined || entry.level === 2) throw new Error(`product word code ${code} is not an HS 2022 heading or subheading`);
  return entry.level === 6 ? [entry.code] : nomenclature.children(entry.code).map((child) => child.code);
}

function specificity(match: TermMatch): number {
  const extra = match.space === 'latin' ? match.end - match.start - 1 : Math.max(0, match.end - match.start - 2);
  return (1 + SCORING.perExtraToken * extra) * (match.exact ? 1 : SCORING.compoundHead);
}

function hasCue(text: PreparedText, cues: readonly string[]): boolean {
  // eslint-disable-next-line no-control-regex -- "any character outside ASCII" starts at \x00 by definition
  return cues.some((cue) => text.tokens.includes(cue) || (cue.length > 1 && /[^\x00-\x7f]/.test(cue) && text.compact.includes(cue)));
}

function addAttribute(detected: Set<AttributeWord>, attribute: AttributeWord | undefined, all = ATTRIBUTE_WORDS): void {
  if (attribute === undefined || detected.has(attribute)) return;
  detected.add(attribute);
  for (const key of attribute.implies)
    addAttribute(
      detected,
      all.find((other) => other.key === key),
      all,
    );
}
