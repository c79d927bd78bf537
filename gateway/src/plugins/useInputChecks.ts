import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getVariableValues,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import type { GatewayContext } from '../GatewayContext.js';
import { findInputProblem, type InputProblem } from '../input/findInputProblem.js';
import { createOperationMemo, operationKey } from './createOperationMemo.js';

/**
 * Refuses, before planning, an operation whose arguments hold a country or currency code, an
 * amount or a date not in its form: `BAD_USER_INPUT` (HTTP 400) naming the argument and the form
 * it takes. A subgraph would refuse it too, but from behind the gateway, as an internal error.
 */
export function useInputChecks(checks: InputChecks = createInputChecks()): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const refusal = checks.refusal(schema, document, operation, request.operationName, request.variables);
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}

/** The argument checks' decision, shared by the Apollo Server plugin and the gateway's lean request path. */
export interface InputChecks {
  /** The error an operation with these variables gets (`BAD_USER_INPUT`, 400); undefined when its arguments are in form. */
  refusal(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null | undefined,
    variables: unknown,
  ): GraphQLError | undefined;
}

export function createInputChecks(): InputChecks {
  // a problem depends on the document, the operation and its variables only: looked for once for each
  const problems = createOperationMemo<InputProblem | undefined>();
  const findProblem = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: unknown) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], (variables ?? {}) as Record<string, unknown>);
    if (!coerced.coerced) return undefined; // execution reports variables that do not fit their type
    return findInputProblem(schema, operation, fragments, coerced.coerced);
  };
  return {
    refusal(schema, document, operation, operationName, variables) {
      const key = operationKey(operationName, (operation.variableDefinitions?.length ?? 0) > 0, variables);
      const found = problems.get(schema, document, key, () => findProblem(schema, document, operation, variables));
      if (!found) return undefined;
      return new GraphQLError(`${found.argument}: ${found.problem}; expected ${found.accepted}`, {
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          argumentName: found.argument,
          accepted: found.accepted,
          http: { status: 400, headers: new HeaderMap() },
        },
      });
    },
  };
}
