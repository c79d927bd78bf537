import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { Context } from '../context.js';

/**
 * The API key a request acts for. Orders are private to the key that placed them, so a request
 * without one (keyless, or an internal caller with no principal) can neither place nor read any.
 */
export function ownerOf(context: Pick<Context, 'ownerKeyId'>, what: string): string {
  if (context.ownerKeyId === undefined) {
    throw new GraphQLError(`${what} needs an API key: orders are visible only to the key that placed them`, {
      extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  return context.ownerKeyId;
}
