import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';

/**
 * The error for a subgraph answer that is not 2xx, as both engines raise it. A 400 is the
 * subgraph refusing the request's input (a value its scalars refuse): `BAD_USER_INPUT` with the
 * subgraph's own message and the argument it names, never the subgraph's URL. Any other status
 * keeps `@apollo/gateway`'s shape (`<status>: <statusText>`, the response in extensions, 401 and
 * 403 coded), which production masks.
 */
export function subgraphHttpError(status: number, statusText: string, body: unknown, url: string | undefined): GraphQLError {
  if (status === 400) {
    const refusal = firstError(body);
    const argumentName = refusal?.extensions?.argumentName;
    return new GraphQLError(refusal?.message ?? 'The request was refused as bad input', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(typeof argumentName === 'string' && { argumentName }) },
    });
  }
  const extensions: Record<string, unknown> = { response: { url, status, statusText, body } };
  if (status === 401) extensions.code = ErrorCode.UNAUTHENTICATED;
  else if (status === 403) extensions.code = ErrorCode.FORBIDDEN;
  return new GraphQLError(`${status}: ${statusText}`, { extensions });
}

function firstError(body: unknown): { message?: string; extensions?: Record<string, unknown> } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const errors = (body as { errors?: unknown }).errors;
  const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
  if (typeof first !== 'object' || first === null) return undefined;
  const { message, extensions } = first as { message?: unknown; extensions?: unknown };
  return {
    ...(typeof message === 'string' && { message }),
    ...(typeof extensions === 'object' && extensions !== null && { extensions: extensions as Record<string, unknown> }),
  };
}
