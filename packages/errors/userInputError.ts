import { GraphQLError } from 'graphql';
import { ErrorCode } from './ErrorCode.js';

/**
 * Bad input from the caller. `argumentName` is the argument or input field at fault, as the
 * client wrote it (e.g. `first`, `filter.marketplaces`), so a client can point at it.
 */
export function userInputError(message: string, argumentName: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, argumentName },
  });
}
