import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';

/** The API key id webhooks belong to; a request without a key is refused. */
export function requireKey(principal: CallerPrincipal | undefined): string {
  if (principal?.keyId === undefined) {
    throw new GraphQLError('Webhooks belong to an API key: send one (x-api-key) to register or list them', {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return principal.keyId;
}
