import { UpstreamError } from '#packages/errors/index.js';
import type { Logger } from '#packages/log/index.js';
import type { LabelGoods, LabelRecord, PostalAddress } from '../adapters/ports.js';
import { iossNumberFor } from './iossNumberFor.js';
import type { PlannedLabel } from './planShipmentLegs.js';
import type { ShipmentLegRef } from './shipmentId.js';
import { toCarrierError } from './toCarrierError.js';

export interface ShipmentBooking {
  readonly labels: readonly PlannedLabel[];
  readonly shipFrom: PostalAddress;
  readonly shipTo: PostalAddress;
  readonly goods: LabelGoods;
  /** The parcel's weight, all units. */
  readonly weightGrams: number;
  readonly iossNumber: string | null | undefined;
  readonly idempotencyKey: string;
}

/**
 * Books every leg, in order: a line haul first (to its hub, the buyer as consignee), then the last
 * mile from the hub the line named, told which parcel the line hands over. Leg n's idempotency key
 * is `<key>:<n>`, so a repeated call books no label twice and returns the same legs.
 *
 * If a later leg fails, the legs already booked are cancelled (key `<key>:undo:<n>`) before the
 * error is thrown: no label is left without its shipment. That error says `retryable: false` and
 * lists `cancelledLegs`: the key is spent (its first leg is void), book again with a new one.
 */
export async function bookShipment(booking: ShipmentBooking, logger: Logger): Promise<ShipmentLegRef[]> {
  const booked: Array<{ plan: PlannedLabel; label: LabelRecord; leg: ShipmentLegRef }> = [];
  let from = booking.shipFrom;
  for (const [index, plan] of booking.labels.entries()) {
    const previous = booked.at(-1);
    try {
      const label = await plan.adapter.createLabel({
        service: plan.service,
        from,
        to: booking.shipTo,
        weightGrams: booking.weightGrams,
        goods: booking.goods,
        iossNumber: iossNumberFor(booking.iossNumber, from.country, booking.shipTo.country),
        handover: previous && { carrierId: previous.leg.carrierId, trackingNumber: previous.leg.trackingNumber },
        idempotencyKey: `${booking.idempotencyKey}:${index + 1}`,
      });
      const leg = {
        carrierId: plan.adapter.carrier.id,
        trackingNumber: label.trackingNumber,
        mode: plan.mode,
        from: from.country,
        to: booking.shipTo.country,
      };
      booked.push({ plan, label, leg });
      // The next carrier collects where this one hands over (a line's hub); a carrier that delivers hands nothing on.
      from = label.handoverAddress ?? from;
      if (index + 1 < booking.labels.length && label.handoverAddress === undefined) {
        throw new UpstreamError({
          upstream: leg.carrierId,
          failure: 'bad-response',
          message: `${leg.carrierId} named no hand-over point for the next leg`,
        });
      }
    } catch (error) {
      if (booked.length === 0) throw toCarrierError(error, { leg: index + 1 });
      const cancelledLegs = await undo(booked, booking.idempotencyKey, logger);
      throw toCarrierError(error, { leg: index + 1, retryable: false, cancelledLegs });
    }
  }
  return booked.map(({ leg }) => leg);
}

/** Cancels the booked legs, last first; a leg that will not cancel is logged loudly and reported. */
async function undo(booked: ReadonlyArray<{ plan: PlannedLabel; leg: ShipmentLegRef }>, key: string, logger: Logger): Promise<string[]> {
  const cancelled: string[] = [];
  for (const [index, { plan, leg }] of [...booked.entries()].reverse()) {
    try {
      await plan.adapter.cancelLabel({ trackingNumber: leg.trackingNumber, idempotencyKey: `${key}:undo:${index + 1}` });
      cancelled.push(`${leg.carrierId}:${leg.trackingNumber}`);
    } catch (error) {
      logger.error('could not cancel a booked leg after a later leg failed: the label is orphaned', {
        carrier: leg.carrierId,
        trackingNumber: leg.trackingNumber,
        error,
      });
    }
  }
  return cancelled;
}
