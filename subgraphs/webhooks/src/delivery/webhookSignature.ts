import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The header every delivery carries: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`, as Stripe signs. */
export const SIGNATURE_HEADER = 'Tradegraph-Signature';

/** A new signing secret: `whsec_` and 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The signature header's value for `body` sent at `timestampSeconds`. */
export function signWebhookPayload(secret: string, timestampSeconds: number, body: string): string {
  return `t=${timestampSeconds},v1=${hmacOf(secret, timestampSeconds, body)}`;
}

/**
 * What a receiver does (and our tests do): recompute the HMAC over `"<t>.<raw body>"` and compare
 * in constant time; refuse a timestamp older than `toleranceSeconds`, so a captured request cannot
 * be replayed later. Any `v1` in the header may match (there is one per active secret).
 */
export function verifyWebhookSignature(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = header.split(',').map((part) => part.split('=', 2) as [string, string | undefined]);
  const timestamp = Number(parts.find(([name]) => name === 't')?.[1]);
  if (!Number.isSafeInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacOf(secret, timestamp, body), 'utf8');
  return parts
    .filter(([name]) => name === 'v1')
    .some(([, given]) => {
      const candidate = Buffer.from(given ?? '', 'utf8');
      return candidate.length === expected.length && timingSafeEqual(candidate, expected);
    });
}

function hmacOf(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}
