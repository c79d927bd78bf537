import { readFileSync } from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import type { SubgraphDefinition } from '../../subgraphs.js';

export interface ComposedSupergraph {
  /** The supergraph SDL, with each subgraph's routing URL. */
  supergraphSdl: string;
  /** The public API schema: what clients see, without federation machinery or `@inaccessible` parts. */
  apiSchemaSdl: string;
}

export class CompositionError extends Error {
  override name = 'CompositionError';
}

/**
 * Composes subgraph SDL files with `@apollo/composition`. `urlOf` lets tests and the dev
 * stack route to the ports they actually started.
 */
export function composeSupergraph(
  subgraphs: readonly SubgraphDefinition[],
  options: { root: URL; urlOf?: (subgraph: SubgraphDefinition) => string },
): ComposedSupergraph {
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: options.urlOf?.(subgraph) ?? subgraph.url,
      typeDefs: parse(readFileSync(new URL(subgraph.schemaFile, options.root), 'utf8')),
    })),
  );
  if (result.errors) {
    throw new CompositionError('Composition failed:\n' + result.errors.map((error) => `- ${error.message}`).join('\n'));
  }
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(result.schema.toAPISchema().toGraphQLJSSchema()) + '\n',
  };
}
