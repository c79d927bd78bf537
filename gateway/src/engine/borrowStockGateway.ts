import type { ApolloGateway, GraphQLDataSource } from '@apollo/gateway';
import { Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { GraphQLSchema } from 'graphql';

/** What the engine borrows from a loaded `ApolloGateway` instead of building it a second time. */
export interface StockGatewayState {
  readonly planner: QueryPlanner;
  /** The API schema, as @apollo/federation-internals models it (the planner's input). */
  readonly apiSchema: Schema;
  /** The API schema Apollo Server validates against, in graphql-js. */
  readonly apiGraphQLSchema: GraphQLSchema;
  /** The supergraph, in graphql-js. */
  readonly supergraphSchema: GraphQLSchema;
  /** Each subgraph's data source, as the gateway's `buildService` made it, and its URL. */
  readonly subgraphs: ReadonlyMap<string, { readonly url: string | undefined; readonly dataSource: GraphQLDataSource }>;
  readonly recursiveSelectionsLimitDisabled: boolean;
  readonly nonLocalSelectionsLimitDisabled: boolean;
}

/** The fields of @apollo/gateway 2.14's `ApolloGateway` read here; TypeScript calls them private. */
interface ApolloGatewayInternals {
  queryPlanner?: unknown;
  apiSchema?: unknown;
  schema?: unknown;
  supergraphSchema?: unknown;
  serviceMap?: Record<string, { url?: string; dataSource?: GraphQLDataSource }>;
  recursiveSelectionsLimitDisabled?: unknown;
  nonLocalSelectionsLimitDisabled?: unknown;
}

/**
 * The planner, schemas and data sources of the supergraph an `ApolloGateway` has just loaded
 * (call it from `onSchemaLoadOrUpdate`, when they are all set). Sharing them means one query
 * planner and one copy of each schema per supergraph instead of two, and the engine calling
 * subgraphs through the gateway's own data sources. @apollo/gateway keeps them in fields it
 * declares private, so each is checked: with another version that moved one, this returns
 * undefined and the engine builds its own from the supergraph SDL, as it did before.
 */
export function borrowStockGateway(gateway: ApolloGateway): StockGatewayState | undefined {
  const internals = gateway as unknown as ApolloGatewayInternals;
  const { queryPlanner, apiSchema, schema, supergraphSchema, serviceMap } = internals;
  if (
    !(queryPlanner instanceof QueryPlanner) ||
    !(apiSchema instanceof Schema) ||
    !(schema instanceof GraphQLSchema) ||
    !(supergraphSchema instanceof GraphQLSchema) ||
    typeof serviceMap !== 'object' ||
    serviceMap === null
  ) {
    return undefined;
  }
  const subgraphs = new Map<string, { url: string | undefined; dataSource: GraphQLDataSource }>();
  for (const [name, service] of Object.entries(serviceMap)) {
    if (!service.dataSource) return undefined;
    subgraphs.set(name, { url: service.url, dataSource: service.dataSource });
  }
  return {
    planner: queryPlanner,
    apiSchema,
    apiGraphQLSchema: schema,
    supergraphSchema,
    subgraphs,
    recursiveSelectionsLimitDisabled: internals.recursiveSelectionsLimitDisabled === true,
    nonLocalSelectionsLimitDisabled: internals.nonLocalSelectionsLimitDisabled === true,
  };
}
