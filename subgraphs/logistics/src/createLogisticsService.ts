import type { Server } from 'node:http';
import type { Logger } from '#packages/log/index.js';
import { loadRestrictions } from '#packages/restrictions/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import type { CarrierAdapter } from './adapters/ports.js';
import { CARRIER_ADAPTERS } from './adapters/registry.js';
import type { LogisticsConfig } from './config.js';
import { createClearanceFeeTables } from './createClearanceFeeTables.js';
import { createContext, type Context } from './context.js';
import { createLogisticsSchema } from './schema.js';

export interface LogisticsService {
  readonly httpServer: Server;
  readonly carriers: readonly CarrierAdapter[];
  stop(): Promise<void>;
}

/** Builds the logistics subgraph (carrier adapters, Apollo Server, HTTP handler) without listening. */
export async function createLogisticsService(config: LogisticsConfig, logger: Logger): Promise<LogisticsService> {
  const serviceSecret = loadServiceSecret(config);
  const carriers = CARRIER_ADAPTERS.map((module) => module.create(config, { logger, upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS }));
  const clearanceFees = createClearanceFeeTables(carriers, logger);
  // Read and checked now: a restriction file at fault stops the service rather than a quote later.
  const restrictions = loadRestrictions();
  const apollo = createApolloServer<Context>({
    schema: createLogisticsSchema(),
    logger,
    production: config.NODE_ENV === 'production',
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    access: { serviceSecret },
    context: async ({ serviceCaller }) => createContext({ carriers, clearanceFees, logger, restrictions }, serviceCaller === true),
  });
  return {
    httpServer,
    carriers,
    async stop() {
      await apollo.stop();
      await Promise.all(carriers.map((carrier) => carrier.close()));
    },
  };
}
