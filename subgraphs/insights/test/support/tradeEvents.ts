import { randomUUID } from 'node:crypto';
import { regionOf } from '#packages/countries/index.js';
import type { OrderEvent, OrderTrade } from '#packages/events/index.js';

export interface TestOrder {
  orderId?: string;
  origin?: string;
  destination?: string;
  hs?: string;
  /** Customs value, in `currency`. */
  value?: string;
  currency?: string;
  duties?: string;
  taxes?: string;
  fees?: string;
  mode?: 'POSTAL' | 'EXPRESS' | 'DEDICATED_LINE';
  marketplace?: string;
  confirmedAt?: string;
  deMinimis?: boolean;
  synthetic?: boolean;
  promisedMax?: number;
}

/** An `order.confirmed` as booking writes it, priced in EUR with rates that make 1 EUR = 1.10 USD = 8.00 CNY. */
export function confirmedEvent(order: TestOrder = {}): OrderEvent & { type: 'order.confirmed' } {
  const origin = order.origin ?? 'CN';
  const destination = order.destination ?? 'DE';
  const eur = (amount: string) => ({ amount, currency: 'EUR' });
  const trade: OrderTrade = {
    marketplace: { id: order.marketplace ?? 'cn-jademarket', name: 'Jade Market' },
    seller: { id: 'seller-1', name: 'Seller', country: origin },
    origin: { country: origin, region: regionOf(origin)! },
    destination: { country: destination, region: regionOf(destination)! },
    goods: {
      description: 'T-shirt',
      hsCode: order.hs ?? '610910',
      quantity: 2,
      netWeightGrams: 400,
      customsValue: { amount: order.value ?? '80.00', currency: order.currency ?? 'CNY' },
    },
    charges: {
      currency: 'EUR',
      item: eur('10.00'),
      shipping: eur('5.00'),
      duties: eur(order.duties ?? '1.20'),
      taxes: eur(order.taxes ?? '3.04'),
      fees: eur(order.fees ?? '0.76'),
      total: eur('20.00'),
      deMinimisApplied: order.deMinimis ?? false,
    },
    fx: { date: '2026-11-02', source: 'Test rates', perEuro: { CNY: '8.00', USD: '1.10' } },
    shipping: {
      mode: order.mode ?? 'POSTAL',
      carrierId: 'post-intl',
      legs: [{ carrierId: 'post-intl', mode: order.mode ?? 'POSTAL', from: origin, to: destination }],
      promisedTransitDays: { min: 5, max: order.promisedMax ?? 10 },
    },
    payment: { provider: 'cardnet', method: 'CARD', escrow: true },
    synthetic: order.synthetic ?? false,
  };
  const at = order.confirmedAt ?? '2026-11-02T10:00:00.000Z';
  return {
    id: randomUUID(),
    type: 'order.confirmed',
    version: 1,
    orderId: order.orderId ?? `ord_${randomUUID()}`,
    occurredAt: at,
    data: { trade, placedAt: at, confirmedAt: at },
  };
}

/** The parcel of a confirmed order, delivered `days` after its pickup. */
export function deliveredEvent(confirmed: OrderEvent & { type: 'order.confirmed' }, days: number): OrderEvent {
  const dispatchedAt = Date.parse(confirmed.data.confirmedAt) + 86_400_000;
  return {
    id: randomUUID(),
    type: 'shipment.delivered',
    version: 1,
    orderId: confirmed.orderId,
    occurredAt: new Date(dispatchedAt + days * 86_400_000).toISOString(),
    data: {
      trade: confirmed.data.trade,
      shipmentId: `shp_${confirmed.orderId}`,
      dispatchedAt: new Date(dispatchedAt).toISOString(),
      deliveredAt: new Date(dispatchedAt + days * 86_400_000).toISOString(),
    },
  };
}

/** The cancellation of a confirmed order, a day after it was confirmed. */
export function cancelledEvent(confirmed: OrderEvent & { type: 'order.confirmed' }): OrderEvent {
  const at = new Date(Date.parse(confirmed.data.confirmedAt) + 86_400_000).toISOString();
  return {
    id: randomUUID(),
    type: 'order.cancelled',
    version: 1,
    orderId: confirmed.orderId,
    occurredAt: at,
    data: { reason: 'Buyer changed their mind', cancelledAt: at, by: 'BUYER' },
  };
}
