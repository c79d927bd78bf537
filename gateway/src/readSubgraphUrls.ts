/**
 * The subgraphs a supergraph routes to: each `join__Graph` enum value's name and URL.
 * Read from the SDL itself, so the gateway can serve any supergraph file without our list.
 */
export function readSubgraphUrls(supergraphSdl: string): Map<string, string> {
  const graphs = new Map<string, string>();
  for (const match of supergraphSdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]*)"\s*\)/g)) {
    graphs.set(match[1]!, match[2]!);
  }
  return graphs;
}
