import { createUpstreamClient } from '#packages/http/index.js';
import type { Logger } from '#packages/log/index.js';
import { asRecord, parseJson } from '#packages/validate/index.js';
import type { ReachCount } from './ReachCount.js';

const RECORD_REACH = /* GraphQL */ `
  mutation RecordReach($counts: [ReachCountInput!]!) {
    recordReach(counts: $counts)
  }
`;

export interface ReachSender {
  send(batch: readonly ReachCount[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Sends a batch of counts to the orders subgraph, which keeps reach (`recordReach`, hidden from
 * the public API and answered only with the service secret). Not retried here: the counter keeps a
 * batch that failed and sends it with the next one.
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
  return {
    async send(batch) {
      const counts = batch.map(({ marketplaceId, country, day, kind, count }) => ({ marketplaceId, country, day, kind, count }));
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
    },
    close: () => client.close(),
  };
}
