import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode, GatewayErrorCode } from '#packages/errors/index.js';

export { GatewayErrorCode } from '#packages/errors/index.js';

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
