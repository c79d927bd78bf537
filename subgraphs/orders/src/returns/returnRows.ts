import type { ReturnPatch, ReturnRecord } from './ReturnRecord.js';
import { scalarText } from '../store/rowMapping.js';

type Row = Readonly<Record<string, unknown>>;

/** The columns of `order_returns`, in the order `returnValues` gives them. */
export const RETURN_COLUMNS = [
  'id',
  'order_id',
  'owner_key_id',
  'reason',
  'quantity',
  'status',
  'policy',
  'refund_lines',
  'refund_amount',
  'refund_currency',
  'delivered_at',
  'label_shipment_id',
  'refunded_at',
  'attention',
  'created_at',
  'updated_at',
] as const;

export function returnValues(record: ReturnRecord): unknown[] {
  return [
    record.id,
    record.orderId,
    record.ownerKeyId,
    record.reason,
    record.quantity,
    record.status,
    JSON.stringify(record.policy),
    JSON.stringify(record.refundLines),
    record.refundTotal.amount,
    record.refundTotal.currency,
    record.deliveredAt,
    record.labelShipmentId,
    record.refundedAt,
    record.attention,
    record.createdAt,
    record.updatedAt,
  ];
}

const PATCH_COLUMNS = {
  status: 'status',
  labelShipmentId: 'label_shipment_id',
  refundedAt: 'refunded_at',
  attention: 'attention',
} as const;

/** `SET` pairs for a patch, plus `updated_at`: column names and values, in order. */
export function returnAssignments(patch: ReturnPatch, now: number): Array<[string, unknown]> {
  const pairs = (Object.keys(PATCH_COLUMNS) as Array<keyof ReturnPatch>)
    .filter((key) => patch[key] !== undefined)
    .map((key): [string, unknown] => [PATCH_COLUMNS[key], patch[key]]);
  return [...pairs, ['updated_at', now]];
}

export function toReturnRecord(row: Row): ReturnRecord {
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    ownerKeyId: String(row.owner_key_id),
    reason: String(row.reason) as ReturnRecord['reason'],
    quantity: Number(row.quantity),
    status: String(row.status) as ReturnRecord['status'],
    policy: JSON.parse(String(row.policy)) as ReturnRecord['policy'],
    refundLines: JSON.parse(String(row.refund_lines)) as ReturnRecord['refundLines'],
    refundTotal: { amount: String(row.refund_amount), currency: String(row.refund_currency) } as ReturnRecord['refundTotal'],
    deliveredAt: String(row.delivered_at),
    labelShipmentId: row.label_shipment_id == null ? null : scalarText(row.label_shipment_id),
    refundedAt: row.refunded_at == null ? null : Number(row.refunded_at),
    attention: row.attention == null ? null : scalarText(row.attention),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}
