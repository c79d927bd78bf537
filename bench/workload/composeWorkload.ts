import { composeServices } from '@apollo/composition';
import { WORKLOAD_SUBGRAPHS } from './workloadSubgraphs.js';

/** The workload's supergraph, routed to where its subgraphs listen. */
export function composeWorkload(urls: Readonly<Record<string, string>>): string {
  const composed = composeServices(
    WORKLOAD_SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: urls[subgraph.name]!, typeDefs: subgraph.typeDefs })),
  );
  if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((error) => error.message).join('\n')}`);
  return composed.supergraphSdl;
}
