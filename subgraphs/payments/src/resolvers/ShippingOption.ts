import { currencyCode } from '#packages/money/index.js';
import type { ShippingOptionResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { computeLandedCost } from '../landedCost/computeLandedCost.js';
import { readShippingOption } from '../landedCost/readShippingOption.js';

export const ShippingOption: ShippingOptionResolvers<Context> = {
  // Payments stores nothing about shipping options: the representation (with the `@requires`
  // fields of logistics and customs) is all there is to know.
  __resolveReference: (reference) => reference,
  landedCost: (option, { currency, paymentMethod }, context) =>
    computeLandedCost(readShippingOption(option), currencyCode(currency), paymentMethod ?? null, context),
};
