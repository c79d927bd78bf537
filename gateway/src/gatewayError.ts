import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';

/**
 * The gateway's own refusals, on top of the platform's `ErrorCode`s (UNAUTHENTICATED, FORBIDDEN).
 * Names follow Apollo Router's where it has one, so clients written for either read them alike.
 */
export const GatewayErrorCode = {
  RATE_LIMITED: 'RATE_LIMITED',
  COST_ESTIMATED_TOO_EXPENSIVE: 'COST_ESTIMATED_TOO_EXPENSIVE',
  MAX_DEPTH_LIMIT: 'MAX_DEPTH_LIMIT',
  MAX_ALIASES_LIMIT: 'MAX_ALIASES_LIMIT',
  /** Too many fields that each call many upstreams (`search`) in one operation. */
  MAX_FAN_OUT_FIELDS_LIMIT: 'MAX_FAN_OUT_FIELDS_LIMIT',
  PERSISTED_QUERY_NOT_IN_LIST: 'PERSISTED_QUERY_NOT_IN_LIST',
  /**
   * A subgraph gave no answer (connection refused or dropped, timeout): send the operation again,
   * a mutation with the same idempotency key. `extensions.retryable` is true.
   */
  RETRYABLE: 'RETRYABLE',
  /** The query text is longer than MAX_QUERY_LENGTH (refused before parsing). */
  MAX_QUERY_LENGTH_LIMIT: 'MAX_QUERY_LENGTH_LIMIT',
  /** A string literal in the query is longer than MAX_STRING_LITERAL_LENGTH (refused before parsing). */
  MAX_STRING_LITERAL_LIMIT: 'MAX_STRING_LITERAL_LIMIT',
} as const;

export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

/** Codes safe to show in production as they are (they describe the request, never the servers). */
export const PUBLIC_GATEWAY_ERROR_CODES: readonly string[] = Object.values(GatewayErrorCode);

/**
 * A refusal of the whole request, with the HTTP status (and headers) Apollo Server answers with.
 * Thrown from the context factory or a `didResolveOperation` hook, it stops the request before
 * any subgraph is called.
 */
export function gatewayError(
  message: string,
  init: {
    code: GatewayErrorCode | typeof ErrorCode.UNAUTHENTICATED | typeof ErrorCode.FORBIDDEN;
    status: number;
    headers?: ReadonlyArray<readonly [string, string]>;
    details?: Record<string, unknown>;
  },
): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: init.code,
      ...init.details,
      http: { status: init.status, headers: new HeaderMap(init.headers?.map(([name, value]) => [name, value])) },
    },
  });
}
