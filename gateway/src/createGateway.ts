import type { Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import type { Logger } from '../../packages/log/index.js';
import { createApolloServer, createGraphQLHttpServer } from '../../packages/server/index.js';
import { checkSubgraphs } from './checkSubgraphs.js';
import type { GatewayContext } from './GatewayContext.js';
import { readSubgraphUrls } from './readSubgraphUrls.js';
import { UndiciDataSource } from './UndiciDataSource.js';

export interface GatewayOptions {
  supergraphSdl: string;
  logger: Logger;
  production: boolean;
  subgraphTimeoutMs: number;
  subgraphTimeouts?: ReadonlyMap<string, number>;
  subgraphConnections: number;
}

export interface Gateway {
  readonly httpServer: Server;
  readonly subgraphUrls: ReadonlyMap<string, string>;
  stop(): Promise<void>;
}

/** How long a `/ready` answer about the subgraphs is reused, so probes don't flood them. */
const READINESS_TTL_MS = 2_000;

/** Apollo Server + @apollo/gateway over a static supergraph, served on node:http. */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const { logger, supergraphSdl } = options;
  const subgraphUrls = readSubgraphUrls(supergraphSdl);
  if (subgraphUrls.size === 0) throw new Error('The supergraph names no subgraphs (no @join__graph): is it a composed supergraph?');

  const dataSources: UndiciDataSource[] = [];
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: {
      debug: (message) => logger.debug(String(message)),
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
    buildService: ({ name, url }) => {
      if (url === undefined) throw new Error(`Subgraph ${name} has no routing URL in the supergraph`);
      const source = new UndiciDataSource({
        name,
        url,
        timeoutMs: options.subgraphTimeouts?.get(name) ?? options.subgraphTimeoutMs,
        connections: options.subgraphConnections,
      });
      dataSources.push(source);
      return source;
    },
  });

  const apollo = createApolloServer<GatewayContext>({ gateway, logger, production: options.production });
  await apollo.start();

  let readiness: { at: number; report: Promise<{ ready: boolean; subgraphs: unknown }> } | undefined;
  const httpServer = createGraphQLHttpServer<GatewayContext>({
    apollo,
    logger,
    context: async ({ requestId }) => ({ requestId }),
    readiness: () => {
      if (!readiness || Date.now() - readiness.at > READINESS_TTL_MS) {
        readiness = {
          at: Date.now(),
          report: checkSubgraphs(subgraphUrls, 2_000).then((subgraphs) => ({
            ready: subgraphs.every((subgraph) => subgraph.reachable),
            supergraph: 'loaded',
            subgraphs,
          })),
        };
      }
      return readiness.report;
    },
  });

  return {
    httpServer,
    subgraphUrls,
    async stop() {
      await apollo.stop();
      await Promise.all(dataSources.map((source) => source.pool.close()));
    },
  };
}
