import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
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
          const refusal = unknownOperationRefusal(schema, operation, request.operationName);
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}

/** The error a request gets when it names no operation of its document, or one of a type the API lacks; undefined when it is fine. */
export function unknownOperationRefusal(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode | undefined,
  operationName: string | null | undefined,
): GraphQLError | undefined {
  const refuse = (message: string, code: string) =>
    new GraphQLError(message, { extensions: { code, http: { status: 400, headers: new HeaderMap() } } });
  if (operation === undefined) {
    return refuse(
      operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.',
      ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
    );
  }
  if (!schema.getRootType(operation.operation)) {
    return refuse(`This API has no ${operation.operation} operations.`, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED);
  }
  return undefined;
}
