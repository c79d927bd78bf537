import type { z } from 'zod';
import { UpstreamError } from '#packages/errors/index.js';
import {
  createClientCredentialsTokens,
  createUpstreamClient,
  type HttpMethod,
  type TokenProvider,
  type UpstreamClient,
  type UpstreamResponse,
} from '#packages/http/index.js';
import type { Logger } from '#packages/log/index.js';
import { refusedWrite } from '../MarketplaceRefusal.js';
import type { ConnectorMarketplace } from './ConnectorMarketplace.js';
import { ErrorBody, type ErrorCodeWord } from './protocol.js';
import { signRequest } from './signRequest.js';
import { WRITE_REFUSALS } from './writeRefusals.js';

export interface ConnectorCall<T> {
  /** The protocol's operationId, for messages and logs. */
  readonly operation: string;
  readonly method: HttpMethod;
  /** Relative to the base URL, query included (it is signed as sent). */
  readonly path: string;
  readonly body?: unknown;
  /** Present on writes: sent as `Idempotency-Key`, and the write may then be retried. */
  readonly idempotencyKey?: string;
  /** What a 2xx answer must be. */
  readonly answer: z.ZodType<T>;
  readonly signal?: AbortSignal | undefined;
}

export interface ConnectorClient {
  call<T>(request: ConnectorCall<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * Speaks the connector protocol to one marketplace: signs each request (or carries an OAuth token,
 * renewed once on a 401), reads answers strictly against the protocol, and turns the error
 * envelope into our errors. An answer off the protocol is a `bad-response` whose message names the
 * first field that is wrong: it is the marketplace's developers who read it, in `sources`.
 */
export function createConnectorClient(entry: ConnectorMarketplace, options: { logger: Logger; timeoutMs: number }): ConnectorClient {
  const id = entry.marketplace.id;
  const client = createUpstreamClient({
    upstream: id,
    baseUrl: entry.baseUrl,
    timeoutMs: options.timeoutMs,
    retries: 1,
    logger: options.logger,
  });
  const basePath = new URL(entry.baseUrl).pathname.replace(/\/$/, '');
  const { credentials } = entry;
  let tokenClient: UpstreamClient | undefined;
  let tokens: TokenProvider | undefined;
  if (credentials.scheme === 'oauth2') {
    const tokenUrl = new URL(credentials.tokenUrl);
    tokenClient = createUpstreamClient({ upstream: id, baseUrl: tokenUrl.origin, timeoutMs: options.timeoutMs, retries: 1 });
    tokens = createClientCredentialsTokens(tokenClient, {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      path: tokenUrl.pathname + tokenUrl.search,
      clientAuthentication: 'basic',
      scope: credentials.scope,
    });
  }

  async function send<T>(request: ConnectorCall<T>, body: string): Promise<UpstreamResponse> {
    const headers: Record<string, string> = {};
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.idempotencyKey !== undefined) headers['idempotency-key'] = request.idempotencyKey;
    switch (credentials.scheme) {
      case 'hmac':
        Object.assign(headers, signRequest(credentials, { method: request.method, target: basePath + request.path, body }));
        break;
      case 'oauth2': {
        const token = await tokens!.token(request.signal);
        headers.authorization = `Bearer ${token}`;
        const response = await attempt(request, headers, body);
        if (response.status !== 401) return response;
        tokens!.invalidate(token); // expired early, or revoked: one fresh token, then the answer stands
        headers.authorization = `Bearer ${await tokens!.token(request.signal)}`;
        break;
      }
      case 'missing':
        throw new UpstreamError({
          upstream: id,
          failure: 'rejected',
          message: `${id} has no credentials: set ${credentials.variables.join(', ')} (its MARKETPLACES_FILE entry names them)`,
        });
    }
    return attempt(request, headers, body);
  }

  const attempt = <T>(request: ConnectorCall<T>, headers: Record<string, string>, body: string) =>
    client.request({
      method: request.method,
      path: request.path,
      headers,
      ...(request.body !== undefined && { body }),
      idempotent: request.method === 'GET' || request.idempotencyKey !== undefined,
      signal: request.signal,
    });

  return {
    async call(request) {
      const body = request.body === undefined ? '' : JSON.stringify(request.body);
      const response = await send(request, body);
      if (response.status >= 200 && response.status < 300) return read(id, request, response, request.answer);
      const error = read(id, request, response, ErrorBody).error;
      throw failureOf(id, request, response.status, error.code, error.message);
    },
    async close() {
      await Promise.all([client.close(), tokenClient?.close()]);
    },
  };
}

function read<T>(id: string, request: ConnectorCall<unknown>, response: UpstreamResponse, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw offProtocol(id, request, response.status, 'the body is not JSON', response.text);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where =
    issue.path.length === 0
      ? 'the body'
      : issue.path
          .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
          .join('')
          .replace(/^\./, '');
  throw offProtocol(id, request, response.status, `${where}: ${issue.message}`, response.text);
}

function offProtocol(id: string, request: ConnectorCall<unknown>, status: number, problem: string, text: string): UpstreamError {
  return new UpstreamError({
    upstream: id,
    failure: 'bad-response',
    status,
    message: `${id} answered ${request.operation} off the connector protocol (HTTP ${status}, ${problem})`,
    detail: text.slice(0, 500),
  });
}

function failureOf(id: string, request: ConnectorCall<unknown>, status: number, code: ErrorCodeWord, message: string): UpstreamError {
  if (request.idempotencyKey !== undefined && Object.hasOwn(WRITE_REFUSALS, code)) {
    return refusedWrite({
      upstream: id,
      operation: request.operation,
      code,
      refusals: WRITE_REFUSALS,
      status,
      detail: message,
    });
  }
  const refusedCredentials = code === 'UNAUTHENTICATED';
  return new UpstreamError({
    upstream: id,
    failure: code === 'INTERNAL' || code === 'UNAVAILABLE' ? 'unavailable' : 'rejected',
    status,
    message: refusedCredentials ? `${id} refused our credentials (${message})` : `${id} refused ${request.operation}: ${code}`,
    detail: message,
  });
}
