import type { Context } from '../context.js';
import type { ExportJob } from '../store/TradeFlowStore.js';

/** An export job as the schema's `TradeFlowExport`: the link only once done, and only while it holds. */
export function exportModel(job: ExportJob, context: Pick<Context, 'exports' | 'now'>) {
  const live = job.status === 'DONE' && job.expiresAt !== null;
  return {
    id: job.id,
    status: job.status,
    format: job.format,
    progress: job.progress,
    rows: job.rowsWritten,
    url: live ? context.exports.urlOf(job.id, job.expiresAt) : null,
    expiresAt: job.expiresAt === null ? null : new Date(job.expiresAt).toISOString(),
    error: job.error,
  };
}
