import { UpstreamError } from '../errors/index.js';
import { asNonEmptyString, asNonNegativeInteger, asRecord, parseJson } from '../validate/index.js';
import type { UpstreamClient } from './createUpstreamClient.js';

export interface TokenProvider {
  /** A token that is valid now; fetched once and shared by concurrent callers. */
  token(signal?: AbortSignal): Promise<string>;
  /** Forgets a token the vendor refused, so the next `token()` fetches a new one. */
  invalidate(token: string): void;
}

export interface ClientCredentials {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The token endpoint's path on `client`'s base URL. */
  readonly path: string;
  /** How the client authenticates (RFC 6749 §2.3.1): HTTP Basic, or `client_id`/`client_secret` in the form. */
  readonly clientAuthentication: 'basic' | 'form';
  readonly scope?: string;
}

/**
 * OAuth 2.0 client-credentials tokens (RFC 6749 §4.4), renewed shortly before they expire
 * rather than after a request has failed.
 */
export function createClientCredentialsTokens(client: UpstreamClient, credentials: ClientCredentials): TokenProvider {
  let current: { token: string; renewAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(signal?: AbortSignal): Promise<string> {
    const requestedAt = Date.now();
    const form = new URLSearchParams({ grant_type: 'client_credentials' });
    if (credentials.scope !== undefined) form.set('scope', credentials.scope);
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (credentials.clientAuthentication === 'basic') {
      // §2.3.1: both parts form-encoded before they are joined, so a ':' in the id survives.
      const pair = `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`;
      headers.authorization = `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
    } else {
      form.set('client_id', credentials.clientId);
      form.set('client_secret', credentials.clientSecret);
    }
    const response = await client.request({
      method: 'POST',
      path: credentials.path,
      headers,
      body: form.toString(),
      idempotent: true, // asking for a token twice is harmless
      signal,
    });
    if (response.status !== 200) {
      throw new UpstreamError({
        upstream: client.upstream,
        failure: 'rejected',
        status: response.status,
        message: `${client.upstream} refused our client credentials (HTTP ${response.status})`,
        detail: response.text.slice(0, 300),
      });
    }
    try {
      const body = asRecord(parseJson(response.text), '$');
      const token = asNonEmptyString(body.access_token, '$.access_token');
      const lifetimeMs = asNonNegativeInteger(body.expires_in, '$.expires_in') * 1000;
      // Renew at 90% of the lifetime, counted from when we asked: clocks and networks lag.
      current = { token, renewAt: requestedAt + lifetimeMs * 0.9 };
      return token;
    } catch (error) {
      throw new UpstreamError({
        upstream: client.upstream,
        failure: 'bad-response',
        message: `${client.upstream} sent an unreadable token`,
        cause: error,
      });
    }
  }

  return {
    token(signal) {
      if (current && Date.now() < current.renewAt) return Promise.resolve(current.token);
      pending ??= fetchToken(signal).finally(() => {
        pending = undefined;
      });
      return pending;
    },
    invalidate(token) {
      if (current?.token === token) current = undefined;
    },
  };
}
