import { regexes } from 'zod/v4/core';
import type { OrderEvent } from '../OrderEvent.js';

/**
 * A hand-written check of `orderEventSchemas.ts` for the readers' hot loop: a million events are
 * read per seeded history, and zod (which builds a new object per value) cost more than parsing
 * the JSON. The zod schema stays the one definition: this check may only say yes to what it
 * accepts (the same regular expressions, zod's own), and says no to anything unusual — an unknown
 * key, which zod would strip, included — so `parseOrderEvent` falls back to zod for the answer and
 * the error. `isOrderEvent.test.ts` holds it to that on valid and broken events.
 */
export function isOrderEvent(value: unknown): value is OrderEvent {
  if (!isRecord(value) || typeof value.type !== 'string' || !Object.hasOwn(DATA, value.type)) return false;
  const data = DATA[value.type];
  return (
    data !== undefined &&
    hasOnly(value, ENVELOPE_KEYS) &&
    isUuid(value.id) &&
    value.version === 1 &&
    typeof value.orderId === 'string' &&
    value.orderId.length > 0 &&
    (value.placedBy === undefined ? !('placedBy' in value) : value.placedBy === null || typeof value.placedBy === 'string') &&
    isInstant(value.occurredAt) &&
    data(value.data)
  );
}

type Check = (value: unknown) => boolean;
const DATETIME = regexes.datetime({ offset: true, local: false, precision: null });
const DECIMAL = /^-?\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;
const COUNTRY = /^[A-Z]{2}$/;
const HS_CODE = /^\d{6,10}$/;
const UUID = regexes.uuid();
const ENVELOPE_KEYS = new Set(['id', 'type', 'version', 'orderId', 'placedBy', 'occurredAt', 'data']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const hasOnly = (value: Record<string, unknown>, keys: ReadonlySet<string>) => {
  for (const key in value) if (!keys.has(key)) return false;
  return true;
};
const isString: Check = (value) => typeof value === 'string';
const isBoolean: Check = (value) => typeof value === 'boolean';
const matches =
  (pattern: RegExp): Check =>
  (value) =>
    typeof value === 'string' && pattern.test(value);
const isUuid = matches(UUID);
const isInstant = matches(DATETIME);
const isDate = matches(regexes.date);
const isInt =
  (min: number): Check =>
  (value) =>
    Number.isSafeInteger(value) && (value as number) >= min;
const oneOf =
  (...values: string[]): Check =>
  (value) =>
    values.includes(value as string);
const nullable =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const optional =
  (check: Check): Check =>
  (value) =>
    value === undefined || check(value);
/** Every key of `shape` checked (an optional one may be absent), and no other key. */
const object = (shape: Record<string, Check>): Check => {
  const keys = new Set(Object.keys(shape));
  const entries = Object.entries(shape);
  return (value) => {
    if (!isRecord(value) || !hasOnly(value, keys)) return false;
    for (const [key, check] of entries) if (!check(value[key])) return false;
    return true;
  };
};
const arrayOf =
  (check: Check): Check =>
  (value) => {
    if (!Array.isArray(value)) return false;
    // By index: `every` skips the holes of a sparse array.
    for (let i = 0; i < value.length; i++) if (!check(value[i])) return false;
    return true;
  };
const recordOf =
  (check: Check): Check =>
  (value) =>
    isRecord(value) && !Object.hasOwn(value, '__proto__') && Object.values(value).every(check);

const money = object({ amount: matches(DECIMAL), currency: matches(CURRENCY) });
const place = object({ country: matches(COUNTRY), region: isString });
const mode = oneOf('POSTAL', 'EXPRESS', 'DEDICATED_LINE', 'OVERSEAS_WAREHOUSE', 'DOMESTIC');
const trade = object({
  marketplace: object({ id: isString, name: isString }),
  seller: object({ id: isString, name: isString, country: matches(COUNTRY) }),
  origin: place,
  destination: place,
  goods: object({
    description: isString,
    hsCode: nullable(matches(HS_CODE)),
    quantity: isInt(1),
    netWeightGrams: isInt(0),
    customsValue: money,
  }),
  charges: object({
    currency: matches(CURRENCY),
    item: money,
    shipping: money,
    duties: money,
    taxes: money,
    fees: money,
    total: money,
    deMinimisApplied: nullable(isBoolean),
  }),
  fx: object({ date: isDate, source: isString, perEuro: recordOf(matches(DECIMAL)) }),
  shipping: object({
    mode: nullable(mode),
    carrierId: nullable(isString),
    legs: arrayOf(object({ carrierId: isString, mode, from: matches(COUNTRY), to: matches(COUNTRY) })),
    promisedTransitDays: nullable(object({ min: isInt(0), max: isInt(0) })),
  }),
  payment: object({ provider: isString, method: isString, escrow: isBoolean }),
  synthetic: isBoolean,
});
const payment = (at: string) => object({ paymentId: isString, amount: money, [at]: isInstant });

/** The `data` of each event type. */
const DATA: Readonly<Record<string, Check>> = {
  'order.confirmed': object({ trade, placedAt: isInstant, confirmedAt: isInstant }),
  'order.failed': object({ step: isString, code: isString, message: isString, failedAt: isInstant }),
  'order.cancelled': object({ reason: isString, cancelledAt: isInstant, by: optional(oneOf('SELLER', 'BUYER', 'PLATFORM')) }),
  'shipment.dispatched': object({ trade, shipmentId: isString, dispatchedAt: isInstant }),
  'shipment.delivered': object({ trade, shipmentId: isString, dispatchedAt: nullable(isInstant), deliveredAt: isInstant }),
  'payment.captured': payment('capturedAt'),
  'payment.refunded': payment('refundedAt'),
  'escrow.released': payment('releasedAt'),
  'dispute.opened': object({
    disputeId: isString,
    reason: oneOf('NOT_RECEIVED', 'NOT_AS_DESCRIBED', 'DAMAGED', 'OTHER'),
    openedAt: isInstant,
  }),
  'dispute.resolved': object({ disputeId: isString, outcome: oneOf('REFUND', 'RELEASE'), resolvedAt: isInstant }),
};
