import { readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';

export const insightsSettings = {
  ...subgraphSettings,
  /** Port of the insights subgraph. Default: 4006. */
  PORT: setting.port({ default: 4006 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Where the DuckDB file (`insights.duckdb`), the exports and development keys live; also where the orders SQLite file is read. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
  /** PostgreSQL for trade flows, shared by replicas. Default: none (DuckDB in DATA_DIR). */
  INSIGHTS_DATABASE_URL: setting.optionalString(),
  /** PostgreSQL schema of the insights tables (created if missing). Default: insights. */
  INSIGHTS_DATABASE_SCHEMA: setting.string({ default: 'insights' }),
  /** The orders store, whose outbox the default relay polls: PostgreSQL when set (as orders reads it). Default: none (DATA_DIR/orders.sqlite). */
  DATABASE_URL: setting.optionalString(),
  /** PostgreSQL schema of the orders tables. Default: public. */
  DATABASE_SCHEMA: setting.string({ default: 'public' }),
  /** NATS with JetStream: when set, order events are read from its durable stream instead of the outbox. Default: none. */
  NATS_URL: setting.optionalString(),
  /** The JetStream stream of order events (as orders publishes it). Default: ORDER_EVENTS. */
  ORDER_EVENTS_STREAM: setting.string({ default: 'ORDER_EVENTS' }),
  /** Subjects of order events, `<this>.<order id>`. Default: tradegraph.order-events. */
  ORDER_EVENTS_SUBJECT: setting.string({ default: 'tradegraph.order-events' }),
  /** This reader's durable name: its outbox position and JetStream consumer. Default: insights. */
  INSIGHTS_CONSUMER: setting.string({ default: 'insights' }),
  /**
   * Pause between the default relay's polls of the outbox when a poll found less than a full batch.
   * Each delivery is one DuckDB transaction whose cost hardly depends on its size (about as much for
   * 100 orders as for 12), so under a steady stream a longer pause means fewer, fuller deliveries.
   * Default: 500 ms.
   */
  INSIGHTS_POLL_INTERVAL_MS: setting.int({ default: 500, min: 10, max: 60_000 }),
  /** Cells of fewer orders are suppressed. Default: 5. */
  INSIGHTS_MIN_CELL: setting.int({ default: 5, min: 1, max: 1_000 }),
  /** The largest `first` of tradeFlows. Default: 1000. */
  INSIGHTS_MAX_PAGE: setting.int({ default: 1_000, min: 1, max: 100_000 }),
  /** Rows an export may have; above, it is refused. Default: 1000000. */
  INSIGHTS_EXPORT_MAX_ROWS: setting.int({ default: 1_000_000, min: 1, max: 100_000_000 }),
  /** How long an export's download URL works. Default: 86400 s (a day). */
  INSIGHTS_EXPORT_TTL_SECONDS: setting.int({ default: 86_400, min: 1, max: 30 * 86_400 }),
  /** The address the download URLs name (this service as clients reach it). Default: http://HOST:PORT. */
  INSIGHTS_PUBLIC_URL: setting.optionalString(),
  /** Key export URLs are signed with (32+ characters). Default: required in production; in development a key kept in DATA_DIR. */
  EXPORT_SIGNING_SECRET: setting.optionalString(),
  /** The deployment's service secret (32+ characters), shared with the gateway: only callers with the principal it signs, or with the secret, are answered. Default: required outside development; in development one made once and kept in DATA_DIR (`service.secret`). */
  SERVICE_SECRET: setting.optionalString(),
  /** Euro reference rates, for a currency an order's quote did not carry (USD for primaryValue). Default: http://127.0.0.1:4120 */
  FX_REFRATES_URL: setting.url({ default: 'http://127.0.0.1:4120' }),
};

export type InsightsConfig = ReturnType<typeof readInsightsConfig>;
export const readInsightsConfig = (env?: Environment) => readConfig(insightsSettings, env);
