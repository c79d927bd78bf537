import type { OrderEvent, OrderTrade } from '#packages/events/index.js';
import type { ReferenceRates } from '#packages/fx/index.js';
import { emptyFact, type TradeFlowFact } from '../store/TradeFlowFact.js';
import { usdEurConverter } from './usdEurConverter.js';

/** Euro reference rates to fall back on for a currency an order's quote did not use (e.g. USD). */
export type FallbackRates = () => Promise<ReferenceRates['rates']>;

/**
 * What an event changes in trade statistics, or undefined when nothing: an order confirmed is a
 * row with every fact; a parcel dispatched or delivered, or an order cancelled, sets that stage on
 * it. Applying one twice is applying it once (each sets values the event carries), so ingestion
 * is idempotent by event id without a table of seen ids. A domestic order is no trade flow.
 *
 * @throws MalformedEventError when the event cannot be counted (an amount or currency that does not read).
 */
export async function factOfEvent(event: OrderEvent, fallbackRates: FallbackRates): Promise<TradeFlowFact | undefined> {
  switch (event.type) {
    case 'order.confirmed': {
      const { trade } = event.data;
      if (trade.origin.country === trade.destination.country) return undefined;
      const confirmedAt = Date.parse(event.data.confirmedAt);
      return confirmedFact(event.id, event.orderId, trade, confirmedAt, fallbackRates);
    }
    case 'shipment.dispatched':
      return { ...emptyFact(event.orderId), dispatchedAt: Date.parse(event.data.dispatchedAt) };
    case 'shipment.delivered':
      return {
        ...emptyFact(event.orderId),
        dispatchedAt: event.data.dispatchedAt === null ? null : Date.parse(event.data.dispatchedAt),
        deliveredAt: Date.parse(event.data.deliveredAt),
      };
    case 'order.cancelled':
      return { ...emptyFact(event.orderId), cancelled: true };
    case 'order.failed':
    case 'payment.captured':
    case 'payment.refunded':
    case 'escrow.released':
    case 'dispute.opened':
    case 'dispute.resolved':
    case 'return.requested':
    case 'order.marketplace_status':
      return undefined;
    default:
      return unreachable(event);
  }
}

async function confirmedFact(
  eventId: string,
  orderId: string,
  trade: OrderTrade,
  confirmedAt: number,
  fallbackRates: FallbackRates,
): Promise<TradeFlowFact> {
  const needed = [trade.goods.customsValue.currency, trade.charges.currency, 'USD'];
  let perEuro: Record<string, string> = trade.fx.perEuro;
  if (needed.some((currency) => currency !== 'EUR' && perEuro[currency] === undefined))
    perEuro = { ...(await fallbackRates()), ...perEuro };
  const both = usdEurConverter(eventId, perEuro);
  const [valueUsd, valueEur] = both(trade.goods.customsValue);
  const [dutiesUsd, dutiesEur] = both(trade.charges.duties);
  const [taxesUsd, taxesEur] = both(trade.charges.taxes);
  const [feesUsd, feesEur] = both(trade.charges.fees);
  const date = new Date(confirmedAt);
  return {
    orderId,
    synthetic: trade.synthetic,
    confirmedAt,
    month: date.getUTCFullYear() * 100 + date.getUTCMonth() + 1,
    origin: trade.origin.country,
    destination: trade.destination.country,
    hs6: trade.goods.hsCode === null ? null : trade.goods.hsCode.slice(0, 6),
    mode: trade.shipping.mode,
    carrier: trade.shipping.carrierId,
    marketplace: trade.marketplace.id,
    seller: trade.seller.id,
    quantity: trade.goods.quantity,
    netWeightGrams: trade.goods.netWeightGrams,
    valueUsd,
    valueEur,
    dutiesUsd,
    dutiesEur,
    taxesUsd,
    taxesEur,
    feesUsd,
    feesEur,
    itemEur: both(trade.charges.item)[1],
    shippingEur: both(trade.charges.shipping)[1],
    deMinimis: trade.charges.deMinimisApplied,
    promisedMaxDays: trade.shipping.promisedTransitDays?.max ?? null,
    dispatchedAt: null,
    deliveredAt: null,
    cancelled: null, // unknown here: a cancellation that came first must stay
  };
}

function unreachable(event: never): never {
  throw new Error(`no handling for event ${JSON.stringify(event)}`);
}
