import { HeaderMap } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** How Apollo Server formats the errors of a result: the server's own `formatError` and stack setting. */
export interface ErrorFormatting {
  readonly formatError: ((formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) | undefined;
  readonly includeStacktraceInErrorResponses: boolean;
  readonly status400ForVariableCoercionErrors: boolean;
}

/**
 * The settings an Apollo Server formats errors with, read from the server itself so that the lean
 * request path masks and shapes errors exactly as it does whatever `createApolloServer` gives it.
 * They are private to Apollo Server (its `internals`): undefined when they cannot be found, and
 * the lean path then serves nothing.
 */
export function errorFormattingOf(apollo: object): ErrorFormatting | undefined {
  const internals = (apollo as unknown as { internals?: Partial<Record<keyof ErrorFormatting, unknown>> }).internals;
  if (typeof internals !== 'object' || internals === null) return undefined;
  const { formatError, includeStacktraceInErrorResponses, status400ForVariableCoercionErrors } = internals;
  if (formatError !== undefined && typeof formatError !== 'function') return undefined;
  if (typeof includeStacktraceInErrorResponses !== 'boolean' || typeof status400ForVariableCoercionErrors !== 'boolean') return undefined;
  return {
    formatError: formatError as ErrorFormatting['formatError'],
    includeStacktraceInErrorResponses,
    status400ForVariableCoercionErrors,
  };
}

export interface FormattedErrors {
  readonly errors: GraphQLFormattedError[];
  /** The status the errors ask for (`extensions.http.status`), if any. */
  readonly status: number | undefined;
  readonly headers: HeaderMap;
}

/**
 * A result's errors as Apollo Server 5 sends them (its `normalizeAndFormatErrors`): each made a
 * GraphQLError, its code defaulted to INTERNAL_SERVER_ERROR, its `extensions.http` taken out into
 * the response's status and headers, a stack added outside production, then the server's
 * `formatError`; an error that fails to format is sent as a bare internal error. (Apollo Server
 * also turns a variable-coercion error without a code into BAD_USER_INPUT: the lean path hands
 * variables that do not coerce to Apollo Server before running, so an engine result holds none.)
 */
export function formatResultErrors(errors: readonly unknown[], formatting: ErrorFormatting): FormattedErrors {
  let status: number | undefined;
  const headers = new HeaderMap();
  const enrich = (maybeError: unknown): GraphQLFormattedError => {
    const error = asGraphQLError(maybeError);
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
    };
    const http = extensions.http;
    if (isPartialHttpHead(http)) {
      if (http.status) status = http.status;
      if (http.headers) for (const [name, value] of http.headers) headers.set(name, value);
      delete extensions.http;
    }
    if (formatting.includeStacktraceInErrorResponses) extensions.stacktrace = error.stack?.split('\n');
    return { ...error.toJSON(), extensions };
  };
  const formatted = errors.map((error) => {
    try {
      const enriched = enrich(error);
      return formatting.formatError ? formatting.formatError(enriched, error) : enriched;
    } catch (formattingError) {
      if (formatting.includeStacktraceInErrorResponses) return enrich(formattingError);
      return { message: 'Internal server error', extensions: { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR } };
    }
  });
  return { errors: formatted, status, headers };
}

function asGraphQLError(maybeError: unknown): GraphQLError {
  const error = maybeError instanceof Error ? maybeError : new GraphQLError(`Unexpected error value: ${String(maybeError)}`);
  return error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error });
}

function isPartialHttpHead(value: unknown): value is { status?: number; headers?: Map<string, string> } {
  if (typeof value !== 'object' || value === null) return false;
  const head = value as { status?: unknown; headers?: unknown };
  return (!('status' in head) || typeof head.status === 'number') && (!('headers' in head) || head.headers instanceof Map);
}
