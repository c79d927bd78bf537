import { operationFromDocument, type Operation, type Schema } from '@apollo/federation-internals';
import type { QueryPlan, QueryPlanner } from '@apollo/query-planner';
import {
  getOperationAST,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compilePlan, type CompiledPlanNode } from './compilePlan.js';
import { compileFetchGraph, type FetchGraph } from './compileFetchGraph.js';
import { compileProjection, type Projection } from './compileProjection.js';
import type { FallbackReason } from './engineMetrics.js';
import { aliasFieldsRequiredWithArguments, type FieldsRequiredWithArguments } from './aliasFieldsRequiredWithArguments.js';
import { findUnplannedRootField } from './findUnplannedRootField.js';
import { findUnsupported } from './findUnsupported.js';
import { gatewayError, GatewayErrorCode } from '../gatewayError.js';
import type { SubgraphClient } from '../subgraph/SubgraphClient.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';
import { newResponseWriting, type ResponseWriting } from '#packages/server/writeResponseBytes.js';

/** An operation ready to run any number of times: its plan and its projection, compiled. */
export interface PreparedOperation {
  readonly kind: 'prepared';
  /** Apollo's view of the operation; plan conditions read its variable defaults. */
  readonly operation: Operation;
  readonly definition: OperationDefinitionNode;
  readonly plan: QueryPlan;
  readonly root: CompiledPlanNode | undefined;
  /** The same plan as fetches and their dependencies, when it has that form (`compileFetchGraph`). */
  readonly graph: FetchGraph | undefined;
  readonly project: Projection;
  /** How its responses are written (`writeResponseBytes`): whole while they fit. */
  readonly responseWriting: ResponseWriting;
  /** The answer to every run when the plan leaves out a root field the operation asks for (`findUnplannedRootField`). */
  readonly refusal: GraphQLError | undefined;
  /** Aliases of the engine's own in the planned operation → the client's response names (`aliasFieldsRequiredWithArguments`). */
  readonly responseNames: ReadonlyMap<string, string> | undefined;
}

/** An operation the engine leaves to the stock executor. */
export interface UnsupportedOperation {
  readonly kind: 'unsupported';
  readonly reason: FallbackReason;
  readonly detail: string;
}

/** What preparing needs from the engine: Apollo's planner and the schemas it was built from. */
export interface PlanningContext {
  readonly planner: QueryPlanner;
  /** The API schema, as @apollo/federation-internals models it (the planner's input). */
  readonly apiSchema: Schema;
  /** The API schema, in graphql-js (what clients validate against, what the projection walks). */
  readonly apiGraphQLSchema: GraphQLSchema;
  /** The supergraph, in graphql-js: `@interfaceObject` and key conditions are resolved on it. */
  readonly supergraphSchema: GraphQLSchema;
  readonly clients: ReadonlyMap<string, SubgraphClient>;
  /** What the supergraph's `@requires` ask for with arguments (`findFieldsRequiredWithArguments`). */
  readonly requiredWithArguments: FieldsRequiredWithArguments;
  readonly recursiveSelectionsLimitDisabled: boolean;
  readonly nonLocalSelectionsLimitDisabled: boolean;
}

/**
 * Plans an operation with Apollo's query planner as `@apollo/gateway` plans it (but for a field
 * that a `@requires` also asks for with arguments: `aliasFieldsRequiredWithArguments`), and
 * compiles the plan's fetches and the response projection. What the engine does not execute,
 * or fails to plan, is reported as unsupported so the stock executor answers it (with stock's
 * own errors, if planning fails there too).
 */
export function prepareOperation(
  context: PlanningContext,
  document: DocumentNode,
  definition: OperationDefinitionNode,
): PreparedOperation | UnsupportedOperation {
  const unsupported = findUnsupported(document, definition);
  if (unsupported) return { kind: 'unsupported', reason: unsupported, detail: 'in the document' };
  try {
    // as sent, but for the fields a `@requires` also asks for with arguments: those under an alias of ours
    const aliased = aliasFieldsRequiredWithArguments(context.apiGraphQLSchema, document, context.requiredWithArguments);
    const planned = aliased?.document ?? document;
    const plannedDefinition = aliased ? (getOperationAST(planned, definition.name?.value) ?? definition) : definition;
    const operation = operationFromDocument(context.apiSchema, planned, { operationName: definition.name?.value });
    const plan = context.planner.buildQueryPlan(operation, {
      recursiveSelectionsLimitDisabled: context.recursiveSelectionsLimitDisabled,
      nonLocalSelectionsLimitDisabled: context.nonLocalSelectionsLimitDisabled,
    });
    const fragments: Record<string, FragmentDefinitionNode> = Object.create(null) as Record<string, FragmentDefinitionNode>;
    for (const node of planned.definitions) if (node.kind === Kind.FRAGMENT_DEFINITION) fragments[node.name.value] = node;
    const root = compilePlan(plan, context.supergraphSchema, context.clients);
    const unplanned = findUnplannedRootField(plan, plannedDefinition, fragments);
    return {
      kind: 'prepared',
      operation,
      definition,
      plan,
      root,
      graph: root && compileFetchGraph(root),
      project: compileProjection(context.apiGraphQLSchema, plannedDefinition, fragments, aliased?.responseNames),
      responseWriting: newResponseWriting(),
      refusal: unplanned && unplannedFieldError(context.apiGraphQLSchema, definition, unplanned),
      responseNames: aliased?.responseNames,
    };
  } catch (error) {
    if (error instanceof UnsupportedOperationError) return { kind: 'unsupported', reason: error.reason, detail: error.message };
    return { kind: 'unsupported', reason: 'planningFailed', detail: error instanceof Error ? error.message : String(error) };
  }
}

function unplannedFieldError(schema: GraphQLSchema, definition: OperationDefinitionNode, field: FieldNode): GraphQLError {
  const coordinate = `${schema.getRootType(definition.operation)?.name ?? definition.operation}.${field.name.value}`;
  return gatewayError(
    `No subgraph can resolve ${coordinate} with the fields selected under it: the supergraph gives the query planner no way to fetch it.`,
    { code: GatewayErrorCode.QUERY_PLANNING_FAILED, status: 400, details: { field: coordinate } },
  );
}
