import type { ShippingOptionResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { computeWithRates } from './computeWithRates.js';
import { consignmentFromRepresentation } from './consignmentFromRepresentation.js';

/**
 * Customs extends logistics' ShippingOption. The representation already carries everything the
 * charges depend on (`@requires`), so resolving a reference is the representation itself and a
 * page of 50 options costs no upstream call beyond one (cached) set of reference rates.
 */
export const ShippingOption: ShippingOptionResolvers<Context> = {
  __resolveReference: (representation) => representation,
  importCharges: (option, _args, context) => computeWithRates(consignmentFromRepresentation(option, context.today()), context, null),
};
