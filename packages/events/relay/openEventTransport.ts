import { join } from 'node:path';
import type { Logger } from '#packages/log/index.js';
import { createPostgresOutboxReader } from '../outbox/createPostgresOutboxReader.js';
import { createSqliteOutboxReader } from '../outbox/createSqliteOutboxReader.js';
import type { OutboxReader } from '../outbox/OutboxReader.js';
import { createJetStreamTransport } from './createJetStreamTransport.js';
import { createOutboxTransport } from './createOutboxTransport.js';
import type { EventTransport } from './EventTransport.js';
import type { JetStreamNames } from './jetStreamNames.js';

/** Where the orders service keeps its outbox, as its own settings name it. */
export interface OutboxLocation {
  /** The orders PostgreSQL database (`DATABASE_URL`); without it, the SQLite file in `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly databaseSchema: string;
  readonly dataDir: string;
}

/** The orders outbox, read from wherever orders keeps it. */
export function openOutboxReader(location: OutboxLocation): OutboxReader {
  return location.databaseUrl !== undefined
    ? createPostgresOutboxReader({ connectionString: location.databaseUrl, schema: location.databaseSchema })
    : createSqliteOutboxReader({ file: join(location.dataDir, 'orders.sqlite') });
}

/**
 * The transport a reader's service uses: JetStream when `natsUrl` is set (several replicas share
 * each reader's durable consumer), else polling the outbox in process.
 */
export async function openEventTransport(options: {
  natsUrl: string | undefined;
  names: JetStreamNames;
  outbox: OutboxLocation;
  /** The outbox relay's pause between polls that found less than a full batch. Default: the relay's (250 ms). */
  pollIntervalMs?: number;
  logger: Logger;
}): Promise<EventTransport> {
  if (options.natsUrl !== undefined)
    return createJetStreamTransport({ url: options.natsUrl, names: options.names, logger: options.logger });
  return createOutboxTransport({
    outbox: openOutboxReader(options.outbox),
    logger: options.logger,
    ...(options.pollIntervalMs !== undefined && { intervalMs: options.pollIntervalMs }),
  });
}
