import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';

/**
 * The error for a subgraph answer that is not 2xx, as both engines raise it. A 400 is the
 * subgraph refusing the request's input (a value its scalars refuse): `BAD_USER_INPUT` with the
 * subgraph's own message and the argument it names. A 401 or 403 is the subgraph refusing the
 * caller (orders without an API key): `UNAUTHENTICATED` or `FORBIDDEN` with its message. Any
 * other status keeps `@apollo/gateway`'s shape (`<status>: <statusText>`, the response in
 * extensions), which production masks. None carries the subgraph's URL, in development either:
 * clients have no business with the addresses behind the gateway.
 */
export function subgraphHttpError(status: number, statusText: string, body: unknown): GraphQLError {
  const refusal = firstError(body);
  if (status === 400) {
    const argumentName = refusal?.extensions?.argumentName;
    return new GraphQLError(refusal?.message ?? 'The request was refused as bad input', {
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(typeof argumentName === 'string' && { argumentName }) },
    });
  }
  if (status === 401 || status === 403) {
    return new GraphQLError(refusal?.message ?? `${status}: ${statusText}`, {
      extensions: { code: status === 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.FORBIDDEN },
    });
  }
  return new GraphQLError(`${status}: ${statusText}`, { extensions: { response: { status, statusText, body } } });
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
