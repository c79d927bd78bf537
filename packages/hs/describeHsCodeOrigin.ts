import { formatHsCode } from './formatHsCode.js';
import type { HsClassificationStatus } from './classifier/resolveHsClassification.js';

/** Where the HS code a charge was computed on came from, as the catalog resolved it. */
export interface HsCodeOrigin {
  readonly status: HsClassificationStatus;
  /** The code assessed (the seller's, or the classifier's); empty when none could be had. */
  readonly hsCode: string;
  /** The classifier's confidence in a SUGGESTED code. */
  readonly confidence: number | null;
  /** The seller's code when it was set aside (not an HS 2022 subheading). */
  readonly rejectedHsCode: string | null;
}

/**
 * What a duty line says about its HS code when the seller's was not used: the classifier's code and
 * confidence, or that no code could be had at all. Empty for a code the seller declared, which
 * needs no word. Customs' lines and the landed cost's duty line say it in the same words, so a
 * quote never uses a code or an assumed rate without saying so.
 */
export function describeHsCodeOrigin(origin: HsCodeOrigin): string {
  const seller =
    origin.rejectedHsCode === null
      ? 'the seller declared no HS code'
      : `the seller's ${origin.rejectedHsCode} is not an HS 2022 subheading`;
  switch (origin.status) {
    case 'DECLARED':
      return '';
    case 'SUGGESTED':
      return `classified from the title as ${formatHsCode(origin.hsCode)}, confidence ${(origin.confidence ?? 0).toFixed(2)} (${seller})`;
    case 'INVALID':
    case 'UNKNOWN':
      return `no HS code: ${seller} and the title could not be classified`;
    default:
      return origin.status satisfies never;
  }
}
