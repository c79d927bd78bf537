import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';

/** The webhooks subgraph's schema: SDL + resolvers, no side effects. */
export function createWebhooksSchema(): GraphQLSchema {
  const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
  return buildSubgraphSchema({ typeDefs, resolvers });
}
