import { userInputError } from '#packages/errors/index.js';
import type { ShipmentResolvers } from '../__generated__/resolvers.js';
import type { ParcelRecord } from '../adapters/ports.js';
import { fromShipmentId } from '../booking/shipmentId.js';
import { shipmentModel } from '../booking/shipmentModel.js';
import { summarizeTracking } from '../booking/summarizeTracking.js';
import { toCarrierError } from '../booking/toCarrierError.js';
import type { Context } from '../context.js';
import type { ShipmentModel } from '../models.js';

export const Shipment: ShipmentResolvers<Context> = {
  /** The id names every label; what happened to them is asked of the carriers, one batched call per carrier per request. */
  __resolveReference(reference, { carriers }) {
    const legs = fromShipmentId(reference.id);
    if (legs === undefined) throw userInputError(`id: "${reference.id}" is not a Shipment id`, 'id');
    return shipmentModel(legs, carriers);
  },
  trackingNumber: (shipment) => shipment.labels[0]!.trackingNumber,
  carrier: (shipment) => shipment.labels[0]!.carrier,
  labels: (shipment) => [...shipment.labels],
  tracking: async (shipment, _args, context) => summarizeTracking(await parcelsOf(shipment, context)),
  customsDocuments: async (shipment, _args, context) =>
    (await parcelsOf(shipment, context)).flatMap((parcel) => [...parcel.customsDocuments]),
  cancelled: async (shipment, _args, context) => (await parcelsOf(shipment, context)).every((parcel) => parcel.cancelled),
};

async function parcelsOf(shipment: ShipmentModel, { parcels }: Context): Promise<ParcelRecord[]> {
  try {
    return await Promise.all(
      shipment.labels.map((label) => {
        const loader = parcels.get(label.carrier.id);
        if (!loader) throw userInputError(`id: carrier "${label.carrier.id}" is not one logistics books with`, 'id');
        return loader.load(label.trackingNumber);
      }),
    );
  } catch (error) {
    throw toCarrierError(error);
  }
}
