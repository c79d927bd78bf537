import { renamedCountryInput } from '#packages/errors/index.js';
import type { QueryResolvers } from '../__generated__/resolvers.js';
import { authorizeAnalyst } from '../access/authorizeAnalyst.js';
import type { Context } from '../context.js';
import { exportModel } from '../exports/exportModel.js';
import { laneModel } from '../query/laneModel.js';
import { readCountry } from '../query/readTradeFlowArgs.js';
import { runTradeFlows } from '../query/runTradeFlows.js';
import { scopedQuery } from '../query/scopedQuery.js';

export const Query: QueryResolvers<Context> = {
  async tradeFlows(_parent, args, context) {
    const access = authorizeAnalyst(context.principal);
    const query = scopedQuery(args, access, context.hs);
    return runTradeFlows(context, query, { first: args.first ?? 100, after: args.after });
  },

  async lane(_parent, args, context) {
    const access = authorizeAnalyst(context.principal);
    const origin = renamedCountryInput(args.originCountry, 'originCountry', args.origin, 'origin');
    const destination = renamedCountryInput(args.destinationCountry, 'destinationCountry', args.destination, 'destination');
    // checked here under the name the client used; laneModel checks the codes again, as any caller's
    readCountry(origin.value, origin.path);
    readCountry(destination.value, destination.path);
    return laneModel({ ...args, origin: origin.value, destination: destination.value }, access, context);
  },

  async tradeFlowExport(_parent, { id }, context) {
    const access = authorizeAnalyst(context.principal);
    const job = await context.store.getExportJob(id);
    // Another key's job is answered like a missing one: ids are not a way to learn of others' exports.
    return job && job.owner === access.keyId ? exportModel(job, context) : null;
  },
};
