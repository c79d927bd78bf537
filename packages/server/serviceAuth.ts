import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { GraphQLError } from 'graphql';
import { ConfigError } from '../config/index.js';
import { ErrorCode } from '../errors/index.js';

/** The header `orders` sends the shared service secret in. */
export const SERVICE_SECRET_HEADER = 'x-service-secret';
/** What `SERVICE_SECRET` means when unset outside production, so the dev stack works with no set-up. */
export const DEVELOPMENT_SERVICE_SECRET = 'tradegraph-dev-service-secret';

/**
 * The secret internal callers must present. Production must configure it (the development default
 * is public, in this file); elsewhere the default lets the stack run with no set-up.
 */
export function loadServiceSecret(config: { readonly SERVICE_SECRET: string | undefined; readonly NODE_ENV: string }): string {
  if (config.SERVICE_SECRET !== undefined) return config.SERVICE_SECRET;
  if (config.NODE_ENV === 'production') throw new ConfigError('SERVICE_SECRET', 'is required in production');
  return DEVELOPMENT_SERVICE_SECRET;
}

/** Whether a request carries the service secret; compared in constant time, so it cannot be guessed byte by byte. */
export function isServiceCaller(headers: IncomingHttpHeaders, secret: string): boolean {
  const given = headers[SERVICE_SECRET_HEADER];
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(secret, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Refuses an internal operation to a caller without the secret (clients through the gateway never have it). */
export function assertServiceCaller(context: { readonly serviceCaller: boolean }): void {
  if (!context.serviceCaller) {
    throw new GraphQLError(`This operation is internal: send the service secret in ${SERVICE_SECRET_HEADER}`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
}
