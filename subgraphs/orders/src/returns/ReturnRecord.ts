import type { MoneyOutput } from '#packages/money/index.js';

/** Why the buyer sends the goods back (the schema's `ReturnReason`). */
export type ReturnReason = 'DEFECTIVE' | 'DAMAGED' | 'NOT_AS_DESCRIBED' | 'WRONG_ITEM' | 'CHANGED_MIND';

/**
 * Where a return stands: `REQUESTED` (accepted, label and refund to do), `LABEL_BOOKED`,
 * `REFUNDED` (done), or `NEEDS_ATTENTION` (the refund was refused: a person settles it).
 */
export type ReturnStatus = 'REQUESTED' | 'LABEL_BOOKED' | 'REFUNDED' | 'NEEDS_ATTENTION';

/** The seller's return terms as the marketplace reported them when the return was asked for. */
export interface AppliedReturnPolicy {
  readonly windowDays: number;
  readonly returnShippingPaidBy: 'BUYER' | 'SELLER';
  readonly restockingFeeBp: number;
}

export type RefundLineKind = 'GOODS' | 'SHIPPING' | 'RESTOCKING_FEE';

/** One line of a refund: what is given back (or kept back, negative), exact, in the order's currency. */
export interface RefundLine {
  readonly kind: RefundLineKind;
  readonly amount: MoneyOutput;
  readonly description: string;
}

export interface ReturnRecord {
  /** `ret_` and 128 random bits. */
  readonly id: string;
  readonly orderId: string;
  readonly ownerKeyId: string;
  readonly reason: ReturnReason;
  readonly quantity: number;
  readonly status: ReturnStatus;
  readonly policy: AppliedReturnPolicy;
  /** What the policy gives back, line by line; `refundTotal` is their sum. */
  readonly refundLines: readonly RefundLine[];
  readonly refundTotal: MoneyOutput;
  /** When the carrier delivered the order (ISO 8601), from its own scan. */
  readonly deliveredAt: string;
  /** The return label's shipment id at logistics, once booked. */
  readonly labelShipmentId: string | null;
  /** When the payment provider gave the refund back (ms), once issued. */
  readonly refundedAt: number | null;
  /** Why the return needs a person, when it does. */
  readonly attention: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type ReturnPatch = Partial<Pick<ReturnRecord, 'status' | 'labelShipmentId' | 'refundedAt' | 'attention'>>;
