import { loadRestrictions } from '#packages/restrictions/index.js';
import type { Server } from 'node:http';
import { createCache } from '#packages/cache/index.js';
import { createReferenceRatesClient } from '#packages/fx/index.js';
import { createHsClassifier, loadHsNomenclature } from '#packages/hs/index.js';
import type { Logger } from '#packages/log/index.js';
import { createReachCounter, createReachSender } from '#packages/reach/index.js';
import { loadSigningKey } from '#packages/secrets/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import { createOrderStatusForwarder } from './adapters/connector/createOrderStatusForwarder.js';
import { createStatusCallbackRoute, STATUS_CALLBACK_PATH } from './adapters/connector/createStatusCallbackRoute.js';
import type { MarketplaceAdapter } from './adapters/ports.js';
import type { CatalogConfig } from './config.js';
import { createContext, type Context } from './context.js';
import { withClassificationCache } from './classification/withClassificationCache.js';
import { createMarketplaceDirectory, type MarketplaceDirectory } from './marketplaces/createMarketplaceDirectory.js';
import { createCatalogSchema } from './schema.js';
import { withLookupCache } from './withLookupCache.js';
import { createSellerTrustClient } from './trust/createSellerTrustClient.js';

export interface CatalogService {
  readonly httpServer: Server;
  /** The marketplaces now (they change when `MARKETPLACES_FILE` is reloaded). */
  readonly adapters: ReadonlyMap<string, MarketplaceAdapter>;
  /** Reads `MARKETPLACES_FILE` again; a bad file keeps the current marketplaces (see `MarketplaceDirectory`). */
  reloadMarketplaces: MarketplaceDirectory['reload'];
  stop(): Promise<void>;
}

/** Builds the catalog subgraph (adapters, Apollo Server, HTTP handler) without listening. */
export async function createCatalogService(config: CatalogConfig, logger: Logger): Promise<CatalogService> {
  const cursorKey = loadSigningKey({
    purpose: 'search-cursor',
    secret: config.CURSOR_SIGNING_SECRET,
    variable: 'CURSOR_SIGNING_SECRET',
    production: config.NODE_ENV === 'production',
    dataDir: config.DATA_DIR,
  });
  const serviceSecret = loadServiceSecret(config);
  const referenceRates = createReferenceRatesClient({
    baseUrl: config.FX_REFRATES_URL,
    timeoutMs: config.UPSTREAM_TIMEOUT_MS,
    cacheTtlMs: 3_600_000,
    logger,
  });
  const nomenclature = loadHsNomenclature();
  const classifier = withClassificationCache(createHsClassifier(nomenclature));
  // Read and checked now: a restriction file at fault stops the service rather than a search later.
  const restrictions = loadRestrictions();
  const cache = await createCache({ redisUrl: config.REDIS_URL, keyPrefix: config.CACHE_KEY_PREFIX, logger });
  const directory = createMarketplaceDirectory(config, {
    logger,
    decorate: (adapter) =>
      withLookupCache(adapter, {
        cache,
        offerTtlSeconds: config.OFFER_CACHE_TTL_SECONDS,
        sellerTtlSeconds: config.SELLER_CACHE_TTL_SECONDS,
        logger,
      }),
  });
  const sellerTrust = createSellerTrustClient({ url: config.TRUST_URL, serviceSecret, timeoutMs: config.UPSTREAM_TIMEOUT_MS, logger });
  const reachSender = createReachSender({ url: config.ORDERS_URL, serviceSecret, timeoutMs: config.UPSTREAM_TIMEOUT_MS, logger });
  const reach = createReachCounter({ send: (batch) => reachSender.send(batch), flushIntervalMs: config.REACH_FLUSH_INTERVAL_MS, logger });
  const apollo = createApolloServer<Context>({
    schema: createCatalogSchema(),
    logger,
    production: config.NODE_ENV === 'production',
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  const orderStatus = createOrderStatusForwarder({ url: config.ORDERS_URL, serviceSecret, timeoutMs: config.UPSTREAM_TIMEOUT_MS, logger });
  const statusCallbacks = createStatusCallbackRoute({
    connector: (marketplaceId) => directory.connector(marketplaceId),
    seen: cache.withPrefix('catalog:connector-callback'),
    onStatus: (status) => orderStatus.forward(status),
    logger,
  });
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    routes: new Map([[STATUS_CALLBACK_PATH, statusCallbacks]]),
    access: { serviceSecret },
    context: async ({ serviceCaller }) =>
      createContext(
        {
          adapters: directory.current(),
          logger,
          searchDeadlineMs: config.SEARCH_DEADLINE_MS,
          cursorKey,
          referenceRates,
          classifier,
          nomenclature,
          restrictions,
          sellerTrust,
          reach,
        },
        serviceCaller === true,
      ),
  });
  return {
    httpServer,
    get adapters() {
      return directory.current();
    },
    reloadMarketplaces: () => directory.reload(),
    async stop() {
      await apollo.stop();
      await directory.close();
      await cache.close();
      await sellerTrust.close();
      await reach.close();
      await reachSender.close();
      await orderStatus.close();
      await referenceRates.close();
    },
  };
}
