import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { SandboxRequest } from '#packages/sandbox/index.js';

/** What Soko issued Tradegraph for its sandbox (a real deployment is issued its own): a signing key, and OAuth client credentials. */
export const SANDBOX_KEY_ID = 'soko-sandbox';
export const SANDBOX_SECRET = 'soko-sandbox-signing-secret-7c41e0a9d25b';
export const SANDBOX_CLIENT_ID = 'soko-sandbox-client';
export const SANDBOX_CLIENT_SECRET = 'soko-sandbox-client-secret-93fd';

/** Soko refuses a signature more than five minutes from its clock, as the protocol asks. */
const WINDOW_SECONDS = 300;

/**
 * Checks a request signed as the connector protocol says (TGC1-HMAC-SHA256 over key id, timestamp,
 * method, target and body hash). The sandbox sees the query already parsed, so it rebuilds the
 * target form-encoded, which is how Tradegraph's connector writes every query.
 */
export function verifySignature(request: SandboxRequest): string | undefined {
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === 'string' ? value : undefined;
  };
  const keyId = header('x-connector-key-id');
  const timestamp = header('x-connector-timestamp') ?? '';
  const signature = header('x-connector-signature') ?? '';
  if (keyId === undefined) return 'X-Connector-Key-Id is missing';
  if (keyId !== SANDBOX_KEY_ID) return 'unknown key id';
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > WINDOW_SECONDS) {
    return `X-Connector-Timestamp must be within ${WINDOW_SECONDS} seconds of the server's clock`;
  }
  const query = request.query.toString();
  const target = query === '' ? request.path : `${request.path}?${query}`;
  const bodyHash = createHash('sha256').update(request.body, 'utf8').digest('hex');
  const signed = ['TGC1-HMAC-SHA256', keyId, timestamp, request.method, target, bodyHash].join('\n');
  const expected = `v1=${createHmac('sha256', SANDBOX_SECRET).update(signed, 'utf8').digest('hex')}`;
  const given = Buffer.from(signature, 'utf8');
  const wanted = Buffer.from(expected, 'utf8');
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? undefined : 'signature does not match the request';
}

/** Signs a callback to Tradegraph the same way (the marketplace is the signer this time). */
export function signCallback(target: string, body: string, now = Date.now()): Record<string, string> {
  const timestamp = String(Math.floor(now / 1000));
  const bodyHash = createHash('sha256').update(body, 'utf8').digest('hex');
  const signed = ['TGC1-HMAC-SHA256', SANDBOX_KEY_ID, timestamp, 'POST', target, bodyHash].join('\n');
  return {
    'x-connector-key-id': SANDBOX_KEY_ID,
    'x-connector-timestamp': timestamp,
    'x-connector-signature': `v1=${createHmac('sha256', SANDBOX_SECRET).update(signed, 'utf8').digest('hex')}`,
  };
}
