import type { Server } from 'node:http';
import { join } from 'node:path';
import { openEventTransport, type EventTransport, type RunningReader } from '#packages/events/index.js';
import { createReferenceRatesClient } from '#packages/fx/index.js';
import { loadHsNomenclature } from '#packages/hs/index.js';
import type { Logger } from '#packages/log/index.js';
import { loadSigningKey } from '#packages/secrets/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import type { InsightsConfig } from './config.js';
import type { Context } from './context.js';
import { createExportRunner, type ExportRunner } from './exports/createExportRunner.js';
import { signedExportUrl } from './exports/exportUrlSignature.js';
import { serveExport } from './exports/serveExport.js';
import { createTradeFlowReader } from './ingest/createTradeFlowReader.js';
import { createInsightsSchema } from './schema.js';
import { createTradeFlowStore } from './store/createTradeFlowStore.js';
import type { TradeFlowStore } from './store/TradeFlowStore.js';

export interface InsightsService {
  readonly httpServer: Server;
  readonly store: TradeFlowStore;
  readonly exports: ExportRunner;
  /** Starts reading order events (outbox or JetStream) and running export jobs. */
  startBackgroundWork(): Promise<void>;
  /** The reader, once started: `drain()` delivers what waits now. */
  readonly events: () => RunningReader | undefined;
  stop(): Promise<void>;
}

/** Builds the insights subgraph (store, event reader, export runner, Apollo Server, HTTP handler) without listening. */
export async function createInsightsService(config: InsightsConfig, logger: Logger): Promise<InsightsService> {
  const production = config.NODE_ENV === 'production';
  const store = await createTradeFlowStore(config);
  logger.info('trade-flow store ready', { store: store.dialect });
  const hs = loadHsNomenclature();
  const exportKey = loadSigningKey({
    purpose: 'export',
    secret: config.EXPORT_SIGNING_SECRET,
    variable: 'EXPORT_SIGNING_SECRET',
    production,
    dataDir: config.DATA_DIR,
  });
  const exportFolder = join(config.DATA_DIR, 'exports');
  const fx = createReferenceRatesClient({ baseUrl: config.FX_REFRATES_URL, timeoutMs: 2_000, cacheTtlMs: 3_600_000, logger });
  const reader = createTradeFlowReader({
    name: config.INSIGHTS_CONSUMER,
    store,
    fallbackRates: async () => (await fx.latest()).rates.rates,
  });
  const exports = createExportRunner({
    store,
    hs,
    minCell: config.INSIGHTS_MIN_CELL,
    folder: exportFolder,
    ttlMs: config.INSIGHTS_EXPORT_TTL_SECONDS * 1000,
    logger,
  });
  let transport: EventTransport | undefined;
  let running: RunningReader | undefined;

  const apollo = createApolloServer<Context>({
    schema: createInsightsSchema(),
    logger,
    production,
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  // Where clients download exports: the configured public address, else this server's own.
  const publicUrl = (): string => {
    if (config.INSIGHTS_PUBLIC_URL !== undefined) return config.INSIGHTS_PUBLIC_URL;
    const address = httpServer.address();
    return typeof address === 'object' && address !== null
      ? `http://${config.HOST}:${address.port}`
      : `http://${config.HOST}:${config.PORT}`;
  };
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    access: { serviceSecret: loadServiceSecret(config) },
    routes: new Map([['/exports', serveExport({ store, key: exportKey, folder: exportFolder })]]),
    context: async ({ principal }) => ({
      store,
      hs,
      logger,
      principal,
      minCell: config.INSIGHTS_MIN_CELL,
      maxPage: config.INSIGHTS_MAX_PAGE,
      exports: {
        maxRows: config.INSIGHTS_EXPORT_MAX_ROWS,
        urlOf: (jobId, expiresAt) => signedExportUrl(publicUrl(), exportKey, jobId, expiresAt),
        requested: () => exports.wake(),
      },
      now: Date.now,
    }),
  });

  return {
    httpServer,
    store,
    exports,
    events: () => running,
    async startBackgroundWork() {
      transport = await openEventTransport({
        natsUrl: config.NATS_URL,
        names: { stream: config.ORDER_EVENTS_STREAM, subjectPrefix: config.ORDER_EVENTS_SUBJECT },
        outbox: { databaseUrl: config.DATABASE_URL, databaseSchema: config.DATABASE_SCHEMA, dataDir: config.DATA_DIR },
        pollIntervalMs: config.INSIGHTS_POLL_INTERVAL_MS,
        logger,
      });
      running = await transport.start(reader);
      exports.start();
      logger.info('reading order events', { transport: transport.kind, consumer: reader.name });
    },
    async stop() {
      await running?.stop();
      await transport?.close();
      await exports.stop();
      await apollo.stop();
      await fx.close();
      await store.close();
    },
  };
}
