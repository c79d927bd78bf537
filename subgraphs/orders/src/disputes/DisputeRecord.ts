import type { OrderEventOf } from '#packages/events/index.js';

/** Why the buyer disputes an order: the vocabulary of the `dispute.opened` event. */
export type DisputeReason = OrderEventOf<'dispute.opened'>['data']['reason'];

/** How an operator settles it: `REFUND` (the buyer wins) or `RELEASE` (the seller wins). */
export type DisputeOutcome = OrderEventOf<'dispute.resolved'>['data']['outcome'];

/**
 * `OPEN` until an operator decides; `SETTLING` once the decision is recorded and the payment
 * provider is being asked to act on it (a repeat of the same decision finishes it); `RESOLVED` once
 * the provider has acted and the outcome is on the event stream.
 */
export type DisputeStatus = 'OPEN' | 'SETTLING' | 'RESOLVED';

export interface DisputeRecord {
  /** `dsp_` and 128 random bits. */
  readonly id: string;
  readonly orderId: string;
  /** The API key that opened it: the order's owner. */
  readonly openedBy: string;
  readonly reason: DisputeReason;
  /** What the buyer says happened, for the operator. */
  readonly evidence: string;
  readonly status: DisputeStatus;
  /** The operator's decision; null while open. */
  readonly outcome: DisputeOutcome | null;
  readonly note: string | null;
  /** The operator key that decided; null while open. */
  readonly resolvedBy: string | null;
  /** The payment's status at its provider once settled (`REFUNDED`, `VOIDED`, `RELEASED`, …); null before. */
  readonly paymentStatus: string | null;
  /** Instants in ms since the epoch. */
  readonly openedAt: number;
  readonly resolvedAt: number | null;
  readonly updatedAt: number;
}

export type DisputePatch = Partial<Pick<DisputeRecord, 'status' | 'outcome' | 'note' | 'resolvedBy' | 'paymentStatus' | 'resolvedAt'>>;
