import type { TradeFlowQuery } from '../query/TradeFlowQuery.js';
import type { ExportJob } from '../store/TradeFlowStore.js';

/** A job as asked for: PENDING, nothing written, free for any runner to claim. */
export function newExportJob(id: string, owner: string, format: ExportJob['format'], query: TradeFlowQuery, now: number): ExportJob {
  return {
    id,
    owner,
    status: 'PENDING',
    format,
    request: JSON.stringify(query),
    progress: 0,
    rowsWritten: null,
    path: null,
    expiresAt: null,
    error: null,
    createdAt: now,
    updatedAt: now,
    leaseUntil: 0,
  };
}
