import { scalarText, type Row } from '../store/rowMapping.js';
import type { DisputePatch, DisputeRecord } from './DisputeRecord.js';

/** The columns of `order_disputes`, in the order both stores insert them. */
export const DISPUTE_COLUMNS = [
  'id',
  'order_id',
  'opened_by',
  'reason',
  'evidence',
  'status',
  'outcome',
  'note',
  'resolved_by',
  'payment_status',
  'opened_at',
  'resolved_at',
  'updated_at',
] as const;

export function disputeValues(dispute: DisputeRecord): unknown[] {
  return [
    dispute.id,
    dispute.orderId,
    dispute.openedBy,
    dispute.reason,
    dispute.evidence,
    dispute.status,
    dispute.outcome,
    dispute.note,
    dispute.resolvedBy,
    dispute.paymentStatus,
    dispute.openedAt,
    dispute.resolvedAt,
    dispute.updatedAt,
  ];
}

export function toDisputeRecord(row: Row): DisputeRecord {
  const text = scalarText;
  const optional = (value: unknown) => (value == null ? null : scalarText(value));
  // pg gives BIGINT as a string, SQLite a number
  const instant = (value: unknown) => Number(value);
  return {
    id: text(row.id),
    orderId: text(row.order_id),
    openedBy: text(row.opened_by),
    reason: text(row.reason) as DisputeRecord['reason'],
    evidence: text(row.evidence),
    status: text(row.status) as DisputeRecord['status'],
    outcome: optional(row.outcome) as DisputeRecord['outcome'],
    note: optional(row.note),
    resolvedBy: optional(row.resolved_by),
    paymentStatus: optional(row.payment_status),
    openedAt: instant(row.opened_at),
    resolvedAt: row.resolved_at == null ? null : instant(row.resolved_at),
    updatedAt: instant(row.updated_at),
  };
}

/** `SET` assignments for a dispute patch, as [column, value] pairs (the store adds `updated_at`). */
export function disputeAssignments(patch: DisputePatch): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = [];
  if (patch.status !== undefined) pairs.push(['status', patch.status]);
  if (patch.outcome !== undefined) pairs.push(['outcome', patch.outcome]);
  if (patch.note !== undefined) pairs.push(['note', patch.note]);
  if (patch.resolvedBy !== undefined) pairs.push(['resolved_by', patch.resolvedBy]);
  if (patch.paymentStatus !== undefined) pairs.push(['payment_status', patch.paymentStatus]);
  if (patch.resolvedAt !== undefined) pairs.push(['resolved_at', patch.resolvedAt]);
  return pairs;
}
