import { currencyCode } from '#packages/money/index.js';
import type { ShippingOptionResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { computeLandedCost } from '../landedCost/computeLandedCost.js';
import { marketplaceOfShippingOption } from '../landedCost/marketplaceOfShippingOption.js';
import { readShippingOption } from '../landedCost/readShippingOption.js';

export const ShippingOption: ShippingOptionResolvers<Context> = {
  // Payments stores nothing about shipping options: the representation (with the `@requires`
  // fields of logistics and customs) is all there is to know.
  __resolveReference: (reference) => reference,
  async landedCost(option, { currency, paymentMethod }, context) {
    const facts = readShippingOption(option);
    const landedCost = await computeLandedCost(facts, currencyCode(currency), paymentMethod ?? null, context);
    // Counted once computed, in memory: the quote's own answer never waits for reach.
    const marketplaceId = marketplaceOfShippingOption(facts.id);
    if (landedCost != null && marketplaceId !== undefined) {
      context.reach.count({ marketplaceId, country: facts.destinationCountry, kind: 'QUOTED' });
    }
    return landedCost;
  },
};
