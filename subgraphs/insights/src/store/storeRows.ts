import type { DeadLetter } from '#packages/events/index.js';
import type { ExportJob, ExportJobPatch, SqlRow } from './TradeFlowStore.js';

export const EXPORT_JOB_COLUMNS = [
  'id',
  'owner',
  'status',
  'format',
  'request',
  'progress',
  'rows_written',
  'path',
  'expires_at',
  'error',
  'created_at',
  'updated_at',
  'lease_until',
] as const;

export function exportJobValues(job: ExportJob): Array<string | number | null> {
  return [
    job.id,
    job.owner,
    job.status,
    job.format,
    job.request,
    job.progress,
    job.rowsWritten,
    job.path,
    job.expiresAt,
    job.error,
    job.createdAt,
    job.updatedAt,
    job.leaseUntil,
  ];
}

const num = (value: SqlRow[string] | undefined): number | null => (value === null || value === undefined ? null : Number(value));

export function toExportJob(row: SqlRow): ExportJob {
  return {
    id: String(row.id),
    owner: String(row.owner),
    status: String(row.status) as ExportJob['status'],
    format: String(row.format) as ExportJob['format'],
    request: String(row.request),
    progress: Number(row.progress),
    rowsWritten: num(row.rows_written),
    path: row.path == null ? null : String(row.path),
    expiresAt: num(row.expires_at),
    error: row.error == null ? null : String(row.error),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    leaseUntil: Number(row.lease_until),
  };
}

/** `SET` pairs for a patch, `updated_at` last. */
export function exportJobAssignments(patch: ExportJobPatch, now: number): Array<[string, string | number | null]> {
  const pairs: Array<[string, string | number | null]> = [];
  if (patch.status !== undefined) pairs.push(['status', patch.status]);
  if (patch.progress !== undefined) pairs.push(['progress', patch.progress]);
  if (patch.rowsWritten !== undefined) pairs.push(['rows_written', patch.rowsWritten]);
  if (patch.path !== undefined) pairs.push(['path', patch.path]);
  if (patch.expiresAt !== undefined) pairs.push(['expires_at', patch.expiresAt]);
  if (patch.error !== undefined) pairs.push(['error', patch.error]);
  if (patch.leaseUntil !== undefined) pairs.push(['lease_until', patch.leaseUntil]);
  pairs.push(['updated_at', now]);
  return pairs;
}

/** A row of `event_dead_letters` read back. */
export function toDeadLetter(row: SqlRow): DeadLetter & { receivedAt: number } {
  return {
    eventId: row.event_id == null ? null : String(row.event_id),
    source: String(row.source),
    payload: String(row.payload),
    error: String(row.error),
    receivedAt: Number(row.received_at),
  };
}
