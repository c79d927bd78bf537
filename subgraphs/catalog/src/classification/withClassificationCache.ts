import { BoundedMap } from '#packages/cache/index.js';
import type { ClassificationRequest, HsClassifier, HsSuggestion } from '#packages/hs/index.js';

/** Titles remembered; a search page brings at most 50, so this holds the pages of many recent searches. */
const DEFAULT_CAPACITY = 20_000;

/**
 * The classifier with each title's answer remembered: the same offers come back search after search
 * and page after page, and the classification of a title never changes while the process runs (the
 * word table and nomenclature are loaded once). Classifying a page was the largest piece of the
 * catalog's own work on a search's critical path. The oldest titles are forgotten first once
 * `capacity` is reached. `explain` is for people checking the ranking and is not remembered.
 */
export function withClassificationCache(classifier: HsClassifier, capacity = DEFAULT_CAPACITY): HsClassifier {
  const remembered = new BoundedMap<string, readonly HsSuggestion[]>(capacity);
  const classify = (request: ClassificationRequest, first = 3): HsSuggestion[] => {
    const key = `${first}\u0000${request.title}\u0000${request.description ?? ''}`;
    let suggestions = remembered.get(key);
    if (suggestions === undefined) {
      suggestions = classifier.classify(request, first);
      remembered.set(key, suggestions);
    }
    return [...suggestions]; // callers own their list
  };
  return {
    classify,
    classifyMany: (requests, first) => requests.map((request) => classify(request, first)),
    explain: (request, first) => classifier.explain(request, first),
  };
}
