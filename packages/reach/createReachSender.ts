import type { Logger } from '#packages/log/index.js';
import { createServiceGraphQLClient } from '#packages/server/createServiceGraphQLClient.js';
import type { ReachCount } from './ReachCount.js';
import { ReachNotSent } from './ReachNotSent.js';

const RECORD_REACH = /* GraphQL */ `
  mutation RecordReach($counts: [ReachCountInput!]!) {
    recordReach(counts: $counts)
  }
`;

export interface ReachSender {
  send(batch: readonly ReachCount[]): Promise<void>;
  close(): Promise<void>;
}

/** Counters per `recordReach` request: well under what orders takes in one (`MAX_REACH_BATCH`, 5000). */
export const REACH_CHUNK_SIZE = 1_000;

/**
 * Sends a batch of counts to the orders subgraph, which keeps reach (`recordReach`, hidden from
 * the public API and answered only with the service secret), in requests of `REACH_CHUNK_SIZE`
 * counters, so a backlog built up while orders was down is never too large to be taken. Not
 * retried here: a chunk that fails ends the send with `ReachNotSent` naming the counts not written,
 * which the counter keeps for its next flush.
 */
export function createReachSender(options: { url: string; serviceSecret: string; timeoutMs: number; logger: Logger }): ReachSender {
  const orders = createServiceGraphQLClient({ upstream: 'orders', retries: 0, ...options });
  const sendChunk = async (chunk: readonly ReachCount[]): Promise<void> => {
    const counts = chunk.map(({ marketplaceId, country, day, kind, count }) => ({ marketplaceId, country, day, kind, count }));
    // Adding counts twice would count twice: a timeout is left to the counter's next flush.
    await orders.execute(RECORD_REACH, { counts }, { field: 'recordReach', idempotent: false });
  };
  return {
    async send(batch) {
      for (let start = 0; start < batch.length; start += REACH_CHUNK_SIZE) {
        try {
          await sendChunk(batch.slice(start, start + REACH_CHUNK_SIZE));
        } catch (error) {
          throw new ReachNotSent(error instanceof Error ? error.message : String(error), batch.slice(start), { cause: error });
        }
      }
    },
    close: () => orders.close(),
  };
}
