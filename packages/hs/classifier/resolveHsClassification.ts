import type { HsNomenclature } from '../HsNomenclature.js';
import type { HsSuggestion } from './createHsClassifier.js';

/**
 * Where an offer's HS code comes from: `DECLARED` the seller's, and it exists in HS 2022;
 * `SUGGESTED` the seller gave none or one that does not exist, and the classifier proposed one;
 * `INVALID` the seller's does not exist and nothing could be proposed; `UNKNOWN` neither.
 */
export type HsClassificationStatus = 'DECLARED' | 'INVALID' | 'SUGGESTED' | 'UNKNOWN';

export interface HsClassification {
  /** The code to assess the goods under: the seller's (6 to 10 digits) or the suggested subheading; null when INVALID or UNKNOWN. */
  readonly hsCode: string | null;
  /** The nomenclature text of the code's subheading. */
  readonly description: string | null;
  readonly status: HsClassificationStatus;
  /** The classifier's confidence in a SUGGESTED code; null otherwise. */
  readonly confidence: number | null;
  /** Up to three other subheadings the title supports, best first (for a DECLARED code: those that differ from it). */
  readonly alternatives: readonly HsSuggestion[];
  /** Why the seller's code was not used, when the seller gave one that does not exist. */
  readonly rejected: { readonly code: string; readonly reason: string } | null;
}

/**
 * Below this confidence a suggestion is not used as the code (it stays among the alternatives):
 * on the labelled set, top suggestions under 0.3 are right less often than not (`npm run eval:hs`
 * prints the calibration).
 */
export const SUGGESTION_FLOOR = 0.3;

/** Checks the seller's code against the nomenclature and falls back on the classifier's best suggestion. */
export function resolveHsClassification(
  nomenclature: HsNomenclature,
  declared: string | null | undefined,
  suggestions: readonly HsSuggestion[],
): HsClassification {
  const given = declared?.trim() ? declared.trim() : undefined;
  const check = given === undefined ? undefined : nomenclature.check(given);
  if (check?.valid) {
    return {
      hsCode: check.code,
      description: check.subheading.description,
      status: 'DECLARED',
      confidence: null,
      alternatives: suggestions.filter((suggestion) => suggestion.hsCode !== check.subheading.code).slice(0, 3),
      rejected: null,
    };
  }
  const rejected = check && !check.valid ? { code: given!, reason: check.reason } : null;
  const [best, ...others] = suggestions;
  if (best !== undefined && best.confidence >= SUGGESTION_FLOOR) {
    return {
      hsCode: best.hsCode,
      description: best.description,
      status: 'SUGGESTED',
      confidence: best.confidence,
      alternatives: others.slice(0, 3),
      rejected,
    };
  }
  return {
    hsCode: null,
    description: null,
    status: rejected ? 'INVALID' : 'UNKNOWN',
    confidence: null,
    alternatives: suggestions.slice(0, 3),
    rejected,
  };
}
