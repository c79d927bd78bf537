import type { ApolloServerPlugin } from '@apollo/server';
import {
  Kind,
  type GraphQLError,
  getVariableValues,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { CostModel } from '../demand/CostModel.js';
import { estimateOperationCost, type OperationCost } from '../demand/estimateOperationCost.js';
import { GatewayErrorCode, gatewayError } from '../gatewayError.js';
import type { GatewayContext } from '../GatewayContext.js';
import { ANONYMOUS_TIER, type PerTier, type Tier } from '../keys/tiers.js';
import { createOperationMemo, operationKey } from './createOperationMemo.js';

export interface DemandControlOptions {
  model: CostModel;
  /** Cost budget of one operation, by the caller's tier. */
  budgets: PerTier<number>;
  maxDepth: number;
  maxAliases: number;
  /** Most occurrences of each fan-out field (`fanOut` in the cost model) in one operation, e.g. `{ 'Query.search': 2 }`. */
  maxFanOutFields: Readonly<Record<string, number>>;
  /** Told of each estimate, e.g. for metrics. */
  onEstimate?: (cost: number) => void;
}

/**
 * Refuses an operation that is too deep, has too many aliases, asks too often for a field that
 * calls many upstreams at once (a `search` calls every marketplace), or whose static cost is over
 * its tier's budget. It runs once the operation is parsed and validated and before the query is
 * planned, so a refused operation never reaches a subgraph; the error states cost and budget.
 * The estimate is computed once per operation and variable values, and kept with the parsed
 * document (createOperationMemo); only the tier's budget is looked at per request.
 */
export function useDemandControl(options: DemandControlOptions | DemandControl): ApolloServerPlugin<GatewayContext> {
  const control = 'refusal' in options ? options : createDemandControl(options);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          if (!operation) return; // no operation by that name: execution reports it, nothing is planned
          const estimate = control.estimate(schema, document, operation, request.operationName, request.variables);
          control.onEstimate(estimate.cost);
          const refusal = control.refusal(estimate, contextValue.principal?.tier ?? ANONYMOUS_TIER);
          if (refusal !== undefined) throw refusal;
        },
      };
    },
  };
}

/** Demand control's decisions, shared by the Apollo Server plugin and the gateway's lean request path. */
export interface DemandControl {
  /** The operation's estimate (cost, depth, aliases, fan-out fields), computed once per document, operation and variables. */
  estimate(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null | undefined,
    variables: unknown,
  ): OperationCost;
  /** Reports an estimate (e.g. to metrics): once per request that got that far. */
  onEstimate(cost: number): void;
  /** The error an operation of this estimate gets from a caller of `tier`; undefined when it may run. */
  refusal(estimate: OperationCost, tier: Tier): GraphQLError | undefined;
}

export function createDemandControl(options: DemandControlOptions): DemandControl {
  // the estimate depends on the document, the operation and its variables only: computed once for each
  const estimates = createOperationMemo<OperationCost>();
  const compute = (schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: unknown) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    // Defaults of variables apply; a variable that does not coerce fails execution anyway, so read it as unset.
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], (variables ?? {}) as Record<string, unknown>);
    return estimateOperationCost(schema, operation, fragments, coerced.coerced ?? {}, options.model);
  };
  return {
    estimate(schema, document, operation, operationName, variables) {
      const key = operationKey(operationName, (operation.variableDefinitions?.length ?? 0) > 0, variables);
      return estimates.get(schema, document, key, () => compute(schema, document, operation, variables));
    },
    onEstimate: (cost) => options.onEstimate?.(cost),
    refusal({ cost, depth, aliases, fanOutFields }, tier) {
      if (depth > options.maxDepth) {
        return gatewayError(`The operation is ${depth} fields deep; at most ${options.maxDepth} are allowed`, {
          code: GatewayErrorCode.MAX_DEPTH_LIMIT,
          status: 400,
          details: { depth, maxDepth: options.maxDepth },
        });
      }
      if (aliases > options.maxAliases) {
        return gatewayError(`The operation uses ${aliases} aliases; at most ${options.maxAliases} are allowed`, {
          code: GatewayErrorCode.MAX_ALIASES_LIMIT,
          status: 400,
          details: { aliases, maxAliases: options.maxAliases },
        });
      }
      for (const [coordinate, count] of fanOutFields) {
        const max = options.maxFanOutFields[coordinate];
        if (max === undefined || count <= max) continue;
        const field = coordinate.slice(coordinate.indexOf('.') + 1);
        return gatewayError(
          `The operation asks for \`${field}\` ${count} times; at most ${max} are allowed in one operation, as each one calls many upstreams: send the others as separate requests`,
          { code: GatewayErrorCode.MAX_FAN_OUT_FIELDS_LIMIT, status: 400, details: { field: coordinate, count, max } },
        );
      }
      const budget = options.budgets[tier];
      if (cost > budget) {
        return gatewayError(
          `The operation's estimated cost is ${cost}, over the budget of ${budget} for the ${tier} tier: ask for fewer items (first/limit) or fewer fields`,
          { code: GatewayErrorCode.COST_ESTIMATED_TOO_EXPENSIVE, status: 400, details: { cost, budget, tier } },
        );
      }
      return undefined;
    },
  };
}
