import type { Server } from 'node:http';
import { createReferenceRatesClient } from '#packages/fx/index.js';
import type { Logger } from '#packages/log/index.js';
import { createReachCounter, createReachSender } from '#packages/reach/index.js';
import { loadSigningKey } from '#packages/secrets/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import type { PaymentProvider } from './adapters/ports.js';
import { PAYMENT_PROVIDERS } from './adapters/registry.js';
import type { PaymentsConfig } from './config.js';
import { createContext, type Context } from './context.js';
import { createPaymentsSchema } from './schema.js';

export interface PaymentsService {
  readonly httpServer: Server;
  readonly providers: ReadonlyMap<string, PaymentProvider>;
  stop(): Promise<void>;
}

export interface PaymentsServiceOptions {
  /** The clock quotes are issued and judged by. Default: `Date.now`. */
  now?: () => number;
}

/** Builds the payments subgraph (providers, rates client, Apollo Server, HTTP handler) without listening. */
export async function createPaymentsService(
  config: PaymentsConfig,
  logger: Logger,
  options: PaymentsServiceOptions = {},
): Promise<PaymentsService> {
  const quoteKey = loadSigningKey({
    purpose: 'quote',
    secret: config.QUOTE_SIGNING_SECRET,
    variable: 'QUOTE_SIGNING_SECRET',
    production: config.NODE_ENV === 'production',
    dataDir: config.DATA_DIR,
  });
  const serviceSecret = loadServiceSecret(config);
  const fx = createReferenceRatesClient({
    baseUrl: config.FX_REFRATES_URL,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    cacheTtlMs: config.FX_CACHE_TTL_SECONDS * 1000,
    logger,
  });
  const providers = new Map<string, PaymentProvider>(
    PAYMENT_PROVIDERS.map((module) => {
      const provider = module.create(config, { logger, upstreamTimeoutMs: config.UPSTREAM_TIMEOUT_MS });
      return [provider.info.id, provider];
    }),
  );
  const now = options.now ?? Date.now;
  const reachSender = createReachSender({ url: config.ORDERS_URL, serviceSecret, timeoutMs: config.UPSTREAM_TIMEOUT_MS, logger });
  const reach = createReachCounter({
    send: (batch) => reachSender.send(batch),
    flushIntervalMs: config.REACH_FLUSH_INTERVAL_MS,
    logger,
    now,
  });
  const apollo = createApolloServer<Context>({
    schema: createPaymentsSchema(),
    logger,
    production: config.NODE_ENV === 'production',
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    access: { serviceSecret },
    context: async ({ serviceCaller, principal }) =>
      createContext(
        {
          providers,
          fx,
          quoteKey,
          quoteTtlSeconds: config.QUOTE_TTL_SECONDS,
          feeQuoteDeadlineMs: config.FEE_QUOTE_DEADLINE_MS,
          now,
          logger,
          reach,
        },
        serviceCaller === true,
        principal?.keyId,
      ),
  });
  return {
    httpServer,
    providers,
    async stop() {
      await apollo.stop();
      await Promise.all([...providers.values()].map((provider) => provider.close()));
      await fx.close();
      await reach.close();
      await reachSender.close();
    },
  };
}
