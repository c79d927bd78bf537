import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import DataLoader from 'dataloader';
import { openEventTransport, type EventTransport, type RunningReader } from '#packages/events/index.js';
import type { Logger } from '#packages/log/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import type { TrustConfig } from './config.js';
import type { Context, TrackRecord } from './context.js';
import { createSqliteTrackRecordStore } from './record/createSqliteTrackRecordStore.js';
import { createTrackRecordReader } from './record/createTrackRecordReader.js';
import { readTrackRecords } from './record/readTrackRecords.js';
import type { TrackRecordStore } from './record/TrackRecordStore.js';
import { createTrustSchema } from './schema.js';

export interface TrustService {
  readonly httpServer: Server;
  readonly store: TrackRecordStore;
  /** Starts reading order events (outbox or JetStream). */
  startBackgroundWork(): Promise<void>;
  /** The reader, once started: `drain()` delivers what waits now. */
  readonly events: () => RunningReader | undefined;
  stop(): Promise<void>;
}

/** Builds the trust subgraph (track-record store, event reader, Apollo Server, HTTP handler) without listening. */
export async function createTrustService(config: TrustConfig, logger: Logger): Promise<TrustService> {
  const production = config.NODE_ENV === 'production';
  mkdirSync(config.DATA_DIR, { recursive: true });
  const store = createSqliteTrackRecordStore(join(config.DATA_DIR, 'trust.sqlite'));
  const reader = createTrackRecordReader({ name: config.TRUST_CONSUMER, store });
  let transport: EventTransport | undefined;
  let running: RunningReader | undefined;

  const apollo = createApolloServer<Context>({
    schema: createTrustSchema(),
    logger,
    production,
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    // Closed like every subgraph: only the gateway and internal callers (orders, for escrow) are answered.
    // Trust is public evidence about sellers, so no caller principal is read.
    access: { serviceSecret: loadServiceSecret(config) },
    context: async () => {
      // One instant per request: every seller on a page is scored at the same time.
      const now = Date.now();
      return {
        logger,
        // A search page asks for every seller on it in one `_entities` request: one store read.
        trackRecords: new DataLoader<string, TrackRecord>(async (sellerIds) => readTrackRecords(store, sellerIds, now)),
        now: () => now,
      };
    },
  });

  return {
    httpServer,
    store,
    events: () => running,
    async startBackgroundWork() {
      transport = await openEventTransport({
        natsUrl: config.NATS_URL,
        names: { stream: config.ORDER_EVENTS_STREAM, subjectPrefix: config.ORDER_EVENTS_SUBJECT },
        outbox: { databaseUrl: config.DATABASE_URL, databaseSchema: config.DATABASE_SCHEMA, dataDir: config.DATA_DIR },
        logger,
      });
      running = await transport.start(reader);
      logger.info('reading order events', { transport: transport.kind, consumer: reader.name });
    },
    async stop() {
      await running?.stop();
      await transport?.close();
      await apollo.stop();
      store.close();
    },
  };
}
