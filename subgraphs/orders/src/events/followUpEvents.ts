import type { OrderEvent } from '#packages/events/index.js';
import type { ShipmentTracking } from '../saga/Participants.js';
import type { FollowUpStepName } from '../saga/stepNames.js';
import type { OrderRecord, StepRecord } from '../store/OrderStore.js';
import { orderEvent } from './orderEvent.js';
import { orderTradeOf } from './orderTradeOf.js';

/** The events of a confirmed order's later stages, as the payment follower writes them with its steps. */
export interface FollowUpEvents {
  /** The parcel stage a follow-up step starts on: pickup before capture, delivery before escrow release. */
  stageSeen(step: FollowUpStepName, at: number): OrderEvent[];
  /** The payment event of a follow-up step done. */
  paymentDone(step: FollowUpStepName, at: number): OrderEvent[];
}

/**
 * Stage times are the carrier's own (its first `PICKED_UP` and `DELIVERED` scans), not when the
 * follower happened to look: transit days are measured on them.
 */
export function followUpEvents(
  order: OrderRecord,
  steps: readonly StepRecord[],
  parcel: ShipmentTracking,
  quoteKey: Buffer,
): FollowUpEvents {
  const iso = (at: number) => new Date(at).toISOString();
  const reported = (status: string, at: number) => {
    const value = parcel.firstReportedAt[status];
    return value !== undefined && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : iso(at);
  };
  const dispatchedAt = parcel.firstReportedAt.PICKED_UP;
  return {
    stageSeen(step, at) {
      const trade = orderTradeOf(order, steps, quoteKey);
      if (!trade || order.shipmentId === null) return [];
      switch (step) {
        case 'CAPTURE_PAYMENT':
          return [
            orderEvent('shipment.dispatched', order, at, {
              trade,
              shipmentId: order.shipmentId,
              dispatchedAt: reported('PICKED_UP', at),
            }),
          ];
        case 'RELEASE_ESCROW':
          return [
            orderEvent('shipment.delivered', order, at, {
              trade,
              shipmentId: order.shipmentId,
              dispatchedAt: dispatchedAt === undefined ? null : reported('PICKED_UP', at),
              deliveredAt: reported('DELIVERED', at),
            }),
          ];
        default:
          return unreachable(step);
      }
    },
    paymentDone(step, at) {
      if (order.paymentId === null) return [];
      const amount = { amount: order.total.amount, currency: order.total.currency };
      switch (step) {
        case 'CAPTURE_PAYMENT':
          return [orderEvent('payment.captured', order, at, { paymentId: order.paymentId, amount, capturedAt: iso(at) })];
        case 'RELEASE_ESCROW':
          return [orderEvent('escrow.released', order, at, { paymentId: order.paymentId, amount, releasedAt: iso(at) })];
        default:
          return unreachable(step);
      }
    },
  };
}

function unreachable(step: never): never {
  throw new Error(`no follow-up step ${String(step)}`);
}
