import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CallerPrincipal } from './CallerPrincipal.js';
import { isTier, SCOPE_PATTERN } from './tiers.js';

/** The header the gateway sends the caller's principal in, on every subgraph request. */
export const PRINCIPAL_HEADER = 'x-tradegraph-principal';

/** How long a signed principal is accepted after it was signed; the gateway re-signs well within it. */
export const PRINCIPAL_MAX_AGE_SECONDS = 300;

const VERSION = 'v1';

/**
 * The key that signs principals, derived from the service secret so that one secret configures a
 * deployment, while a principal signature can never be replayed as the secret itself or as any
 * other signature made from it.
 */
export function principalKeyFrom(serviceSecret: string): Buffer {
  return createHmac('sha256', serviceSecret).update('tradegraph caller principal v1').digest();
}

/**
 * `v1.<signed-at seconds>.<base64url JSON>.<base64url HMAC-SHA256>`: the signature covers the
 * version, the time and the payload, so none of them can be changed or moved to another header.
 */
export function signPrincipal(principal: CallerPrincipal, key: Buffer, nowMs: number): string {
  const payload = Buffer.from(
    JSON.stringify({
      k: principal.keyId ?? null,
      t: principal.tier,
      s: principal.scopes,
      m: principal.marketplaceId ?? null,
      // only test-mode principals carry the flag, so a live principal signs as it always did
      ...(principal.testMode === true && { x: true }),
    }),
    'utf8',
  ).toString('base64url');
  const signed = `${VERSION}.${Math.floor(nowMs / 1000)}.${payload}`;
  return `${signed}.${mac(signed, key)}`;
}

export type PrincipalVerification =
  { readonly ok: true; readonly principal: CallerPrincipal } | { readonly ok: false; readonly reason: string };

/**
 * Checks a principal header: the signature first (constant time), then its age, then the payload's
 * shape. A subgraph trusts nothing in it before the signature holds.
 */
export function verifyPrincipal(header: string, key: Buffer, nowMs: number): PrincipalVerification {
  const parts = header.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) return { ok: false, reason: 'not a v1 principal' };
  const [version, signedAt, payload, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(mac(`${version}.${signedAt}.${payload}`, key), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad signature' };
  const ageSeconds = nowMs / 1000 - Number(signedAt);
  if (!Number.isFinite(ageSeconds) || ageSeconds > PRINCIPAL_MAX_AGE_SECONDS || ageSeconds < -60) {
    return { ok: false, reason: 'expired or from the future' };
  }
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'unreadable payload' };
  }
  const principal = principalOf(decoded);
  return principal === undefined ? { ok: false, reason: 'malformed payload' } : { ok: true, principal };
}

function principalOf(value: unknown): CallerPrincipal | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { k, t, s, m, x } = value as Record<string, unknown>;
  if (!(k === null || typeof k === 'string') || typeof t !== 'string' || !isTier(t)) return undefined;
  if (!Array.isArray(s) || !s.every((scope) => typeof scope === 'string' && SCOPE_PATTERN.test(scope))) return undefined;
  if (!(m === null || typeof m === 'string')) return undefined;
  if (!(x === undefined || x === true)) return undefined;
  return { keyId: k ?? undefined, tier: t, scopes: s as string[], marketplaceId: m ?? undefined, ...(x === true && { testMode: true }) };
}

function mac(text: string, key: Buffer): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
