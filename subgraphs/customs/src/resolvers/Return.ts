import type { ReturnResolvers } from '../__generated__/resolvers.js';
import type { Context } from '../context.js';
import { importChargeReliefOf } from '../returns/importChargeReliefOf.js';

/** A return as orders represents it (`destinationCountry`, `reason` required): the relief is today's rules'. */
export const Return: ReturnResolvers<Context> = {
  importChargeRelief(parent, _args, context) {
    return importChargeReliefOf(context.rules, parent.destinationCountry, parent.reason, new Date(`${context.today()}T00:00:00Z`));
  },
};
