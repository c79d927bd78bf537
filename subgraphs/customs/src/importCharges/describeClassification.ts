import { describeHsCodeOrigin } from '#packages/hs/index.js';
import type { ConsignmentItem } from './types.js';

/**
 * What a duty line says about where its HS code came from, when the seller's was not used: the
 * classifier's code and confidence, or that no code could be had at all. Empty for a code the
 * seller declared (or a client gave), which needs no word. A quote never uses a code or an assumed
 * rate without saying so.
 */
export function describeClassification(item: ConsignmentItem | undefined): string {
  const classification = item?.classification;
  return classification === undefined ? '' : describeHsCodeOrigin({ ...classification, hsCode: item!.hsCode });
}

/** A duty line's description with the classification note of the items it covers, if any. */
export function withClassificationNotes(description: string, items: readonly (ConsignmentItem | undefined)[]): string {
  const notes = [...new Set(items.map(describeClassification).filter((note) => note !== ''))];
  return notes.length === 0 ? description : `${description} — ${notes.join('; ')}`;
}
