import type { QueryResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { computeWithRates } from './computeWithRates.js';
import { readImportChargesInput } from './readImportChargesInput.js';

export const Query: QueryResolvers<Context> = {
  estimateImportCharges: (_parent, { input }, context) =>
    computeWithRates(readImportChargesInput(input, context.rules, context.today()), context, 'input'),
};
