import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import { openOutboxReader, startJetStreamPublisher, type JetStreamPublisher } from '#packages/events/index.js';
import type { Logger } from '#packages/log/index.js';
import { loadSigningKey } from '#packages/secrets/index.js';
import { createApolloServer, createGraphQLHttpServer, loadServiceSecret } from '#packages/server/index.js';
import type { OrdersConfig } from './config.js';
import { createContext, type Context } from './context.js';
import { createReturnDesk } from './returns/createReturnDesk.js';
import { createParticipants } from './participants/createParticipants.js';
import { createOrderBooking } from './placeOrder/createOrderBooking.js';
import { createOrderDisputes } from './disputes/createOrderDisputes.js';
import { createOrderSaga, type OrderSaga } from './saga/createOrderSaga.js';
import { createPaymentFollower } from './saga/createPaymentFollower.js';
import { createSagaRecovery } from './saga/createSagaRecovery.js';
import type { Participants } from './saga/Participants.js';
import type { PeriodicTask } from './saga/runPeriodically.js';
import { createOrdersSchema } from './schema.js';
import { connectOrderStore } from './store/connectOrderStore.js';
import { createOrderStore } from './store/createOrderStore.js';
import type { OrderStore } from './store/OrderStore.js';

export interface OrdersService {
  readonly httpServer: Server;
  readonly store: OrderStore;
  readonly saga: OrderSaga;
  readonly recovery: PeriodicTask;
  readonly follower: PeriodicTask;
  /**
   * Starts resuming unfinished sagas (now, then periodically), following confirmed orders'
   * parcels and, with `NATS_URL`, relaying order events to JetStream.
   */
  startBackgroundWork(): Promise<void>;
  stop(): Promise<void>;
}

export interface OrdersServiceOptions {
  /** Participants other than the real subgraphs, for tests of the saga itself. */
  participants?: Participants;
  /** The clock of sagas and quotes, ms since the epoch. Default: `Date.now`. */
  now?: () => number;
}

/** Builds the orders subgraph (store, participants, saga, recovery, follower, Apollo Server) without listening. */
export async function createOrdersService(
  config: OrdersConfig,
  logger: Logger,
  options: OrdersServiceOptions = {},
): Promise<OrdersService> {
  const production = config.NODE_ENV === 'production';
  const quoteKey = loadSigningKey({
    purpose: 'quote',
    secret: config.QUOTE_SIGNING_SECRET,
    variable: 'QUOTE_SIGNING_SECRET',
    production,
    dataDir: config.DATA_DIR,
  });
  const serviceSecret = loadServiceSecret(config);
  // Opened in the background, with retries: meanwhile the service listens and `/ready` says why it is not.
  const connection = connectOrderStore({
    kind: config.DATABASE_URL !== undefined ? 'postgres' : 'sqlite',
    open: () =>
      createOrderStore(config, (error) => logger.warn('order store connection lost; the pool reconnects', { error: error.message })),
    logger,
  });
  const { store } = connection;
  void connection.connected.then(() => logger.info('order store ready', { store: store.kind }));
  await connection.firstAttempt; // a store that is there serves the first request

  const participants =
    options.participants ??
    createParticipants({
      catalogUrl: config.CATALOG_URL,
      logisticsUrl: config.LOGISTICS_URL,
      paymentsUrl: config.PAYMENTS_URL,
      trustUrl: config.TRUST_URL,
      serviceSecret,
      timeoutMs: config.PARTICIPANT_TIMEOUT_MS,
      logger,
    });
  // Unique per process: a restarted process must not inherit the leases of the one that crashed.
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const now = options.now ?? Date.now;
  const saga = createOrderSaga({
    store,
    participants,
    quoteKey,
    owner,
    leaseMs: config.SAGA_LEASE_MS,
    maxStepAttempts: config.SAGA_MAX_STEP_ATTEMPTS,
    maxCompensationAttempts: config.SAGA_MAX_COMPENSATION_ATTEMPTS,
    retryBaseMs: config.SAGA_RETRY_BASE_MS,
    escrowLimits: { ESTABLISHED: config.ESCROW_LIMIT_ESTABLISHED_EUR, TRUSTED: config.ESCROW_LIMIT_TRUSTED_EUR },
    logger,
    now,
  });
  const booking = createOrderBooking({
    store,
    saga,
    quoteKey,
    owner,
    leaseMs: config.SAGA_LEASE_MS,
    waitMs: config.PLACE_ORDER_WAIT_MS,
    logger,
    now,
  });
  const returns = createReturnDesk({ store, participants, quoteKey, logger, now });
  const recovery = createSagaRecovery({ store, saga, intervalMs: config.SAGA_RECOVERY_INTERVAL_MS, logger, now });
  const follower = createPaymentFollower({
    store,
    participants,
    owner,
    leaseMs: config.SAGA_LEASE_MS,
    intervalMs: config.FOLLOWER_INTERVAL_MS,
    maxAttempts: config.FOLLOWER_MAX_ATTEMPTS,
    maxTrackingRefusals: config.FOLLOWER_MAX_TRACKING_REFUSALS,
    logger,
    quoteKey,
    now,
  });

  const disputes = createOrderDisputes({ store, participants, leaseMs: config.SAGA_LEASE_MS, logger, now });

  let publisher: JetStreamPublisher | undefined;
  const apollo = createApolloServer<Context>({
    schema: createOrdersSchema(),
    logger,
    production,
    leanRequests: config.SUBGRAPH_LEAN === 'on',
  });
  await apollo.start();
  const httpServer = createGraphQLHttpServer<Context>({
    apollo,
    logger,
    access: { serviceSecret },
    context: async ({ principal, serviceCaller }) =>
      createContext({ store, booking, participants, logger, disputes, returns }, principal, serviceCaller === true),
    readiness: async () => {
      const status = connection.status();
      if (!status.connected) {
        return { ready: false, store: store.kind, reason: `order store not connected: ${status.reason}`, attempts: status.attempts };
      }
      try {
        await store.getOrder('readiness-check');
        return { ready: true, store: store.kind };
      } catch (error) {
        return { ready: false, store: store.kind, reason: error instanceof Error ? error.message : String(error) };
      }
    },
  });

  return {
    httpServer,
    store,
    saga,
    recovery,
    follower,
    async startBackgroundWork() {
      await connection.connected;
      recovery.start();
      follower.start();
      if (config.NATS_URL !== undefined) {
        publisher = await startJetStreamPublisher({
          url: config.NATS_URL,
          outbox: openOutboxReader({ databaseUrl: config.DATABASE_URL, databaseSchema: config.DATABASE_SCHEMA, dataDir: config.DATA_DIR }),
          names: { stream: config.ORDER_EVENTS_STREAM, subjectPrefix: config.ORDER_EVENTS_SUBJECT },
          logger,
        });
        logger.info('relaying order events to JetStream', { stream: config.ORDER_EVENTS_STREAM });
      }
    },
    async stop() {
      await Promise.all([recovery.stop(), follower.stop(), publisher?.stop()]);
      await apollo.stop();
      await saga.stop(); // lets runs in flight write their last step
      await participants.close();
      await store.close();
    },
  };
}
