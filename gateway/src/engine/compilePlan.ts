import type { ConditionNode, FetchNode, PlanNode, QueryPlan, ResponsePath } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphClient } from '../subgraph/SubgraphClient.js';
import type { RawShape } from '../subgraph/matchesRawShape.js';
import { compileRepresentation, type RepresentationBuilder } from './buildRepresentations.js';
import { rawFieldsOfFetch, type PlannedFetch } from './compileRawShape.js';
import { UnsupportedOperationError } from './UnsupportedOperationError.js';

/** A fetch node with what can be worked out once per plan. */
export interface CompiledFetch {
  readonly node: FetchNode;
  readonly client: SubgraphClient;
  /** The request body up to the variables: `{"query":…,"operationName":…,"variables":`. */
  readonly bodyPrefix: string;
  /** Builds an entity's representation; absent for root fetches. */
  readonly representation: RepresentationBuilder | undefined;
  /**
   * What the representations are built from: the `requires` selection and the input rewrites.
   * Fetches started together on the same entities with the same key build them once
   * (`executeFetchGraph`); undefined for root fetches.
   */
  readonly representationKey: string | undefined;
  /** Queries may share an identical in-flight request; mutations never. */
  readonly shareable: boolean;
  /**
   * Set when the plan asks the same subgraph the same entity query elsewhere too: fetches with
   * equal keys running at the same time are sent as one request (`EntityBatcher`).
   */
  readonly batchKey: string | undefined;
  /**
   * The same key for every entity query that could share a request (`batchKeyOf`), whether or
   * not the plan repeats it: the fetch graph groups fetches by it (`SubgraphRequestGroup`).
   */
  readonly entityKey: string | undefined;
  /** Fields of the entity answers kept as their bytes when they match their shape (`rawFieldsOfFetch`). */
  readonly rawFields: ReadonlyMap<string, RawShape> | undefined;
}

/** The planner's nodes, with fetches compiled. */
export type CompiledPlanNode =
  | { readonly kind: 'Sequence'; readonly nodes: readonly CompiledPlanNode[] }
  | { readonly kind: 'Parallel'; readonly nodes: readonly CompiledPlanNode[] }
  | { readonly kind: 'Flatten'; readonly path: ResponsePath; readonly node: CompiledPlanNode }
  /** `path`: where the fetch's entities are, from the root (the flatten paths above it, joined), for error paths. */
  | { readonly kind: 'Fetch'; readonly fetch: CompiledFetch; readonly path: ResponsePath }
  | {
      readonly kind: 'Condition';
      readonly condition: ConditionNode;
      readonly ifClause: CompiledPlanNode | undefined;
      readonly elseClause: CompiledPlanNode | undefined;
    };

interface Compilation {
  readonly schema: GraphQLSchema;
  readonly clients: ReadonlyMap<string, SubgraphClient>;
  /** How many fetches of the plan have each batch key. */
  readonly batchable: ReadonlyMap<string, number>;
  /** Every fetch of the plan, with where its entities are. */
  readonly fetches: readonly PlannedFetch[];
}

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
  const batchable = new Map<string, number>();
  countBatchable(plan.node, batchable);
  const fetches: PlannedFetch[] = [];
  collectFetches(plan.node, [], fetches);
  return compileNode(plan.node, { schema: supergraphSchema, clients, batchable, fetches }, []);
}

function compileNode(node: PlanNode, compilation: Compilation, path: ResponsePath): CompiledPlanNode {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return { kind: node.kind, nodes: node.nodes.map((child) => compileNode(child, compilation, path)) };
    case 'Flatten':
      return { kind: 'Flatten', path: node.path, node: compileNode(node.node, compilation, [...path, ...node.path]) };
    case 'Condition':
      return {
        kind: 'Condition',
        condition: node,
        ifClause: node.ifClause && compileNode(node.ifClause, compilation, path),
        elseClause: node.elseClause && compileNode(node.elseClause, compilation, path),
      };
    case 'Fetch':
      return { kind: 'Fetch', fetch: compileFetch(node, compilation), path };
    case 'Defer':
      throw new UnsupportedOperationError('defer', 'defer node');
    default:
      throw new UnsupportedOperationError('unsupportedPlanNode', (node as { kind: string }).kind);
  }
}

function compileFetch(node: FetchNode, { schema, clients, batchable, fetches }: Compilation): CompiledFetch {
  // @apollo/gateway 2.14 does not apply context rewrites either; we leave such plans to it
  if (node.contextRewrites?.length) throw new UnsupportedOperationError('contextRewrites', node.serviceName);
  const client = clients.get(node.serviceName);
  if (!client) throw new UnsupportedOperationError('planningFailed', `Couldn't find service with name "${node.serviceName}"`);
  const operationName = node.operationName === undefined ? '' : `"operationName":${JSON.stringify(node.operationName)},`;
  const key = batchKeyOf(node);
  return {
    node,
    client,
    bodyPrefix: `{"query":${JSON.stringify(node.operation)},${operationName}"variables":`,
    representation: node.requires ? compileRepresentation(schema, node.requires) : undefined,
    representationKey: node.requires ? JSON.stringify([node.requires, node.inputRewrites ?? []]) : undefined,
    shareable: node.operationKind === 'query',
    batchKey: key !== undefined && (batchable.get(key) ?? 0) > 1 ? key : undefined,
    entityKey: key,
    rawFields: rawFieldsOfFetch(schema, node, fetches),
  };
}

/**
 * What makes two entity fetches one request: the same subgraph and the same query (so the same
 * variables), whatever the planner named it (it numbers every fetch: `Op__inventory__4`; the
 * batched request goes under the first fetch's name). Fetches that rewrite their representations
 * or answers keep to themselves: a shared answer would be rewritten for both.
 */
function batchKeyOf(node: FetchNode): string | undefined {
  if (!node.requires || node.operationKind !== 'query' || node.inputRewrites?.length || node.outputRewrites?.length) return undefined;
  const named = node.operationName === undefined ? undefined : `query ${node.operationName}`;
  const selection = named !== undefined && node.operation.startsWith(named) ? node.operation.slice(named.length) : node.operation;
  return `${node.serviceName}\n${selection}`;
}

/** Every fetch node of the plan, with the flatten paths above it joined (what `rawFieldsOfFetch` checks against). */
function collectFetches(node: PlanNode, path: ResponsePath, fetches: PlannedFetch[]): void {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) collectFetches(child, path, fetches);
      return;
    case 'Flatten':
      collectFetches(node.node, [...path, ...node.path], fetches);
      return;
    case 'Condition':
      if (node.ifClause) collectFetches(node.ifClause, path, fetches);
      if (node.elseClause) collectFetches(node.elseClause, path, fetches);
      return;
    case 'Fetch':
      fetches.push({ node, path });
      return;
    default:
      return;
  }
}

function countBatchable(node: PlanNode, counts: Map<string, number>): void {
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) countBatchable(child, counts);
      return;
    case 'Flatten':
      countBatchable(node.node, counts);
      return;
    case 'Condition':
      if (node.ifClause) countBatchable(node.ifClause, counts);
      if (node.elseClause) countBatchable(node.elseClause, counts);
      return;
    case 'Fetch': {
      const key = batchKeyOf(node);
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
      return;
    }
    default:
      return;
  }
}
