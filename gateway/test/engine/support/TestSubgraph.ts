import type { DocumentNode, GraphQLSchema } from 'graphql';

/** A subgraph of the differential tests: its SDL (for composition) and its executable schema. */
export interface TestSubgraph {
  readonly name: string;
  readonly typeDefs: DocumentNode;
  readonly schema: GraphQLSchema;
  /** Puts its data back as it was (after mutations). */
  readonly reset?: () => void;
}

/** How a served subgraph misbehaves, for partial-failure tests. */
export type SubgraphFault = 'none' | 'http500' | 'garbage' | 'down';
