import type { Logger } from '#packages/log/index.js';
import { isMissingOutbox, type OutboxReader } from '../outbox/OutboxReader.js';
import { deliverBatch } from './deliverBatch.js';
import type { EventReader } from './EventReader.js';
import type { EventTransport, RunningReader } from './EventTransport.js';

export interface OutboxTransportOptions {
  outbox: OutboxReader;
  /** Pause between polls when nothing was waiting. Default: 250 ms. */
  intervalMs?: number;
  /** Events handed over at once. Default: 500. */
  batchSize?: number;
  logger: Logger;
}

/**
 * The default relay: each reader polls the outbox itself, in its own process, and keeps its
 * position there. A full batch is followed by the next at once; a failed one is retried after a
 * pause that doubles up to 30 s.
 */
export function createOutboxTransport(options: OutboxTransportOptions): EventTransport {
  const { outbox, logger } = options;
  const intervalMs = options.intervalMs ?? 250;
  const batchSize = options.batchSize ?? 500;
  return {
    kind: 'outbox',
    async start(reader: EventReader): Promise<RunningReader> {
      let stopped = false;
      let timer: NodeJS.Timeout | undefined;
      let failures = 0;
      let running: Promise<number> = Promise.resolve(0);
      const drainOnce = () =>
        outbox.deliverNext(reader.name, batchSize, (rows) =>
          deliverBatch(
            reader,
            rows.map((row) => ({ payload: row.payload, source: `outbox:${row.seq}` })),
          ),
        );
      const tick = async () => {
        let delay = intervalMs;
        try {
          const delivered = await (running = drainOnce());
          failures = 0;
          if (delivered === batchSize) delay = 0;
        } catch (error) {
          if (isMissingOutbox(error)) logger.info('order events outbox not created yet; waiting for orders', { reader: reader.name });
          else {
            failures += 1;
            delay = Math.min(30_000, intervalMs * 2 ** failures);
            logger.warn('order events not delivered; retrying', { reader: reader.name, error, retryInMs: delay });
          }
        }
        if (!stopped) timer = setTimeout(() => void tick(), delay);
      };
      void tick();
      return {
        async drain() {
          await running.catch(() => 0);
          let total = 0;
          for (;;) {
            const delivered = await drainOnce();
            total += delivered;
            if (delivered < batchSize) return total;
          }
        },
        async stop() {
          stopped = true;
          clearTimeout(timer);
          await running.catch(() => 0);
        },
      };
    },
    async close() {
      await outbox.close();
    },
  };
}
