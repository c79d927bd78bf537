import type { DisputeRecord } from './DisputeRecord.js';

/** What the dispute resolvers hand to each other (codegen `mappers`). */
export type DisputeModel = DisputeRecord;

/** The codes of the schema's `DisputeErrorCode`. */
export type DisputeErrorCode =
  | 'ORDER_NOT_FOUND'
  | 'ORDER_NOT_CONFIRMED'
  | 'NOT_IN_ESCROW'
  | 'ESCROW_RELEASED'
  | 'DISPUTE_ALREADY_OPEN'
  | 'DISPUTE_ALREADY_SETTLED'
  | 'DISPUTE_NOT_FOUND'
  | 'ORDER_BUSY'
  | 'PAYMENT_UNAVAILABLE'
  | 'PAYMENT_REFUSED'
  | 'INVALID_INPUT';

export interface DisputeUserErrorModel {
  readonly code: DisputeErrorCode;
  readonly message: string;
  readonly field: readonly string[] | null;
}

export interface DisputePayloadModel {
  readonly dispute: DisputeRecord | null;
  readonly userErrors: readonly DisputeUserErrorModel[];
}

/** A refusal, as the payload shows it. */
export function disputeRefused(code: DisputeErrorCode, message: string, field?: string, dispute?: DisputeRecord): DisputePayloadModel {
  return { dispute: dispute ?? null, userErrors: [{ code, message, field: field === undefined ? null : [field] }] };
}
