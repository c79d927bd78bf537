import { randomBytes } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '#packages/sandbox/index.js';
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from './credentials.js';

const LIFETIME_SECONDS = 3600;

/**
 * Soko's OAuth 2.0 token endpoint for marketplaces that chose client credentials (RFC 6749 §4.4,
 * client authenticated with HTTP Basic, §2.3.1). Tokens live an hour, in memory.
 */
export function createTokenEndpoint() {
  const issued = new Map<string, number>();
  return {
    issue(request: SandboxRequest): SandboxResponse {
      const form = new URLSearchParams(request.body);
      if (form.get('grant_type') !== 'client_credentials') return oauthError(400, 'unsupported_grant_type');
      const [scheme, encoded] = (typeof request.headers.authorization === 'string' ? request.headers.authorization : '').split(' ');
      const [id, secret] = Buffer.from(encoded ?? '', 'base64')
        .toString('utf8')
        .split(':')
        .map((part) => decodeURIComponent(part));
      if (scheme !== 'Basic' || id !== SANDBOX_CLIENT_ID || secret !== SANDBOX_CLIENT_SECRET) return oauthError(401, 'invalid_client');
      const token = randomBytes(24).toString('base64url');
      issued.set(token, Date.now() + LIFETIME_SECONDS * 1000);
      return { body: { access_token: token, token_type: 'Bearer', expires_in: LIFETIME_SECONDS, scope: form.get('scope') ?? 'connector' } };
    },
    /** Whether a bearer token is one we issued that has not expired. */
    accepts(authorization: string | undefined): boolean {
      const token = authorization?.startsWith('Bearer ') ? authorization.slice(7) : undefined;
      const expiresAt = token === undefined ? undefined : issued.get(token);
      return expiresAt !== undefined && expiresAt > Date.now();
    },
  };
}

function oauthError(status: number, error: string): SandboxResponse {
  return { status, headers: { 'cache-control': 'no-store' }, body: { error } };
}
