import type { ConditionNode, FetchNode, PlanNode, QueryPlan, ResponsePath } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import { compileRepresentation, type RepresentationBuilder } from './buildRepresentations.js';
import type { SubgraphClient } from './SubgraphClient.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';

/** A fetch node with what can be worked out once per plan. */
export interface CompiledFetch {
  readonly node: FetchNode;
  readonly client: SubgraphClient;
  /** The request body up to the variables: `{"query":…,"operationName":…,"variables":`. */
  readonly bodyPrefix: string;
  /** Builds an entity's representation; absent for root fetches. */
  readonly representation: RepresentationBuilder | undefined;
  /** Queries may share an identical in-flight request; mutations never. */
  readonly shareable: boolean;
}

/** The planner's nodes, with fetches compiled. */
export type CompiledPlanNode =
  | { readonly kind: 'Sequence'; readonly nodes: readonly CompiledPlanNode[] }
  | { readonly kind: 'Parallel'; readonly nodes: readonly CompiledPlanNode[] }
  | { readonly kind: 'Flatten'; readonly path: ResponsePath; readonly node: CompiledPlanNode }
  | { readonly kind: 'Fetch'; readonly fetch: CompiledFetch }
  | {
      readonly kind: 'Condition';
      readonly condition: ConditionNode;
      readonly ifClause: CompiledPlanNode | undefined;
      readonly elseClause: CompiledPlanNode | undefined;
    };

/**
 * Compiles a query plan for execution, or throws {@link UnsupportedOperationError} for what the
 * engine leaves to the stock executor (`@defer` nodes, subscriptions, `@fromContext` rewrites).
 */
export function compilePlan(
  plan: QueryPlan,
  supergraphSchema: GraphQLSchema,
  clients: ReadonlyMap<string, SubgraphClient>,
): CompiledPlanNode | undefined {
  if (!plan.node) return undefined;
  if (plan.node.kind === 'Subscription') throw new UnsupportedOperationError('subscription', 'subscription plan');
  return compileNode(plan.node, supergraphSchema, clients);
}

function compileNode(node: PlanNode, schema: GraphQLSchema, clients: ReadonlyMap<string, SubgraphClient>): CompiledPlanNode {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { kind: node.kind, nodes: node.nodes.map((child) => compileNode(child, schema, clients)) };
    case 'Flatten':
      return { kind: 'Flatten', path: node.path, node: compileNode(node.node, schema, clients) };
    case 'Condition':
      return {
        kind: 'Condition',
        condition: node,
        ifClause: node.ifClause && compileNode(node.ifClause, schema, clients),
        elseClause: node.elseClause && compileNode(node.elseClause, schema, clients),
      };
    case 'Fetch':
      return { kind: 'Fetch', fetch: compileFetch(node, schema, clients) };
    case 'Defer':
      throw new UnsupportedOperationError('defer', 'defer node');
    default:
      throw new UnsupportedOperationError('unsupportedPlanNode', (node as { kind: string }).kind);
  }
}

function compileFetch(node: FetchNode, schema: GraphQLSchema, clients: ReadonlyMap<string, SubgraphClient>): CompiledFetch {
  // @apollo/gateway 2.14 does not apply context rewrites either; we leave such plans to it
  if (node.contextRewrites?.length) throw new UnsupportedOperationError('contextRewrites', node.serviceName);
  const client = clients.get(node.serviceName);
  if (!client) throw new UnsupportedOperationError('planningFailed', `Couldn't find service with name "${node.serviceName}"`);
  const operationName = node.operationName === undefined ? '' : `"operationName":${JSON.stringify(node.operationName)},`;
  return {
    node,
    client,
    bodyPrefix: `{"query":${JSON.stringify(node.operation)},${operationName}"variables":`,
    representation: node.requires ? compileRepresentation(schema, node.requires) : undefined,
    shareable: node.operationKind === 'query',
  };
}
