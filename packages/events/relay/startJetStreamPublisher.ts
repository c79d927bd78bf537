import type { Logger } from '#packages/log/index.js';
import type { OutboxReader } from '../outbox/OutboxReader.js';
import { DEFAULT_JETSTREAM_NAMES, orderSubject, type JetStreamNames } from './jetStreamNames.js';
import { openJetStream } from './openJetStream.js';

export interface JetStreamPublisher {
  /** Publishes what is waiting now; resolves with how many events went out. */
  publishWaiting(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The relay's sending half, run by orders when `NATS_URL` is set: polls the outbox for events not
 * yet published, publishes each (awaiting JetStream's ack) with its event id as `Nats-Msg-Id`, then
 * marks them published. A crash between the two publishes them again, and the stream's duplicate
 * window drops the copies. Order is the outbox's: one publisher at a time (a lock on PostgreSQL).
 * The publisher owns `outbox` and closes it when stopped.
 */
export async function startJetStreamPublisher(options: {
  url: string;
  outbox: OutboxReader;
  names?: JetStreamNames;
  intervalMs?: number;
  batchSize?: number;
  logger: Logger;
}): Promise<JetStreamPublisher> {
  const names = options.names ?? DEFAULT_JETSTREAM_NAMES;
  const intervalMs = options.intervalMs ?? 200;
  const batchSize = options.batchSize ?? 500;
  const { connection, client } = await openJetStream(options.url, names);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> = Promise.resolve(0);

  const publishOnce = () =>
    options.outbox.publishNext(batchSize, async (rows) => {
      // Sent in outbox order on one connection, acknowledged together: the stream keeps that order.
      await Promise.all(rows.map((row) => client.publish(orderSubject(names, row.orderId), row.payload, { msgID: row.id })));
    });
  const tick = async () => {
    let delay = intervalMs;
    try {
      if ((await (running = publishOnce())) === batchSize) delay = 0;
    } catch (error) {
      options.logger.warn('order events not published to JetStream yet; retrying', { error });
      delay = Math.max(intervalMs, 1_000);
    }
    if (!stopped) timer = setTimeout(() => void tick(), delay);
  };
  void tick();

  return {
    async publishWaiting() {
      await running.catch(() => 0);
      return publishOnce();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => 0);
      await connection.drain().catch(() => connection.close());
      await options.outbox.close();
    },
  };
}
