import { createHmac, timingSafeEqual } from 'node:crypto';

/** The partner credentials the sandbox accepts; a real deployment is issued its own. */
export const SANDBOX_PARTNER_ID = '2001984';
export const SANDBOX_PARTNER_KEY = 'pasar-sandbox-partner-key';

/** The platform's rule for public calls: hex HMAC-SHA256 of partner_id + api_path + timestamp. */
export function expectedSign(partnerId: string, apiPath: string, timestamp: string, partnerKey: string): string {
  return createHmac('sha256', partnerKey).update(`${partnerId}${apiPath}${timestamp}`, 'utf8').digest('hex');
}

/** Compares in constant time, as a real platform must, so a sign cannot be guessed byte by byte. */
export function signMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
