import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../GatewayContext.js';

/**
 * Refuses with HTTP 400 a request that names no operation the document holds (an unknown
 * `operationName`, or several operations and no name) or whose operation type the API does not
 * have (`subscription`). graphql-js 16 validates neither, and the executor behind the gateway
 * would fail on them as an internal error (500).
 */
export function useKnownOperation(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          const refuse = (message: string, code: string) => {
            throw new GraphQLError(message, { extensions: { code, http: { status: 400, headers: new HeaderMap() } } });
          };
          if (operation === undefined) {
            refuse(
              request.operationName
                ? `Unknown operation named "${request.operationName}".`
                : 'Must provide operation name if query contains multiple operations.',
              ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
            );
            return;
          }
          if (!schema.getRootType(operation.operation)) {
            refuse(`This API has no ${operation.operation} operations.`, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED);
          }
        },
      };
    },
  };
}
