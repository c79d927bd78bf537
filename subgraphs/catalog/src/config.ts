import { fileURLToPath } from 'node:url';
import { environmentSnapshot, readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';
import { STATUS_CALLBACK_PATH } from './adapters/connector/createStatusCallbackRoute.js';
import { adapterSettings } from './adapters/registry.js';

export const catalogSettings = {
  ...subgraphSettings,
  /** Port of the catalog subgraph. Default: 4001. */
  PORT: setting.port({ default: 4001 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** A search answers by this deadline with whatever marketplaces have answered. Default: 1500 ms. */
  SEARCH_DEADLINE_MS: setting.int({ default: 1_500, min: 50, max: 30_000 }),
  /** Time allowed for one call to a marketplace API. Default: 1200 ms. */
  UPSTREAM_TIMEOUT_MS: setting.int({ default: 1_200, min: 10, max: 60_000 }),
  /** Key that signs search cursors (32+ characters), the same on every replica. Default: required in production; in development one is made and kept in DATA_DIR. */
  CURSOR_SIGNING_SECRET: setting.optionalString(),
  /** The deployment's service secret (32+ characters): only the gateway (by the principal it signs with a key derived from it) and internal callers (the `orders` saga, sending it as `x-service-secret` for the booking mutations) are answered. Default: required outside development; in development one made once and kept in DATA_DIR (`service.secret`). */
  SERVICE_SECRET: setting.optionalString(),
  /** Where development keys are kept between restarts. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
  /** FX reference rates (ECB-style daily file), for price filters and ordering. Default: the sandbox on 127.0.0.1:4120. */
  FX_REFRATES_URL: setting.url({ default: 'http://127.0.0.1:4120' }),
  /** Redis shared by every catalog replica for lookup caching. Default: none (an in-process cache). */
  REDIS_URL: setting.optionalString(),
  /** Namespace of this deployment's keys in a shared Redis. Default: tradegraph. */
  CACHE_KEY_PREFIX: setting.string({ default: 'tradegraph' }),
  /** How long a looked-up offer (price, stock) is reused. Default: 60 s. */
  OFFER_CACHE_TTL_SECONDS: setting.int({ default: 60, min: 1, max: 86_400 }),
  /** How long a looked-up seller is reused. Default: 3600 s. */
  SELLER_CACHE_TTL_SECONDS: setting.int({ default: 3_600, min: 1, max: 604_800 }),
  /** Marketplaces that join by configuration (YAML or JSON; reloaded on SIGHUP), or `none`. Default: outside production the sandbox's `subgraphs/catalog/marketplaces.yaml`; in production none. */
  MARKETPLACES_FILE: setting.optionalString(),
  /** The trust subgraph, asked directly (with the service secret) for sellers' levels when a search filters by `minTrustLevel`. Default: http://127.0.0.1:4007/graphql */
  TRUST_URL: setting.url({ default: 'http://127.0.0.1:4007/graphql' }),
  /** The orders subgraph, which keeps marketplaces' reach and their orders' statuses: the counts of offers shown in search, and the status callbacks verified here, are sent to it (with the service secret). Default: http://127.0.0.1:4005/graphql */
  ORDERS_URL: setting.url({ default: 'http://127.0.0.1:4005/graphql' }),
  /** How often the offers shown in search are sent to orders, in one batch (and once more on shutdown). Default: 5000 ms. */
  REACH_FLUSH_INTERVAL_MS: setting.int({ default: 5_000, min: 100, max: 600_000 }),
  /** Where connector marketplaces send their orders' signed status callbacks, as they reach the catalog (`/connector/order-status` on it); each order's `callbackUrl` is this with `?marketplace=<id>`. Default: outside production http://HOST:PORT/connector/order-status; in production none; `none` for none (orders are then placed without a `callbackUrl`). */
  CONNECTOR_CALLBACK_URL: {
    parse: (raw: string | undefined, key: string) => (raw === undefined || raw === 'none' ? raw : setting.url().parse(raw, key)),
  },
  ...adapterSettings,
};

/** The marketplaces file checked in for the sandbox stack. */
export const SANDBOX_MARKETPLACES_FILE = fileURLToPath(new URL('../marketplaces.yaml', import.meta.url));

export type CatalogConfig = ReturnType<typeof readCatalogConfig>;

export function readCatalogConfig(env: Environment = environmentSnapshot()) {
  const config = readConfig(catalogSettings, env);
  const file = config.MARKETPLACES_FILE;
  return {
    ...config,
    MARKETPLACES_FILE: file === 'none' ? undefined : (file ?? (config.NODE_ENV === 'production' ? undefined : SANDBOX_MARKETPLACES_FILE)),
    CONNECTOR_CALLBACK_URL:
      config.CONNECTOR_CALLBACK_URL === 'none'
        ? undefined
        : (config.CONNECTOR_CALLBACK_URL ??
          (config.NODE_ENV === 'production' ? undefined : `http://${config.HOST}:${config.PORT}${STATUS_CALLBACK_PATH}`)),
    /** Where the variables that `MARKETPLACES_FILE` entries name are read. */
    environment: env,
  };
}
