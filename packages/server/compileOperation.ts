import {
  execute,
  GraphQLError,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { hoistLiteralVariables } from './hoistLiteralVariables.js';

export interface KnownOperation {
  readonly operation: OperationDefinitionNode;
  /** Whether graphql-jit compiled it; graphql-js's `execute` runs it where graphql-jit refuses it. */
  readonly compiled: boolean;
  /** Executes the operation; it throws or answers with no data where the variables do not coerce. */
  readonly execute: (contextValue: unknown, variables: Record<string, unknown> | undefined) => Promise<ExecutionResult>;
}

/** The operation `operationName` selects, compiled; null when none does or it is a subscription. */
export function compileOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined): KnownOperation | null {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation === 'subscription') return null;
  let compiled;
  // graphql-jit reads a literal at compile time: a list or object literal holding a variable
  // (`filter: { shipTo: $shipTo }`) is compiled as a variable of its own, built per request
  const hoisted = hoistLiteralVariables(schema, document, operation);
  try {
    compiled = hoisted === null ? undefined : compileQuery(schema, hoisted?.document ?? document, operationName);
  } catch {
    compiled = undefined;
  }
  if (compiled !== undefined && isCompiledQuery(compiled)) {
    const query = compiled.query.bind(compiled);
    const variablesOf = hoisted?.variablesOf ?? ((variables: Record<string, unknown> | undefined) => variables);
    return {
      operation,
      compiled: true,
      execute: async (contextValue, variables) => asGraphQLJsResult(await query(undefined, contextValue, variablesOf(variables))),
    };
  }
  return {
    operation,
    compiled: false,
    execute: async (contextValue, variableValues) => execute({ schema, document, contextValue, variableValues, operationName }),
  };
}

/** graphql-jit's errors as graphql-js makes them: a GraphQLError with its locations, path, original error and extensions. */
function asGraphQLJsResult(result: ExecutionResult): ExecutionResult {
  if (result.errors === undefined) return result;
  const errors = result.errors.map((jitError) => {
    // graphql-js locates an Error of its own (a null in a non-null field) as it does a resolver's
    const original = jitError.originalError ?? new Error(jitError.message);
    const error = new GraphQLError(jitError.message, { path: jitError.path, originalError: original });
    (error as { locations?: unknown }).locations = jitError.locations;
    return error;
  });
  return { ...result, errors };
}
