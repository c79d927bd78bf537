import { createHash } from 'node:crypto';

/** The credentials the sandbox accepts; a real deployment gets its own from the vendor. */
export const SANDBOX_APP_KEY = 'jade-sandbox-app';
export const SANDBOX_APP_SECRET = 'jade-sandbox-secret';

/**
 * The vendor's signing rule (TOP-style): MD5 of secret + every parameter but `sign`, sorted by
 * name, each as name+value + secret, in upper-case hex.
 */
export function expectedSignature(params: URLSearchParams, secret: string): string {
  const names = [...new Set(params.keys())].filter((name) => name !== 'sign').sort();
  const joined = names.map((name) => name + (params.get(name) ?? '')).join('');
  return createHash('md5')
    .update(secret + joined + secret, 'utf8')
    .digest('hex')
    .toUpperCase();
}

/** Timestamps are China Standard Time wall-clock strings, "yyyy-MM-dd HH:mm:ss". */
export function parseChinaTimestamp(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h - 8, mi, s);
}
