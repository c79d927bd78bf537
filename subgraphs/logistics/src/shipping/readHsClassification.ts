import { loadHsNomenclature } from '#packages/hs/index.js';
import { asFiniteNumber, asRecord, asString, optional, PayloadError } from '#packages/validate/index.js';

export type HsCodeStatus = 'DECLARED' | 'INVALID' | 'SUGGESTED' | 'UNKNOWN';

/** An offer's HS classification as a consignment carries it to customs (see `Consignment` in the schema). */
export interface ConsignmentClassification {
  readonly hsCode: string | null;
  readonly hsCodeStatus: HsCodeStatus;
  readonly hsCodeConfidence: number | null;
  /** The seller's code when it was set aside (not an HS 2022 subheading). */
  readonly rejectedHsCode: string | null;
}

const STATUSES: readonly HsCodeStatus[] = ['DECLARED', 'INVALID', 'SUGGESTED', 'UNKNOWN'];

/**
 * Reads the catalog's `hsClassification` from an Offer representation (the gateway fills it from
 * `@requires`). A caller of `_entities` that sends only `hsCode` still gets an honest status: the
 * seller's code is checked here against the nomenclature, and nothing is classified.
 */
export function readHsClassification(declared: string | null, classification: unknown, at: string): ConsignmentClassification {
  if (classification === undefined || classification === null) {
    const check = declared === null ? undefined : loadHsNomenclature().check(declared);
    if (check?.valid) return { hsCode: check.code, hsCodeStatus: 'DECLARED', hsCodeConfidence: null, rejectedHsCode: null };
    return { hsCode: null, hsCodeStatus: declared === null ? 'UNKNOWN' : 'INVALID', hsCodeConfidence: null, rejectedHsCode: declared };
  }
  const record = asRecord(classification, at);
  const status = asString(record.status, `${at}.status`);
  if (!STATUSES.includes(status as HsCodeStatus)) throw new PayloadError(`${at}.status`, STATUSES.join(', '), status);
  const hsCode = optional(record.hsCode, `${at}.hsCode`, asString) ?? null;
  return {
    hsCode,
    hsCodeStatus: status as HsCodeStatus,
    hsCodeConfidence: optional(record.confidence, `${at}.confidence`, asFiniteNumber) ?? null,
    rejectedHsCode: status !== 'DECLARED' && declared !== null && declared !== hsCode ? declared : null,
  };
}
