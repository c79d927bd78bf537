import { randomBytes } from 'node:crypto';

/** The client credentials the sandbox accepts. */
export const SANDBOX_CLIENT_ID = 'feira-sandbox-client';
export const SANDBOX_CLIENT_SECRET = 'feira-sandbox-secret';

/**
 * Access tokens that expire, as OAuth servers' do. The lifetime is short on purpose, so that
 * adapters meet expiry in ordinary use; `setTokenLifetime` lets a test make it shorter.
 */
let lifetimeSeconds = 300;
const tokens = new Map<string, number>();

export function setTokenLifetime(seconds: number): void {
  lifetimeSeconds = seconds;
}

export function issueToken(): { token: string; expiresIn: number } {
  const token = 'APP_USR-' + randomBytes(18).toString('hex');
  tokens.set(token, Date.now() + lifetimeSeconds * 1000);
  return { token, expiresIn: lifetimeSeconds };
}

export function tokenState(authorization: string | undefined): 'valid' | 'expired' | 'invalid' {
  const token = /^Bearer (\S+)$/i.exec(authorization ?? '')?.[1];
  const expiry = token === undefined ? undefined : tokens.get(token);
  if (expiry === undefined) return 'invalid';
  return Date.now() < expiry ? 'valid' : 'expired';
}
