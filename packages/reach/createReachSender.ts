import { createUpstreamClient } from '#packages/http/index.js';
import type { Logger } from '#packages/log/index.js';
import { asRecord, parseJson } from '#packages/validate/index.js';
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
  const url = new URL(options.url);
  const client = createUpstreamClient({
    upstream: 'orders',
    baseUrl: url.origin,
    timeoutMs: options.timeoutMs,
    retries: 0,
    logger: options.logger,
  });
  const sendChunk = async (chunk: readonly ReachCount[]): Promise<void> => {
    const counts = chunk.map(({ marketplaceId, country, day, kind, count }) => ({ marketplaceId, country, day, kind, count }));
    const response = await client.request({
      method: 'POST',
      path: url.pathname,
      headers: { 'content-type': 'application/json', 'x-service-secret': options.serviceSecret },
      body: JSON.stringify({ query: RECORD_REACH, variables: { counts } }),
      // Adding counts twice would count twice: a timeout is left to the counter's next flush.
      idempotent: false,
    });
    if (response.status !== 200) throw new Error(`orders answered recordReach with HTTP ${response.status}`);
    const body = asRecord(parseJson(response.text), '$');
    if (body.errors !== undefined) throw new Error(`orders refused recordReach: ${JSON.stringify(body.errors).slice(0, 300)}`);
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
    close: () => client.close(),
  };
}
