import { readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';

export const customsSettings = {
  ...subgraphSettings,
  /** Port of the customs subgraph. Default: 4003. */
  PORT: setting.port({ default: 4003 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Base URL of the euro reference rates (ECB style). Default: the fx-refrates sandbox, http://127.0.0.1:4120. */
  FX_REFRATES_URL: setting.url({ default: 'http://127.0.0.1:4120' }),
  /** Time allowed for one call to the reference rates. Default: 2000 ms. */
  UPSTREAM_TIMEOUT_MS: setting.int({ default: 2_000, min: 10, max: 60_000 }),
  /** Longest the reference rates are reused before asking again (they change once a business day). Default: 3600000 ms (1 h). */
  FX_CACHE_TTL_MS: setting.int({ default: 3_600_000, min: 1_000, max: 86_400_000 }),
  /** The deployment's service secret (32+ characters): only the gateway (by the principal it signs with a key derived from it) and internal callers are answered. Default: required outside development; in development one made once and kept in DATA_DIR (`service.secret`). */
  SERVICE_SECRET: setting.optionalString(),
  /** Where the development service secret is kept. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
};

export type CustomsConfig = ReturnType<typeof readCustomsConfig>;
export const readCustomsConfig = (env?: Environment) => readConfig(customsSettings, env);
