import type { QueryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { computeWithRates } from './computeWithRates.js';
import { readImportChargesInput } from './readImportChargesInput.js';
import { restrictedCharges } from './restrictedCharges.js';

export const Query: QueryResolvers<Context> = {
  async estimateImportCharges(_parent, { input }, context) {
    const consignment = readImportChargesInput(input, context.rules, context.today());
    const charges = await computeWithRates(consignment, context, 'input');
    const lithium = input.items.map((item) => item.containsLithiumBattery ?? false);
    return restrictedCharges(charges, consignment, lithium);
  },
};
