import { readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';
import { adapterSettings } from './adapters/registry.js';

export const logisticsSettings = {
  ...subgraphSettings,
  /** Port of the logistics subgraph. Default: 4002. */
  PORT: setting.port({ default: 4002 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Time allowed for one call to a carrier API (one retry on failure). Default: 1500 ms. */
  UPSTREAM_TIMEOUT_MS: setting.int({ default: 1_500, min: 10, max: 60_000 }),
  /** The deployment's service secret (32+ characters): the gateway signs principals with a key derived from it, and internal callers (the `orders` saga) send it as `x-service-secret` for the booking mutations. Default: required outside development; in development one kept in DATA_DIR. */
  SERVICE_SECRET: setting.optionalString(),
  /** Where the development service secret is kept. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
  ...adapterSettings,
};

export type LogisticsConfig = ReturnType<typeof readLogisticsConfig>;
export const readLogisticsConfig = (env?: Environment) => readConfig(logisticsSettings, env);
