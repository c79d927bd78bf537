/**
 * One order as trade statistics see it: a row of `trade_flows`. Money is a decimal string (exact,
 * converted once at the order's day's reference rates); instants are ms since the epoch. A stage
 * update (dispatched, delivered, cancelled) carries only the order id and what it sets, so the
 * fields it does not know are null and leave the stored values alone.
 */
export interface TradeFlowFact {
  readonly orderId: string;
  readonly synthetic: boolean | null;
  readonly confirmedAt: number | null;
  /** YYYYMM of `confirmedAt`, UTC: Comtrade's monthly period. */
  readonly month: number | null;
  readonly origin: string | null;
  readonly destination: string | null;
  /** The declared HS subheading (first 6 digits); null when the offer had no code. */
  readonly hs6: string | null;
  readonly mode: string | null;
  readonly carrier: string | null;
  readonly marketplace: string | null;
  readonly seller: string | null;
  readonly quantity: number | null;
  readonly netWeightGrams: number | null;
  readonly valueUsd: string | null;
  readonly valueEur: string | null;
  readonly dutiesUsd: string | null;
  readonly dutiesEur: string | null;
  readonly taxesUsd: string | null;
  readonly taxesEur: string | null;
  readonly feesUsd: string | null;
  readonly feesEur: string | null;
  readonly itemEur: string | null;
  readonly shippingEur: string | null;
  readonly deMinimis: boolean | null;
  readonly promisedMaxDays: number | null;
  readonly dispatchedAt: number | null;
  readonly deliveredAt: number | null;
  readonly cancelled: boolean | null;
}

/** The columns of `trade_flows`, in the order facts are written, with their SQL kind. */
export const FACT_COLUMNS = [
  ['order_id', 'text', 'orderId'],
  ['synthetic', 'boolean', 'synthetic'],
  ['confirmed_at', 'bigint', 'confirmedAt'],
  ['month', 'integer', 'month'],
  ['origin', 'text', 'origin'],
  ['destination', 'text', 'destination'],
  ['hs6', 'text', 'hs6'],
  ['mode', 'text', 'mode'],
  ['carrier', 'text', 'carrier'],
  ['marketplace', 'text', 'marketplace'],
  ['seller', 'text', 'seller'],
  ['quantity', 'integer', 'quantity'],
  ['net_weight_g', 'bigint', 'netWeightGrams'],
  ['value_usd', 'money', 'valueUsd'],
  ['value_eur', 'money', 'valueEur'],
  ['duties_usd', 'money', 'dutiesUsd'],
  ['duties_eur', 'money', 'dutiesEur'],
  ['taxes_usd', 'money', 'taxesUsd'],
  ['taxes_eur', 'money', 'taxesEur'],
  ['fees_usd', 'money', 'feesUsd'],
  ['fees_eur', 'money', 'feesEur'],
  ['item_eur', 'money', 'itemEur'],
  ['shipping_eur', 'money', 'shippingEur'],
  ['de_minimis', 'boolean', 'deMinimis'],
  ['promised_max_days', 'integer', 'promisedMaxDays'],
  ['dispatched_at', 'bigint', 'dispatchedAt'],
  ['delivered_at', 'bigint', 'deliveredAt'],
  ['cancelled', 'boolean', 'cancelled'],
] as const satisfies ReadonlyArray<readonly [string, 'text' | 'boolean' | 'bigint' | 'integer' | 'money', keyof TradeFlowFact]>;

/** Two facts about one order as one: the later one's known fields win. */
export function mergeFacts(earlier: TradeFlowFact, later: TradeFlowFact): TradeFlowFact {
  const merged: Record<string, unknown> = { ...earlier };
  for (const [, , key] of FACT_COLUMNS) if (later[key] !== null) merged[key] = later[key];
  return merged as unknown as TradeFlowFact;
}

const NOTHING_KNOWN = Object.fromEntries(FACT_COLUMNS.map(([, , key]) => [key, null])) as unknown as TradeFlowFact;

/** A fact with nothing known but the order: the base of a stage update. */
export function emptyFact(orderId: string): TradeFlowFact {
  return { ...NOTHING_KNOWN, orderId };
}
