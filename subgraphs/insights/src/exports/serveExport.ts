import { createReadStream, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TradeFlowStore } from '../store/TradeFlowStore.js';
import { isGenuineExportUrl } from './exportUrlSignature.js';

/**
 * `GET /exports?id=…&expires=…&signature=…`: the file of a finished export. The link is the
 * credential (signed, for one job, until it expires), so a download tool needs no API key:
 * 403 for a link that is not ours, 410 once it has expired, 404 while the job is not done.
 */
export function serveExport(options: { store: TradeFlowStore; key: Buffer; folder: string; now?: () => number }) {
  const now = options.now ?? Date.now;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const id = url.searchParams.get('id') ?? '';
    const expires = Number(url.searchParams.get('expires'));
    const signature = url.searchParams.get('signature') ?? '';
    if (!Number.isSafeInteger(expires) || !isGenuineExportUrl(options.key, id, expires, signature))
      return plain(response, 403, 'This download link is not valid.');
    if (expires <= now()) return plain(response, 410, 'This download link has expired; request the export again.');
    const job = await options.store.getExportJob(id);
    if (!job || job.status !== 'DONE' || job.path === null) return plain(response, 404, 'This export is not ready.');
    const file = join(options.folder, job.path);
    if (!existsSync(file)) return plain(response, 410, 'This export has been removed; request it again.');
    response.statusCode = 200;
    response.setHeader('content-type', job.format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/x-tar');
    response.setHeader('content-length', statSync(file).size);
    response.setHeader('content-disposition', `attachment; filename="trade-flows-${id}.${job.format === 'CSV' ? 'csv' : 'tar'}"`);
    await new Promise<void>((resolve, reject) => createReadStream(file).on('error', reject).pipe(response).on('finish', resolve));
  };
}

function plain(response: ServerResponse, status: number, message: string): void {
  response.statusCode = status;
  response.setHeader('content-type', 'text/plain; charset=utf-8');
  response.end(message);
}
