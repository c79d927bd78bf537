import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_WINDOW_SECONDS } from './protocol.js';

export const SIGNATURE_HEADERS = {
  keyId: 'x-connector-key-id',
  timestamp: 'x-connector-timestamp',
  signature: 'x-connector-signature',
} as const;

export interface SignedRequest {
  readonly method: string;
  /** The path and query exactly as on the request line, e.g. `/v1/listings?ids=a,b`. */
  readonly target: string;
  readonly body: string;
}

/**
 * The protocol's string to sign (openapi.yaml, *Authentication*): scheme, key id, timestamp,
 * method, request target and the body's SHA-256, one per line. Method, target and body are all
 * in it, so a signature is good for one request only; the timestamp bounds replays.
 */
export function stringToSign(keyId: string, timestamp: string, request: SignedRequest): string {
  const bodyHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
  return ['TGC1-HMAC-SHA256', keyId, timestamp, request.method.toUpperCase(), request.target, bodyHash].join('\n');
}

/** The three headers of a signed request. */
export function signRequest(
  credentials: { keyId: string; secret: string },
  request: SignedRequest,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const mac = createHmac('sha256', credentials.secret)
    .update(stringToSign(credentials.keyId, timestamp, request), 'utf8')
    .digest('hex');
  return {
    [SIGNATURE_HEADERS.keyId]: credentials.keyId,
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.signature]: `v1=${mac}`,
  };
}

export type SignatureVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Checks a request signed by the other side (a marketplace's status callback): the key id is the
 * one we share, the timestamp inside the window, the signature equal in constant time.
 */
export function verifySignature(
  credentials: { keyId: string; secret: string },
  headers: Readonly<Record<string, string | string[] | undefined>>,
  request: SignedRequest,
  now = Date.now(),
): SignatureVerdict {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const keyId = header(SIGNATURE_HEADERS.keyId);
  const timestamp = header(SIGNATURE_HEADERS.timestamp) ?? '';
  const signature = header(SIGNATURE_HEADERS.signature) ?? '';
  if (keyId !== credentials.keyId) return { ok: false, reason: 'unknown key id' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(now / 1000 - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    return { ok: false, reason: `timestamp outside the ${SIGNATURE_WINDOW_SECONDS}-second window` };
  }
  const expected = signRequest(credentials, request, Number(timestamp) * 1000)[SIGNATURE_HEADERS.signature]!;
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'signature does not match' };
  return { ok: true };
}
