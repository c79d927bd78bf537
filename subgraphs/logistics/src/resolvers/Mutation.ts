import { userInputError } from '#packages/errors/index.js';
import type { MutationResolvers } from '../__generated__/resolvers.js';
import { bookReturnLabel } from '../booking/bookReturnLabel.js';
import { bookShipment } from '../booking/bookShipment.js';
import { planShipmentLegs } from '../booking/planShipmentLegs.js';
import { readGoods, readIdempotencyKey, readParty } from '../booking/readShipmentInput.js';
import { fromShipmentId } from '../booking/shipmentId.js';
import { shipmentModel } from '../booking/shipmentModel.js';
import { toCarrierError } from '../booking/toCarrierError.js';
import type { Context } from '../context.js';
import { assertServiceCaller } from '#packages/server/index.js';
import { fromShippingOptionId } from '../shipping/shippingOptionId.js';

/**
 * The booking saga's writes at the carriers (internal: service secret only). The idempotency key
 * goes to every carrier called (leg n: `<key>:<n>`), so calling twice with the same key books no
 * label twice and answers the same shipment id. Ids name every label: nothing is stored here.
 */
export const Mutation: MutationResolvers<Context> = {
  async createShipment(_parent, { input }, context) {
    assertServiceCaller(context);
    const option = fromShippingOptionId(input.shippingOptionId);
    if (option === undefined)
      throw userInputError(`input.shippingOptionId: "${input.shippingOptionId}" is not a ShippingOption id`, 'input.shippingOptionId');
    const idempotencyKey = readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
    const shipFrom = readParty(input.shipFrom, 'input.shipFrom');
    const shipTo = readParty(input.shipTo, 'input.shipTo');
    if (shipTo.country !== option.to)
      throw userInputError(`input.shipTo.country: the option was quoted to ${option.to}`, 'input.shipTo.country');
    const { goods, weightGrams } = readGoods(input.goods, 'input.goods');
    if (goods.quantity !== option.quantity) {
      throw userInputError(`input.goods.quantity: the option was quoted for ${option.quantity}`, 'input.goods.quantity');
    }
    const labels = planShipmentLegs(option, goods.originCountry, context.carriers);
    const legs = await bookShipment(
      { labels, shipFrom, shipTo, goods, weightGrams, iossNumber: input.iossNumber, idempotencyKey },
      context.logger,
    );
    context.logger.info('shipment booked', { legs: legs.map((leg) => `${leg.carrierId}:${leg.trackingNumber}`) });
    return shipmentModel(legs, context.carriers);
  },

  async createReturnShipment(_parent, { input }, context) {
    assertServiceCaller(context);
    const original = fromShipmentId(input.shipmentId);
    if (original === undefined) throw userInputError(`input.shipmentId: "${input.shipmentId}" is not a Shipment id`, 'input.shipmentId');
    const idempotencyKey = readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
    const shipFrom = readParty(input.shipFrom, 'input.shipFrom');
    const shipTo = readParty(input.shipTo, 'input.shipTo');
    // The reverse lane: from where the goods were delivered back to where they left.
    if (shipFrom.country !== original.at(-1)!.to)
      throw userInputError(`input.shipFrom.country: the goods were delivered in ${original.at(-1)!.to}`, 'input.shipFrom.country');
    if (shipTo.country !== original[0]!.from)
      throw userInputError(`input.shipTo.country: the goods left from ${original[0]!.from}`, 'input.shipTo.country');
    const reason = input.reason.trim();
    if (reason === '' || reason.length > 100) throw userInputError('input.reason: 1 to 100 characters', 'input.reason');
    const { goods, weightGrams } = readGoods(input.goods, 'input.goods');
    const leg = await bookReturnLabel(
      { original, shipFrom, shipTo, goods, weightGrams, reason, idempotencyKey },
      context.carriers,
      context.logger,
    );
    context.logger.info('return label booked', { leg: `${leg.carrierId}:${leg.trackingNumber}`, lane: `${leg.from}-${leg.to}` });
    return shipmentModel([leg], context.carriers);
  },

  async cancelShipment(_parent, { input }, context) {
    assertServiceCaller(context);
    const legs = fromShipmentId(input.shipmentId);
    if (legs === undefined) throw userInputError(`input.shipmentId: "${input.shipmentId}" is not a Shipment id`, 'input.shipmentId');
    const key = readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey');
    // Every leg is tried, last first, even when one refuses: what can be cancelled is.
    const failures: unknown[] = [];
    for (const [index, leg] of [...legs.entries()].reverse()) {
      const adapter = context.carriers.find((candidate) => candidate.carrier.id === leg.carrierId);
      try {
        if (!adapter)
          throw userInputError(`input.shipmentId: carrier "${leg.carrierId}" is not one logistics books with`, 'input.shipmentId');
        await adapter.cancelLabel({ trackingNumber: leg.trackingNumber, idempotencyKey: `${key}:${index + 1}` });
      } catch (error) {
        failures.push(toCarrierError(error, { leg: index + 1, trackingNumber: leg.trackingNumber }));
      }
    }
    if (failures.length > 0) throw failures[0];
    return shipmentModel(legs, context.carriers);
  },
};
