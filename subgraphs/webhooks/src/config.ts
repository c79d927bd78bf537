import { readConfig, setting, subgraphSettings, type Environment } from '#packages/config/index.js';

export const webhooksSettings = {
  ...subgraphSettings,
  /** Port of the webhooks subgraph. Default: 4008. */
  PORT: setting.port({ default: 4008 }),
  /** Interface to listen on. Default: 127.0.0.1. */
  HOST: setting.string({ default: '127.0.0.1' }),
  /** Where `webhooks.sqlite` lives; also where the orders SQLite file (the outbox) is read. Default: .data */
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
  /** This reader's durable name: its outbox position and JetStream consumer. Default: webhooks. */
  WEBHOOKS_CONSUMER: setting.string({ default: 'webhooks' }),
  /** Pause after the first failed attempt of a delivery; each further failure doubles it. Default: 30000 ms. */
  WEBHOOK_RETRY_BASE_MS: setting.int({ default: 30_000, min: 1, max: 3_600_000 }),
  /** The longest pause between two attempts. Default: 3600000 ms (an hour). */
  WEBHOOK_RETRY_MAX_DELAY_MS: setting.int({ default: 3_600_000, min: 1, max: 86_400_000 }),
  /** How long a delivery is retried before it is FAILED. Default: 86400 s (a day). */
  WEBHOOK_RETRY_FOR_SECONDS: setting.int({ default: 86_400, min: 1, max: 7 * 86_400 }),
  /** How long an endpoint has to answer an attempt. Default: 10000 ms. */
  WEBHOOK_TIMEOUT_MS: setting.int({ default: 10_000, min: 100, max: 60_000 }),
  /** Pause between looks for due deliveries when none was due. Default: 250 ms. */
  WEBHOOK_POLL_MS: setting.int({ default: 250, min: 10, max: 60_000 }),
  /** Endpoints one API key may register. Default: 16. */
  WEBHOOK_MAX_PER_KEY: setting.int({ default: 16, min: 1, max: 1_000 }),
  /**
   * Whether endpoints may be loopback, private or link-local addresses (a local receiver while developing).
   * Default: false in production, true otherwise.
   */
  WEBHOOK_ALLOW_PRIVATE_URLS: setting.optionalString(),
  /** Shared with the gateway: verifies each caller's principal. Default: required in production; the development secret otherwise. */
  SERVICE_SECRET: setting.optionalString(),
};

export type WebhooksConfig = ReturnType<typeof readWebhooksConfig>;

/** The settings, with `WEBHOOK_ALLOW_PRIVATE_URLS` resolved against `NODE_ENV`. */
export function readWebhooksConfig(env?: Environment) {
  const config = readConfig(webhooksSettings, env);
  const allowPrivate = setting
    .boolean({ default: config.NODE_ENV !== 'production' })
    .parse(config.WEBHOOK_ALLOW_PRIVATE_URLS, 'WEBHOOK_ALLOW_PRIVATE_URLS');
  return { ...config, allowPrivateUrls: allowPrivate };
}
