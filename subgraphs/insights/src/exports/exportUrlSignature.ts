import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature of a download link: HMAC-SHA256 over the job id and the instant the link expires. */
export function exportUrlSignature(key: Buffer, jobId: string, expiresAt: number): string {
  return createHmac('sha256', key).update(`${jobId}:${expiresAt}`).digest('base64url');
}

/** The link clients download an export from: this service's `/exports?id=…`, signed, until `expiresAt`. */
export function signedExportUrl(baseUrl: string, key: Buffer, jobId: string, expiresAt: number): string {
  const url = new URL('/exports', baseUrl);
  url.searchParams.set('id', jobId);
  url.searchParams.set('expires', String(expiresAt));
  url.searchParams.set('signature', exportUrlSignature(key, jobId, expiresAt));
  return url.href;
}

/** Whether a link's signature is ours for this job and expiry; compared in constant time. */
export function isGenuineExportUrl(key: Buffer, jobId: string, expiresAt: number, signature: string): boolean {
  const expected = Buffer.from(exportUrlSignature(key, jobId, expiresAt), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
