import type { QueryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { findRestrictions } from '../importCharges/findRestrictions.js';
import { computeWithRates } from './computeWithRates.js';
import { readImportChargesInput } from './readImportChargesInput.js';

export const Query: QueryResolvers<Context> = {
  async estimateImportCharges(_parent, { input }, context) {
    const consignment = readImportChargesInput(input, context.rules, context.today());
    const charges = await computeWithRates(consignment, context, 'input');
    const lithium = input.items.map((item) => item.containsLithiumBattery ?? false);
    return { ...charges, restrictions: findRestrictions(consignment, lithium) };
  },
};
