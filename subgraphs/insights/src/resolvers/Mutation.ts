import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { MutationResolvers } from '../__generated__/resolvers.js';
import { authorizeAnalyst } from '../access/authorizeAnalyst.js';
import type { Context } from '../context.js';
import { exportModel } from '../exports/exportModel.js';
import { newExportJob } from '../exports/newExportJob.js';
import { queryTradeFlowCells } from '../query/queryTradeFlowCells.js';
import { scopedQuery } from '../query/scopedQuery.js';
import type { Dimension, TradeFlowQuery } from '../query/TradeFlowQuery.js';

const TIME: readonly Dimension[] = ['MONTH', 'QUARTER', 'YEAR'];

export const Mutation: MutationResolvers<Context> = {
  async requestTradeFlowExport(_parent, args, context) {
    const access = authorizeAnalyst(context.principal);
    const asked = scopedQuery(args, access, context.hs);
    const query = withPartitionKeys(asked);
    const [first] = await queryTradeFlowCells(context.store, query, { limit: 1, offset: 0 });
    const rows = Number(first?.total_cells ?? 0);
    if (rows > context.exports.maxRows) {
      throw new GraphQLError(
        `This export would have ${rows} rows, over the cap of ${context.exports.maxRows} rows per export: narrow the filter or group by fewer dimensions`,
        { extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName: 'groupBy', rows, cap: context.exports.maxRows } },
      );
    }
    const job = newExportJob(`exp_${randomUUID()}`, access.keyId, args.format, query, context.now());
    await context.store.createExportJob(job);
    context.exports.requested();
    return exportModel(job, context);
  },
};

/** Parquet exports are partitioned by period and reporter: the month and the reporter join the grouping when absent. */
function withPartitionKeys(query: TradeFlowQuery): TradeFlowQuery {
  const groupBy = [...query.groupBy];
  if (!groupBy.some((dimension) => TIME.includes(dimension))) groupBy.unshift('MONTH');
  if (!groupBy.includes('REPORTER')) groupBy.push('REPORTER');
  return { ...query, groupBy };
}
