import type { Server } from 'node:http';
import { join } from 'node:path';
import DataLoader from 'dataloader';
import { openEventTransport, type EventTransport, type RunningReader } from '#packages/events/index.js';
import type { Logger } from '#packages/log/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import type { WebhooksConfig } from './config.js';
import type { Context } from './context.js';
import { createDispatcher, type Dispatcher } from './delivery/createDispatcher.js';
import { createWebhookSender } from './delivery/sendDelivery.js';
import { createWebhookEventReader } from './ingest/createWebhookEventReader.js';
import { createWebhooksSchema } from './schema.js';
import { createSqliteWebhookStore } from './store/createSqliteWebhookStore.js';
import type { WebhookStore } from './store/WebhookStore.js';

export interface WebhooksService {
  readonly httpServer: Server;
  readonly store: WebhookStore;
  readonly dispatcher: Dispatcher;
  /** Starts reading order events (outbox or JetStream) and sending due deliveries. */
  startBackgroundWork(): Promise<void>;
  /** The reader, once started: `drain()` queues what waits now. */
  readonly events: () => RunningReader | undefined;
  stop(): Promise<void>;
}

/** Builds the webhooks subgraph (store, event reader, dispatcher, Apollo Server, HTTP handler) without listening. */
export async function createWebhooksService(
  config: WebhooksConfig,
  logger: Logger,
  now: () => number = Date.now,
): Promise<WebhooksService> {
  const production = config.NODE_ENV === 'production';
  const store = createSqliteWebhookStore({ file: join(config.DATA_DIR, 'webhooks.sqlite') });
  await store.migrate();
  const retryForMs = config.WEBHOOK_RETRY_FOR_SECONDS * 1000;
  const sender = createWebhookSender({ timeoutMs: config.WEBHOOK_TIMEOUT_MS, allowPrivate: config.allowPrivateUrls, now });
  const dispatcher = createDispatcher({
    store,
    sender,
    retry: { baseMs: config.WEBHOOK_RETRY_BASE_MS, maxDelayMs: config.WEBHOOK_RETRY_MAX_DELAY_MS },
    pollMs: config.WEBHOOK_POLL_MS,
    logger,
    now,
  });
  const reader = createWebhookEventReader({ name: config.WEBHOOKS_CONSUMER, store, retryForMs, now });
  let transport: EventTransport | undefined;
  let running: RunningReader | undefined;

  const apollo = createApolloServer<Context>({
    schema: createWebhooksSchema(),
    logger,
    production,
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    access: { serviceSecret: loadServiceSecret(config) },
    context: async ({ principal }) => ({
      store,
      logger,
      principal,
      attempts: new DataLoader(async (ids: readonly string[]) => {
        const found = await store.listAttempts(ids);
        return ids.map((id) => found.get(id) ?? []);
      }),
      allowPrivateUrls: config.allowPrivateUrls,
      maxPerKey: config.WEBHOOK_MAX_PER_KEY,
      retryForMs,
      now,
    }),
  });

  return {
    httpServer,
    store,
    dispatcher,
    events: () => running,
    async startBackgroundWork() {
      transport = await openEventTransport({
        natsUrl: config.NATS_URL,
        names: { stream: config.ORDER_EVENTS_STREAM, subjectPrefix: config.ORDER_EVENTS_SUBJECT },
        outbox: { databaseUrl: config.DATABASE_URL, databaseSchema: config.DATABASE_SCHEMA, dataDir: config.DATA_DIR },
        logger,
      });
      running = await transport.start(reader);
      dispatcher.start();
      logger.info('reading order events for webhooks', { transport: transport.kind, consumer: reader.name });
    },
    async stop() {
      await running?.stop();
      await transport?.close();
      await dispatcher.stop();
      await sender.close();
      await apollo.stop();
      await store.close();
    },
  };
}
