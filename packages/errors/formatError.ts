import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, httpStatusOf } from './ErrorCode.js';
import { errorDocsLink, isCatalogCode } from './errorCatalog.js';
import { UpstreamError } from './UpstreamError.js';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** Codes Apollo Server itself assigns; they are already safe to show. */
const SERVER_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * The one place where a thrown value becomes what a client sees. In production only our own
 * vocabulary passes through: no stack, no upstream body, no message of an unexpected error.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, options: { production: boolean }): GraphQLFormattedError {
  const original = originalError(error);
  const extensions: Record<string, unknown> = { ...formatted.extensions };

  if (original instanceof UpstreamError) {
    extensions.code = original.code;
    extensions.upstream = original.upstream;
    extensions.retryable = original.retryable;
    // never sent (connection refused, circuit open): nothing was done upstream
    if (!original.reached) extensions.reached = false;
    if (original.status !== undefined) extensions.upstreamStatus = original.status;
  }

  // An error without a code that its thrower gave a 4xx (Apollo Server's "Unsupported persisted
  // query version") is the request's fault, not ours: BAD_REQUEST, as Apollo codes its other refusals.
  // (Apollo Server has already coded it INTERNAL_SERVER_ERROR by the time it gets here.)
  const clientStatus = requestStatusOf(error);
  const uncoded = !(error instanceof GraphQLError) || error.extensions?.code === undefined;
  const code =
    uncoded && clientStatus !== undefined && clientStatus >= 400 && clientStatus < 500
      ? 'BAD_REQUEST'
      : typeof extensions.code === 'string'
        ? extensions.code
        : ErrorCode.INTERNAL_SERVER_ERROR;
  const known = KNOWN_CODES.has(code) || SERVER_CODES.has(code);

  // Each of our codes links its entry in the error-code catalog (ERRORS.md).
  if (isCatalogCode(code)) extensions.docs = errorDocsLink(code);

  // Bad input is the caller's to fix: a stack trace would only show our servers, even in development.
  if (code === ErrorCode.BAD_USER_INPUT) delete extensions.stacktrace;

  if (!options.production) {
    return { ...formatted, extensions: { ...extensions, code } };
  }

  delete extensions.stacktrace;
  delete extensions.exception;
  if (!known || code === ErrorCode.INTERNAL_SERVER_ERROR) {
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, docs: errorDocsLink(ErrorCode.INTERNAL_SERVER_ERROR) },
    };
  }
  return { ...formatted, extensions: { ...extensions, code } };
}

/** The HTTP status for a request that failed as a whole with this code. */
export function httpStatusFor(code: string): number | undefined {
  return KNOWN_CODES.has(code) ? httpStatusOf[code as ErrorCode] : undefined;
}

/** The HTTP status a thrown GraphQLError asked for (`extensions.http.status`), if any. */
function requestStatusOf(error: unknown): number | undefined {
  const http = error instanceof GraphQLError ? (error.extensions?.http as { status?: unknown } | undefined) : undefined;
  return typeof http?.status === 'number' ? http.status : undefined;
}

function originalError(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError !== undefined && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}
