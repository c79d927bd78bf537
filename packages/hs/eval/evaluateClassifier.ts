import type { HsClassifier, HsSuggestion } from '../classifier/createHsClassifier.js';
import type { LabelledTitle } from './loadLabelledSet.js';

/** The goals the classifier must meet on the labelled set, overall and on the held-out part. */
export const CLASSIFIER_GOALS = { headingFirst: 0.85, subheadingInTopThree: 0.8 } as const;

export interface Accuracy {
  readonly titles: number;
  /** Share of titles whose best suggestion has the right heading (first four digits). */
  readonly headingFirst: number;
  /** Share of titles whose right subheading is among the first three suggestions. */
  readonly subheadingInTopThree: number;
}

export interface TitleResult {
  readonly labelled: LabelledTitle;
  readonly suggestions: readonly HsSuggestion[];
  readonly headingFirst: boolean;
  readonly inTopThree: boolean;
}

export interface Evaluation {
  readonly overall: Accuracy;
  /** Every title the word table was not tuned on (`held-out` and `blind`). */
  readonly heldOut: Accuracy;
  /** The titles written after the table was committed. */
  readonly blind: Accuracy;
  readonly tuning: Accuracy;
  readonly byLanguage: ReadonlyMap<string, Accuracy>;
  readonly results: readonly TitleResult[];
}

/** Classifies every labelled title in one batch and measures both accuracies by split and language. */
export function evaluateClassifier(classifier: HsClassifier, labelled: readonly LabelledTitle[]): Evaluation {
  const suggestions = classifier.classifyMany(
    labelled.map(({ title }) => ({ title })),
    3,
  );
  const results = labelled.map((title, i) => {
    const found = suggestions[i] ?? [];
    return {
      labelled: title,
      suggestions: found,
      headingFirst: found[0]?.hsCode.slice(0, 4) === title.hsCode.slice(0, 4),
      inTopThree: found.some((suggestion) => suggestion.hsCode === title.hsCode),
    };
  });
  const languages = [...new Set(labelled.map((title) => title.language))];
  return {
    overall: accuracy(results),
    heldOut: accuracy(results.filter((result) => result.labelled.split !== 'tuning')),
    blind: accuracy(results.filter((result) => result.labelled.split === 'blind')),
    tuning: accuracy(results.filter((result) => result.labelled.split === 'tuning')),
    byLanguage: new Map(
      languages.map((language) => [language, accuracy(results.filter((result) => result.labelled.language === language))]),
    ),
    results,
  };
}

function accuracy(results: readonly TitleResult[]): Accuracy {
  const share = (count: number) => (results.length === 0 ? 0 : count / results.length);
  return {
    titles: results.length,
    headingFirst: share(results.filter((result) => result.headingFirst).length),
    subheadingInTopThree: share(results.filter((result) => result.inTopThree).length),
  };
}

/** Whether an accuracy meets both goals. */
export function meetsGoals(accuracy: Accuracy): boolean {
  return accuracy.headingFirst >= CLASSIFIER_GOALS.headingFirst && accuracy.subheadingInTopThree >= CLASSIFIER_GOALS.subheadingInTopThree;
}
