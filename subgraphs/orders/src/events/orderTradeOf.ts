import { regionOf } from '#packages/countries/index.js';
import type { EventLeg, OrderTrade } from '#packages/events/index.js';
import { toMoneyOutput } from '#packages/money/index.js';
import { verifiedQuote } from '../saga/verifiedQuote.js';
import type { OrderRecord, StepRecord } from '../store/OrderStore.js';

const MODES = new Set(['POSTAL', 'EXPRESS', 'DEDICATED_LINE', 'OVERSEAS_WAREHOUSE', 'DOMESTIC']);

/**
 * What a confirmed order traded, for its events, from where each fact is owned: the quote token
 * (countries, charges, FX, the promised transit days, de minimis), the catalog's reservation (HS
 * code, weight, seller, marketplace), logistics' shipment (carrier, mode, legs) and payments'
 * authorization (provider). Undefined while a fact it needs is missing (the order is not confirmed).
 */
export function orderTradeOf(order: OrderRecord, steps: readonly StepRecord[], quoteKey: Buffer): OrderTrade | undefined {
  const result = (name: StepRecord['name']) => steps.find((step) => step.name === name && step.status === 'DONE')?.result ?? undefined;
  const reservation = result('RESERVE_STOCK');
  const shipment = result('CREATE_SHIPMENT');
  const payment = result('AUTHORIZE_PAYMENT');
  if (!reservation || !shipment || !payment) return undefined;
  // Booking checked its expiry already; what is read here is what was booked, however late.
  const quote = verifiedQuote(order.quoteToken, quoteKey, Number.NEGATIVE_INFINITY);
  const legs = (JSON.parse(shipment.legs ?? '[]') as EventLeg[]).filter((leg) => MODES.has(leg.mode));
  const money = (value: Parameters<typeof toMoneyOutput>[0]) => {
    const { amount, currency } = toMoneyOutput(value);
    return { amount, currency };
  };
  const place = (country: string) => ({ country, region: regionOf(country) ?? 'Unknown' });
  return {
    marketplace: { id: reservation.marketplaceId ?? 'unknown', name: reservation.marketplaceName ?? 'unknown' },
    seller: {
      id: reservation.sellerId ?? 'unknown',
      name: reservation.sellerName ?? 'unknown',
      country: reservation.sellerCountry ?? quote.originCountry,
    },
    origin: place(quote.originCountry),
    destination: place(quote.destinationCountry),
    goods: {
      description: reservation.title ?? '',
      hsCode: reservation.hsCode && /^\d{6,10}$/.test(reservation.hsCode) ? reservation.hsCode : null,
      quantity: order.quote.quantity,
      netWeightGrams: Number(reservation.weightGrams ?? 0) * order.quote.quantity,
      customsValue: { amount: order.quote.item.amount, currency: order.quote.item.currency },
    },
    charges: {
      currency: quote.currency,
      item: money(quote.converted.item),
      shipping: money(quote.converted.shipping),
      duties: money(quote.converted.duties),
      taxes: money(quote.converted.taxes),
      fees: money(quote.fees),
      total: money(quote.total),
      deMinimisApplied: quote.promise?.deMinimisApplied ?? null,
    },
    fx: { date: quote.rates.date, source: quote.rates.source, perEuro: { ...quote.rates.perEuro } },
    shipping: {
      mode: legs[0]?.mode ?? null,
      carrierId: shipment.carrierId ?? null,
      legs,
      promisedTransitDays: quote.promise?.transitDays ?? null,
    },
    payment: { provider: payment.provider ?? order.quote.paymentProvider, method: order.paymentMethod, escrow: order.escrow },
    synthetic: false,
  };
}
