import type { OrderStatus, SagaPhase, StepStatus } from '../saga/stepNames.js';
import { isStepName } from '../saga/stepNames.js';
import type {
  BuyerDetails,
  MarketplaceStatusRecord,
  NewOrder,
  OrderFailure,
  OrderPatch,
  OrderRecord,
  QuoteFacts,
  StepPatch,
  StepRecord,
} from './OrderStore.js';

/** A row as a driver returns it: SQLite gives numbers, PostgreSQL gives BIGINT as strings. */
export type Row = Readonly<Record<string, unknown>>;

export class StoreRowError extends Error {
  override name = 'StoreRowError';
}

/** The columns of a new order, in the order both stores insert them. */
export const ORDER_COLUMNS = [
  'id',
  'idempotency_key',
  'request_hash',
  'status',
  'phase',
  'quote_token',
  'quote',
  'buyer',
  'payment_method',
  'total_amount',
  'total_currency',
  'escrow',
  'shipment_id',
  'payment_id',
  'failure',
  'created_at',
  'updated_at',
  'next_attempt_at',
  'lease_owner',
  'lease_until',
  'owner_key_id',
  'buyer_reference',
  'test_mode',
] as const;

export function orderValues(order: NewOrder): unknown[] {
  return [
    order.id,
    order.idempotencyKey,
    order.requestHash,
    order.status,
    order.phase,
    order.quoteToken,
    JSON.stringify(order.quote),
    JSON.stringify(order.buyer),
    order.paymentMethod,
    order.total.amount,
    order.total.currency,
    order.escrow ? 1 : 0,
    order.shipmentId,
    order.paymentId,
    order.failure === null ? null : JSON.stringify(order.failure),
    order.createdAt,
    order.createdAt,
    order.createdAt,
    order.leaseOwner,
    order.leaseUntil,
    order.ownerKeyId,
    order.buyerReference,
    order.testMode === true ? 1 : 0,
  ];
}

/**
 * Every column `toOrderRecord` reads: a read that names them has a result of fixed shape, so it can
 * be a prepared statement (`createStatementNames`) that a migration adding a column does not break.
 */
export const ORDER_ROW_COLUMNS = [...ORDER_COLUMNS, 'marketplace_id', 'marketplace_order_id', 'marketplace_status'] as const;

export function toOrderRecord(row: Row): OrderRecord {
  return {
    id: text(row.id),
    idempotencyKey: text(row.idempotency_key),
    requestHash: text(row.request_hash),
    status: text(row.status) as OrderStatus,
    phase: text(row.phase) as SagaPhase,
    quoteToken: text(row.quote_token),
    quote: JSON.parse(text(row.quote)) as QuoteFacts,
    buyer: JSON.parse(text(row.buyer)) as BuyerDetails,
    paymentMethod: text(row.payment_method),
    total: { amount: text(row.total_amount), currency: text(row.total_currency) as OrderRecord['total']['currency'] },
    escrow: integer(row.escrow) === 1,
    shipmentId: optionalText(row.shipment_id),
    paymentId: optionalText(row.payment_id),
    failure: row.failure == null ? null : (JSON.parse(text(row.failure)) as OrderFailure),
    createdAt: integer(row.created_at),
    updatedAt: integer(row.updated_at),
    nextAttemptAt: integer(row.next_attempt_at),
    leaseOwner: optionalText(row.lease_owner),
    leaseUntil: integer(row.lease_until),
    ownerKeyId: text(row.owner_key_id),
    buyerReference: optionalText(row.buyer_reference),
    marketplaceId: optionalText(row.marketplace_id),
    marketplaceOrderId: optionalText(row.marketplace_order_id),
    marketplaceStatus: row.marketplace_status == null ? null : (JSON.parse(text(row.marketplace_status)) as MarketplaceStatusRecord),
    testMode: integer(row.test_mode) === 1,
  };
}

export function toStepRecord(row: Row): StepRecord {
  const name = text(row.name);
  if (!isStepName(name)) throw new StoreRowError(`unknown step "${name}" in order ${String(row.order_id)}`);
  return {
    orderId: text(row.order_id),
    name,
    position: integer(row.position),
    status: text(row.status) as StepStatus,
    attempt: integer(row.attempt),
    compensationAttempt: integer(row.compensation_attempt),
    startedAt: row.started_at == null ? null : integer(row.started_at),
    finishedAt: row.finished_at == null ? null : integer(row.finished_at),
    updatedAt: integer(row.updated_at),
    result: row.result == null ? null : (JSON.parse(text(row.result)) as StepRecord['result']),
    error: row.error == null ? null : (JSON.parse(text(row.error)) as StepRecord['error']),
  };
}

/** `SET` assignments for an order patch, as [column, value] pairs (the store adds `updated_at`). */
export function orderAssignments(patch: OrderPatch): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = [];
  if (patch.status !== undefined) pairs.push(['status', patch.status]);
  if (patch.phase !== undefined) pairs.push(['phase', patch.phase]);
  if (patch.shipmentId !== undefined) pairs.push(['shipment_id', patch.shipmentId]);
  if (patch.paymentId !== undefined) pairs.push(['payment_id', patch.paymentId]);
  if (patch.failure !== undefined) pairs.push(['failure', patch.failure === null ? null : JSON.stringify(patch.failure)]);
  if (patch.nextAttemptAt !== undefined) pairs.push(['next_attempt_at', patch.nextAttemptAt]);
  if (patch.escrow !== undefined) pairs.push(['escrow', patch.escrow ? 1 : 0]);
  if (patch.marketplaceId !== undefined) pairs.push(['marketplace_id', patch.marketplaceId]);
  if (patch.marketplaceOrderId !== undefined) pairs.push(['marketplace_order_id', patch.marketplaceOrderId]);
  if (patch.marketplaceStatus !== undefined)
    pairs.push(['marketplace_status', patch.marketplaceStatus === null ? null : JSON.stringify(patch.marketplaceStatus)]);
  return pairs;
}

/** `SET` assignments for a step patch (the store adds `updated_at`). */
export function stepAssignments(patch: StepPatch): Array<[string, unknown]> {
  const pairs: Array<[string, unknown]> = [];
  if (patch.status !== undefined) pairs.push(['status', patch.status]);
  if (patch.attempt !== undefined) pairs.push(['attempt', patch.attempt]);
  if (patch.compensationAttempt !== undefined) pairs.push(['compensation_attempt', patch.compensationAttempt]);
  if (patch.startedAt !== undefined) pairs.push(['started_at', patch.startedAt]);
  if (patch.finishedAt !== undefined) pairs.push(['finished_at', patch.finishedAt]);
  if (patch.result !== undefined) pairs.push(['result', patch.result === null ? null : JSON.stringify(patch.result)]);
  if (patch.error !== undefined) pairs.push(['error', patch.error === null ? null : JSON.stringify(patch.error)]);
  return pairs;
}

/** A text or number column as text (SQLite and pg differ on which numeric columns come back as numbers). */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  throw new StoreRowError(`expected text or a number, got ${typeof value}`);
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new StoreRowError(`expected text, got ${typeof value}`);
  return value;
}

function optionalText(value: unknown): string | null {
  return value == null ? null : text(value);
}

/** Instants and counters: SQLite gives numbers, pg gives BIGINT as a string; both are whole and safe. */
function integer(value: unknown): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : NaN;
  if (!Number.isSafeInteger(number)) throw new StoreRowError(`expected an integer, got ${String(value)}`);
  return number;
}
