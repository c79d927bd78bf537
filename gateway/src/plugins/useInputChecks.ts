import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, getVariableValues, type FragmentDefinitionNode } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { GatewayContext } from '../GatewayContext.js';
import { findInputProblem } from '../input/findInputProblem.js';

/**
 * Refuses, before planning, an operation whose arguments hold a country or currency code, an
 * amount or a date not in its form: `BAD_USER_INPUT` (HTTP 400) naming the argument and the form
 * it takes. A subgraph would refuse it too, but from behind the gateway, as an internal error.
 */
export function useInputChecks(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (!coerced.coerced) return; // execution reports variables that do not fit their type
          const found = findInputProblem(schema, operation, fragments, coerced.coerced);
          if (!found) return;
          throw new GraphQLError(`${found.argument}: ${found.problem}; expected ${found.accepted}`, {
            extensions: {
              code: ErrorCode.BAD_USER_INPUT,
              argumentName: found.argument,
              accepted: found.accepted,
              http: { status: 400, headers: new HeaderMap() },
            },
          });
        },
      };
    },
  };
}
