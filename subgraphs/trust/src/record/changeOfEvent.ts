import type { OrderEvent } from '#packages/events/index.js';
import type { TrackRecordChange } from './TrackRecordStore.js';

/**
 * What an order event changes in its seller's record. Delivery is on time when the calendar days
 * from the carrier's pickup scan to its delivery scan (UTC dates, as carriers count them) do not
 * exceed the most the quote promised; without a pickup scan or a promise, timeliness is unknown.
 */
export function changeOfEvent(event: OrderEvent): TrackRecordChange | undefined {
  switch (event.type) {
    case 'order.confirmed': {
      const { trade, confirmedAt } = event.data;
      if (trade.synthetic) return undefined;
      return {
        kind: 'confirmed',
        orderId: event.orderId,
        sellerId: trade.seller.id,
        marketplaceId: trade.marketplace.id,
        confirmedAt: Date.parse(confirmedAt),
      };
    }
    case 'shipment.delivered': {
      const { dispatchedAt, deliveredAt, trade } = event.data;
      const promised = trade.shipping.promisedTransitDays;
      const onTime = dispatchedAt === null || promised === null ? null : calendarDays(dispatchedAt, deliveredAt) <= promised.max;
      return { kind: 'delivered', orderId: event.orderId, onTime };
    }
    case 'order.cancelled':
      return event.data.by === 'SELLER' ? { kind: 'cancelledBySeller', orderId: event.orderId } : undefined;
    // a connector marketplace's own report that its seller cancelled counts the same
    case 'order.marketplace_status':
      return event.data.status === 'CANCELLED' && event.data.cancelledBy === 'SELLER'
        ? { kind: 'cancelledBySeller', orderId: event.orderId }
        : undefined;
    case 'dispute.opened':
      return { kind: 'dispute', orderId: event.orderId, dispute: 'OPEN' };
    case 'dispute.resolved':
      return { kind: 'dispute', orderId: event.orderId, dispute: event.data.outcome === 'REFUND' ? 'LOST' : 'WON' };
    case 'return.requested':
      return { kind: 'returned', orderId: event.orderId, sellerAtFault: event.data.sellerAtFault };
    case 'order.failed':
    case 'shipment.dispatched':
    case 'payment.captured':
    case 'payment.refunded':
    case 'escrow.released':
      return undefined;
    default:
      throw new Error(`unknown order event ${JSON.stringify(event satisfies never)}`);
  }
}

function calendarDays(from: string, to: string): number {
  const day = (instant: string) => Math.floor(Date.parse(instant) / 86_400_000);
  return day(to) - day(from);
}
