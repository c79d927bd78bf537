import { connect, nanos, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import type { JetStreamNames } from './jetStreamNames.js';

export interface OpenJetStream {
  readonly connection: NatsConnection;
  readonly manager: JetStreamManager;
  readonly client: JetStreamClient;
}

/**
 * Connects and makes sure the durable stream exists (file storage, limits retention: readers come
 * and go without taking events from one another). Publishing and reading both call this, so
 * whichever starts first creates it. The duplicate window lets the relay publish an event again
 * after a crash without readers seeing it twice.
 */
export async function openJetStream(url: string, names: JetStreamNames): Promise<OpenJetStream> {
  const connection = await connect({ servers: url, name: 'tradegraph-order-events', maxReconnectAttempts: -1 });
  try {
    const manager = await connection.jetstreamManager();
    const config = {
      name: names.stream,
      subjects: [`${names.subjectPrefix}.>`],
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      duplicate_window: nanos(10 * 60_000),
    };
    try {
      await manager.streams.info(names.stream);
    } catch {
      await manager.streams.add(config);
    }
    return { connection, manager, client: connection.jetstream() };
  } catch (error) {
    await connection.close().catch(() => undefined);
    throw error;
  }
}
