import type { Server } from 'node:http';
import { createCustomsRatesClient, createReferenceRatesClient } from '#packages/fx/index.js';
import type { Logger } from '#packages/log/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import { loadRestrictions } from '#packages/restrictions/index.js';
import { loadRules, type LoadedRules } from '../rules/loadRules.js';
import type { CustomsConfig } from './config.js';
import { createContext, type Context } from './context.js';
import { createCustomsSchema } from './schema.js';

export interface CustomsService {
  readonly httpServer: Server;
  readonly rules: LoadedRules;
  stop(): Promise<void>;
}

/**
 * Builds the customs subgraph (rules, FX client, Apollo Server, HTTP handler) without listening.
 * The rules are read and validated here, once: bad data stops the service at start-up, naming the
 * file and field, instead of failing a quote later.
 */
export async function createCustomsService(config: CustomsConfig, logger: Logger): Promise<CustomsService> {
  const rules = loadRules();
  // The restriction files too (`ImportCharges.restrictions`): one at fault stops the service here.
  loadRestrictions();
  const fx = createReferenceRatesClient({
    baseUrl: config.FX_REFRATES_URL,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    cacheTtlMs: config.FX_CACHE_TTL_MS,
    logger,
  });
  const customsFx = createCustomsRatesClient({ baseUrl: config.FX_REFRATES_URL, timeoutMs: config.UPSTREAM_TIMEOUT_MS, logger });
  const apollo = createApolloServer<Context>({
    schema: createCustomsSchema(),
    logger,
    production: config.NODE_ENV === 'production',
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    access: { serviceSecret: loadServiceSecret(config) },
    context: async () => createContext({ rules, fx, customsFx, logger }),
  });
  return {
    httpServer,
    rules,
    async stop() {
      await apollo.stop();
      await Promise.all([fx.close(), customsFx.close()]);
    },
  };
}
