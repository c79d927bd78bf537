import type { CarrierAdapter } from '../adapters/ports.js';
import type { ShipmentModel } from '../models.js';
import { toShipmentId, type ShipmentLegRef } from './shipmentId.js';

/** A shipment from its legs; a carrier since removed from the registry still shows by its id. */
export function shipmentModel(legs: readonly ShipmentLegRef[], carriers: readonly CarrierAdapter[]): ShipmentModel {
  return {
    id: toShipmentId(legs),
    labels: legs.map((leg) => ({
      carrier: carriers.find((adapter) => adapter.carrier.id === leg.carrierId)?.carrier ?? {
        id: leg.carrierId,
        name: leg.carrierId,
        modes: [],
      },
      trackingNumber: leg.trackingNumber,
      mode: leg.mode,
      from: leg.from,
      to: leg.to,
    })),
  };
}
