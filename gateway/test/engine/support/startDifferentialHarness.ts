import { composeServices } from '@apollo/composition';
import type { EngineGateway } from '#gateway/src/engine/index.js';
import { createGatewayPair, type ComparableResponse, type DifferentialRequest } from './createGatewayPair.js';
import { serveSubgraph, type ServedSubgraph } from './serveSubgraph.js';
import type { TestSubgraph } from './TestSubgraph.js';

export type { ComparableResponse, DifferentialRequest } from './createGatewayPair.js';

export interface DifferentialHarness {
  readonly supergraphSdl: string;
  readonly subgraphs: ReadonlyMap<string, ServedSubgraph>;
  readonly engineGateway: EngineGateway;
  /** The same request through stock @apollo/gateway and through the engine. */
  run(request: DifferentialRequest): Promise<{ stock: ComparableResponse; engine: ComparableResponse }>;
  stop(): Promise<void>;
}

/**
 * Serves the subgraphs over HTTP, composes them, and puts stock and engine gateways over them.
 * `answerPieceBytes`: the engine reads every answer longer than that in pieces, keeping the
 * fields its plans allow as bytes (default: the gateway's, just under 64 KiB, which the corpus's answers stay under).
 */
export async function startDifferentialHarness(
  definitions: readonly TestSubgraph[],
  options: { answerPieceBytes?: number } = {},
): Promise<DifferentialHarness> {
  const served = await Promise.all(definitions.map((definition) => serveSubgraph(definition)));
  const composed = composeServices(
    definitions.map((definition, index) => ({ name: definition.name, url: served[index]!.url, typeDefs: definition.typeDefs })),
  );
  if (composed.errors) throw new Error(`composition failed:\n${composed.errors.map((error) => error.message).join('\n')}`);
  const { supergraphSdl } = composed;
  const { run: runBoth, engineGateway, stop: stopServers } = await createGatewayPair(supergraphSdl, options);

  return {
    supergraphSdl,
    subgraphs: new Map(served.map((subgraph) => [subgraph.name, subgraph])),
    engineGateway,
    run: (request) => runBoth(request, () => definitions.forEach((definition) => definition.reset?.())),
    async stop() {
      await stopServers();
      await Promise.all(served.map((subgraph) => subgraph.close()));
    },
  };
}
