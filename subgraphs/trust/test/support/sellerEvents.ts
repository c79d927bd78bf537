import { randomUUID } from 'node:crypto';
import type { OrderEvent, OrderEventOf, OrderTrade } from '#packages/events/index.js';

const DAY_MS = 86_400_000;

/** A global seller id as the catalog writes it. */
export const sellerId = (marketplaceId: string, nativeId: string) =>
  Buffer.from(`Seller:${marketplaceId}:${nativeId}`).toString('base64url');

/** The story of one order of a seller's, as the orders service would publish it. */
export interface OrderStory {
  readonly seller: string;
  readonly marketplace: string;
  readonly confirmedAt: number;
  /** Days from pickup to delivery; absent: not delivered. */
  readonly transitDays?: number;
  /** The most the quote promised. Default 10. */
  readonly promisedMax?: number;
  readonly dispute?: 'REFUND' | 'RELEASE' | 'OPEN';
  readonly cancelledBy?: 'SELLER' | 'BUYER';
}

/** The events of an order's story, in the order they happen. */
export function eventsOf(story: OrderStory): OrderEvent[] {
  const orderId = `ord_${randomUUID()}`;
  const iso = (ms: number) => new Date(ms).toISOString();
  const envelope = <T extends OrderEvent['type']>(type: T, at: number, data: OrderEventOf<T>['data']) =>
    ({ id: randomUUID(), type, version: 1, orderId, occurredAt: iso(at), data }) as OrderEventOf<T>;
  const trade: OrderTrade = {
    marketplace: { id: story.marketplace, name: story.marketplace },
    seller: { id: story.seller, name: 'A seller', country: 'KE' },
    origin: { country: 'KE', region: 'Africa' },
    destination: { country: 'DE', region: 'Europe' },
    goods: {
      description: 'Kiondo basket',
      hsCode: '460219',
      quantity: 1,
      netWeightGrams: 600,
      customsValue: { amount: '3500', currency: 'KES' },
    },
    charges: {
      currency: 'EUR',
      item: { amount: '25.00', currency: 'EUR' },
      shipping: { amount: '12.00', currency: 'EUR' },
      duties: { amount: '0.00', currency: 'EUR' },
      taxes: { amount: '7.03', currency: 'EUR' },
      fees: { amount: '1.10', currency: 'EUR' },
      total: { amount: '45.13', currency: 'EUR' },
      deMinimisApplied: false,
    },
    fx: { date: '2026-11-02', source: 'European Central Bank', perEuro: { KES: '140.00' } },
    shipping: { mode: 'POSTAL', carrierId: 'post-intl', legs: [], promisedTransitDays: { min: 5, max: story.promisedMax ?? 10 } },
    payment: { provider: 'cardnet', method: 'CARD', escrow: true },
    synthetic: false,
  };
  const at = story.confirmedAt;
  const events: OrderEvent[] = [envelope('order.confirmed', at, { trade, placedAt: iso(at), confirmedAt: iso(at) })];
  if (story.cancelledBy) {
    events.push(envelope('order.cancelled', at + DAY_MS, { reason: 'out of stock', cancelledAt: iso(at + DAY_MS), by: story.cancelledBy }));
    return events;
  }
  const pickup = at + DAY_MS;
  if (story.transitDays !== undefined) {
    const delivered = pickup + story.transitDays * DAY_MS;
    events.push(
      envelope('shipment.delivered', delivered, {
        trade,
        shipmentId: `shp_${orderId}`,
        dispatchedAt: iso(pickup),
        deliveredAt: iso(delivered),
      }),
    );
  }
  if (story.dispute) {
    const opened = pickup + 20 * DAY_MS;
    events.push(envelope('dispute.opened', opened, { disputeId: `dsp_${orderId}`, reason: 'NOT_AS_DESCRIBED', openedAt: iso(opened) }));
    if (story.dispute !== 'OPEN') {
      const resolved = opened + 3 * DAY_MS;
      events.push(
        envelope('dispute.resolved', resolved, { disputeId: `dsp_${orderId}`, outcome: story.dispute, resolvedAt: iso(resolved) }),
      );
    }
  }
  return events;
}
