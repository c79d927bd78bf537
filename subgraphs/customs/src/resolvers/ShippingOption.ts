import type { ShippingOptionResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { computeWithRates } from './computeWithRates.js';
import { consignmentFromRepresentation } from './consignmentFromRepresentation.js';
import { restrictedCharges } from './restrictedCharges.js';

/**
 * Customs extends logistics' ShippingOption. The representation already carries everything the
 * charges depend on (`@requires`), so resolving a reference is the representation itself and a
 * page of 50 options costs no upstream call beyond one (cached) set of reference rates.
 */
export const ShippingOption: ShippingOptionResolvers<Context> = {
  __resolveReference: (representation) => representation,
  async importCharges(option, _args, context) {
    const consignment = consignmentFromRepresentation(option, context.today());
    const charges = await computeWithRates(consignment, context, null);
    return restrictedCharges(charges, consignment, [option.consignment?.containsLithiumBattery === true]);
  },
};
