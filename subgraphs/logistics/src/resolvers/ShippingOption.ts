import { userInputError } from '#packages/errors/index.js';
import type { ShippingOptionResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { fromShippingOptionId } from '../shipping/shippingOptionId.js';

export const ShippingOption: ShippingOptionResolvers<Context> = {
  /**
   * Options are quoted, not stored: quoting one again needs the offer's physical facts, which only
   * the catalog holds. So a reference by id alone resolves to null (after checking it is one of
   * ours); other subgraphs reach options through `Offer.shippingOptions`, where the gateway passes
   * the facts along.
   */
  __resolveReference(reference) {
    if (fromShippingOptionId(reference.id) === undefined) throw userInputError(`id: "${reference.id}" is not a ShippingOption id`, 'id');
    return null;
  },
};
