import { readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';

/** An amount of euros, as a decimal string with at most two decimals. */
function euroAmount(fallback: string) {
  return setting.custom((raw) => {
    const value = (raw ?? fallback).trim();
    if (!/^\d+(\.\d{1,2})?$/.test(value)) throw new Error(`must be an amount of euros such as 500 or 1250.50 (got "${value}")`);
    return value;
  });
}

export const ordersSettings = {
  ...subgraphSettings,
  /** Port of the orders subgraph. Default: 4005. */
  PORT: setting.port({ default: 4005 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Where the SQLite file (`orders.sqlite`) and development keys live. Default: .data */
  DATA_DIR: setting.string({ default: '.data' }),
  /** PostgreSQL connection string; when set, orders are stored there instead of SQLite. Default: none (SQLite). */
  DATABASE_URL: setting.optionalString(),
  /** PostgreSQL schema the tables live in (created if missing). Default: public. */
  DATABASE_SCHEMA: setting.string({ default: 'public' }),
  /** PostgreSQL connections per orders replica: each saga step holds one only for a statement. Default: 10. */
  DATABASE_POOL_SIZE: setting.int({ default: 10, min: 1, max: 200 }),
  /** The catalog subgraph, called directly for reserveStock, placeMarketplaceOrder and their compensations. Default: http://127.0.0.1:4001/graphql */
  CATALOG_URL: setting.url({ default: 'http://127.0.0.1:4001/graphql' }),
  /** The logistics subgraph, for createShipment, cancelShipment and tracking. Default: http://127.0.0.1:4002/graphql */
  LOGISTICS_URL: setting.url({ default: 'http://127.0.0.1:4002/graphql' }),
  /** The payments subgraph, for authorize, capture, void and escrow release. Default: http://127.0.0.1:4004/graphql */
  PAYMENTS_URL: setting.url({ default: 'http://127.0.0.1:4004/graphql' }),
  /** The trust subgraph, asked for a seller's trust before payment is authorized (escrow follows it). Default: http://127.0.0.1:4007/graphql */
  TRUST_URL: setting.url({ default: 'http://127.0.0.1:4007/graphql' }),
  /** Totals in EUR above which an ESTABLISHED seller's order is escrowed all the same. Default: 500. */
  ESCROW_LIMIT_ESTABLISHED_EUR: euroAmount('500'),
  /** Totals in EUR above which a TRUSTED seller's order is escrowed all the same. Default: 2000. */
  ESCROW_LIMIT_TRUSTED_EUR: euroAmount('2000'),
  /** The deployment's service secret (32+ characters): sent as `x-service-secret` on every participant call, and the key the gateway's principals are checked with. Default: required outside development; in development one made once and kept in DATA_DIR (`service.secret`). */
  SERVICE_SECRET: setting.optionalString(),
  /** Key quote tokens are signed with: the same as payments' (32+ characters). Default: required in production; in development the key payments keeps in DATA_DIR. */
  QUOTE_SIGNING_SECRET: setting.optionalString(),
  /** Time allowed for one call to a participant subgraph. Default: 8000 ms. */
  PARTICIPANT_TIMEOUT_MS: setting.int({ default: 8_000, min: 100, max: 120_000 }),
  /** How long placeOrder waits for the saga to settle before answering with the order as it stands (PENDING). Default: 8000 ms, under the gateway's 10 s subgraph timeout. */
  PLACE_ORDER_WAIT_MS: setting.int({ default: 8_000, min: 0, max: 120_000 }),
  /** Attempts of one saga step whose outcome stays unknown (network, 5xx) before the saga gives up and compensates. Default: 5. */
  SAGA_MAX_STEP_ATTEMPTS: setting.int({ default: 5, min: 1, max: 100 }),
  /** Attempts to undo one step before the order is left FAILED with the step marked for attention. Default: 10. */
  SAGA_MAX_COMPENSATION_ATTEMPTS: setting.int({ default: 10, min: 1, max: 1_000 }),
  /** First wait before a step is retried; it doubles per attempt, up to 60 s. Default: 1000 ms. */
  SAGA_RETRY_BASE_MS: setting.int({ default: 1_000, min: 10, max: 600_000 }),
  /** How long a replica owns a saga it runs without renewing; after a crash, others resume it once this passes. Default: 15000 ms. */
  SAGA_LEASE_MS: setting.int({ default: 15_000, min: 500, max: 600_000 }),
  /** How often unfinished sagas are looked for and resumed (also once at start). Default: 2000 ms. */
  SAGA_RECOVERY_INTERVAL_MS: setting.int({ default: 2_000, min: 50, max: 3_600_000 }),
  /** How often tracking of confirmed orders is read to capture payment on pickup and release escrow on delivery. Default: 5000 ms. */
  FOLLOWER_INTERVAL_MS: setting.int({ default: 5_000, min: 50, max: 3_600_000 }),
  /** Attempts of a capture or escrow release without an answer (one per follower round) before it is FAILED for a person to look at. Default: 100. */
  FOLLOWER_MAX_ATTEMPTS: setting.int({ default: 100, min: 1, max: 100_000 }),
  /** Tracking lookups the carrier refuses in a row (each after a longer wait) before the order is flagged for attention. Default: 5. */
  FOLLOWER_MAX_TRACKING_REFUSALS: setting.int({ default: 5, min: 1, max: 1_000 }),
  /** NATS with JetStream: when set, the outbox relay publishes order events to a durable stream there. Default: none (readers poll the outbox). */
  NATS_URL: setting.optionalString(),
  /** The JetStream stream of order events. Default: ORDER_EVENTS. */
  ORDER_EVENTS_STREAM: setting.string({ default: 'ORDER_EVENTS' }),
  /** Subjects of order events are `<this>.<order id>`. Default: tradegraph.order-events. */
  ORDER_EVENTS_SUBJECT: setting.string({ default: 'tradegraph.order-events' }),
  /** Whether this process runs recovery and the follower (a read-only replica may not). Default: true. */
  BACKGROUND_WORK: setting.boolean({ default: true }),
};

export type OrdersConfig = ReturnType<typeof readOrdersConfig>;
export const readOrdersConfig = (env?: Environment) => readConfig(ordersSettings, env);
