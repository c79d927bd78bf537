import type { UserErrorResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { carrierOfShippingOption } from '../saga/quoteFactsOf.js';

export const UserError: UserErrorResolvers<Context> = {
  field: (error) => (error.field === null ? null : [...error.field]),
  step: (error) => error.step ?? null,
  /**
   * Asked only when the client selects it: the offer's shipping options to the same destination,
   * quoted by logistics now, without the option that failed and others of its carrier. A lookup
   * that fails names no alternatives rather than failing the answer.
   */
  async alternatives(error, _args, { participants, logger }) {
    const order = error.failedOrder;
    if (order === undefined || participants.shippingAlternatives === undefined) return [];
    const failedCarrier = carrierOfShippingOption(order.quote.shippingOptionId);
    try {
      const options = await participants.shippingAlternatives({
        offerId: order.quote.offerId,
        to: order.quote.destinationCountry,
        quantity: order.quote.quantity,
      });
      return options
        .filter((option) => option.shippingOptionId !== order.quote.shippingOptionId && option.carrierId !== failedCarrier)
        .map((option) => ({ ...option, offer: { id: option.offerId } }));
    } catch (lookupError) {
      logger.warn('could not list shipping alternatives for a failed booking', { orderId: order.id, error: lookupError });
      return [];
    }
  },
};
