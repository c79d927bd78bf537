import { readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';

export const trustSettings = {
  ...subgraphSettings,
  /** Port of the trust subgraph. Default: 4007. */
  PORT: setting.port({ default: 4007 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** The deployment's service secret (32+ characters): only the gateway (by the principal it signs with a key derived from it) and internal callers are answered. Default: required outside development; in development one made once and kept in DATA_DIR (`service.secret`). */
  SERVICE_SECRET: setting.optionalString(),
  /** Where the track-record file (`trust.sqlite`) lives; also where the orders SQLite file is read. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
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
  /** This reader's durable name: its outbox position and JetStream consumer. Default: trust. */
  TRUST_CONSUMER: setting.string({ default: 'trust' }),
};

export type TrustConfig = ReturnType<typeof readTrustConfig>;
export const readTrustConfig = (env?: Environment) => readConfig(trustSettings, env);
