import { readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';
import { providerSettings } from './adapters/registry.js';

export const paymentsSettings = {
  ...subgraphSettings,
  /** Port of the payments subgraph. Default: 4004. */
  PORT: setting.port({ default: 4004 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Euro reference rates publisher (ECB style). Default: the fx-refrates sandbox on 127.0.0.1:4120. */
  FX_REFRATES_URL: setting.url({ default: 'http://127.0.0.1:4120' }),
  /** Longest the reference rates are reused before asking again (they also refresh when a new day is due). Default: 3600 s. */
  FX_CACHE_TTL_SECONDS: setting.int({ default: 3_600, min: 1, max: 86_400 }),
  /** Key that signs quote tokens (32+ characters), the same on every replica and in orders. Default: required in production; in development one is made and kept in DATA_DIR. */
  QUOTE_SIGNING_SECRET: setting.optionalString(),
  /** How long a quote holds. Default: 1800 s (30 min). */
  QUOTE_TTL_SECONDS: setting.int({ default: 1_800, min: 60, max: 86_400 }),
  /** The deployment's service secret (32+ characters): only the gateway (by the principal it signs with a key derived from it) and internal callers (the `orders` saga, sending it as `x-service-secret` for the booking mutations) are answered. Default: required outside development; in development one made once and kept in DATA_DIR (`service.secret`). */
  SERVICE_SECRET: setting.optionalString(),
  /** Where development keys are kept between restarts. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
  /** Time allowed for one call to a payment provider or the rates publisher. Default: 1500 ms. */
  UPSTREAM_TIMEOUT_MS: setting.int({ default: 1_500, min: 10, max: 60_000 }),
  /**
   * Deadline for every provider's fee quotes within one request, retries included: a slow or
   * dead provider costs a search this long at most, and its landed costs are null with an error
   * instead of holding the page. Default: 2500 ms (one attempt at UPSTREAM_TIMEOUT_MS and the start of a retry).
   */
  FEE_QUOTE_DEADLINE_MS: setting.int({ default: 2_500, min: 50, max: 60_000 }),
  /** The orders subgraph, which keeps marketplaces' reach: the counts of landed costs computed are sent to it (with the service secret). Default: http://127.0.0.1:4005/graphql */
  ORDERS_URL: setting.url({ default: 'http://127.0.0.1:4005/graphql' }),
  /** How often the landed costs computed are sent to orders, in one batch (and once more on shutdown). Default: 5000 ms. */
  REACH_FLUSH_INTERVAL_MS: setting.int({ default: 5_000, min: 100, max: 600_000 }),
  ...providerSettings,
};

export type PaymentsConfig = ReturnType<typeof readPaymentsConfig>;
export const readPaymentsConfig = (env?: Environment) => readConfig(paymentsSettings, env);
