import { AckPolicy, DeliverPolicy, nanos, type JsMsg } from 'nats';
import type { Logger } from '#packages/log/index.js';
import { deliverBatch } from './deliverBatch.js';
import type { EventReader } from './EventReader.js';
import type { EventTransport, RunningReader } from './EventTransport.js';
import { DEFAULT_JETSTREAM_NAMES, type JetStreamNames } from './jetStreamNames.js';
import { openJetStream } from './openJetStream.js';

export interface JetStreamTransportOptions {
  /** `NATS_URL`, e.g. `nats://127.0.0.1:4222`. */
  url: string;
  names?: JetStreamNames;
  /** Events fetched at once. Default: 500. */
  batchSize?: number;
  /** How long a fetch waits for a first event (JetStream takes 1000 ms at least); stopping waits for it. Default: 2000 ms. */
  fetchWaitMs?: number;
  logger: Logger;
}

/**
 * Readers as durable JetStream consumers (explicit acks, from the first event): any number of
 * replicas of a reader share its consumer, and one that restarts resumes where the consumer
 * stands. A batch is acked once handled, or nak'd as a whole (with a delay) to come again;
 * `max_ack_pending` is one batch, so nothing later overtakes a batch that is being retried.
 */
export async function createJetStreamTransport(options: JetStreamTransportOptions): Promise<EventTransport> {
  const names = options.names ?? DEFAULT_JETSTREAM_NAMES;
  const batchSize = options.batchSize ?? 500;
  const fetchWaitMs = Math.max(1_000, options.fetchWaitMs ?? 2_000);
  const { connection, manager, client } = await openJetStream(options.url, names);
  const { logger } = options;

  return {
    kind: 'jetstream',
    async start(reader: EventReader): Promise<RunningReader> {
      try {
        await manager.consumers.info(names.stream, reader.name);
      } catch {
        await manager.consumers.add(names.stream, {
          durable_name: reader.name,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          ack_wait: nanos(60_000),
          max_ack_pending: batchSize,
        });
      }
      const consumer = await client.consumers.get(names.stream, reader.name);
      let stopped = false;
      let failures = 0;

      // Waits (long poll) for the first event only, then takes what else is there without waiting:
      // a batch never sits on a lone event until a fetch expires.
      const fetchOnce = async (expires: number): Promise<number> => {
        const first = await consumer.next({ expires });
        if (first === null) return 0;
        const messages: JsMsg[] = [first];
        if (batchSize > 1) {
          for await (const message of client.fetch(names.stream, reader.name, { batch: batchSize - 1, no_wait: true }))
            messages.push(message);
        }
        try {
          await deliverBatch(
            reader,
            messages.map((message) => ({ payload: message.string(), source: `jetstream:${message.seq}` })),
          );
        } catch (error) {
          failures += 1;
          const delay = Math.min(30_000, 250 * 2 ** failures);
          for (const message of messages) message.nak(delay);
          throw error;
        }
        failures = 0;
        for (const message of messages) message.ack();
        return messages.length;
      };

      const loop = (async () => {
        while (!stopped) {
          try {
            await fetchOnce(fetchWaitMs);
          } catch (error) {
            if (stopped) break;
            logger.warn('order events not delivered from JetStream; they come again', { reader: reader.name, error });
            await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 250 * 2 ** failures)));
          }
        }
      })();

      return {
        async drain() {
          return 0; // the loop fetches continuously; JetStream readers are followed by their consumer's state
        },
        async stop() {
          stopped = true;
          await loop;
        },
      };
    },
    async close() {
      await connection.drain().catch(() => connection.close());
    },
  };
}
