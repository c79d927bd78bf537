import { createUpstreamClient } from '../http/index.js';
import type { Logger } from '../log/index.js';
import { asRecord, parseJson } from '../validate/index.js';
import { SERVICE_SECRET_HEADER } from './serviceAuth.js';

export interface ServiceGraphQLClient {
  /**
   * Runs one operation on the subgraph and gives its `data`. Throws, naming `field`, when the
   * subgraph answers other than HTTP 200 or with GraphQL errors.
   */
  execute(
    query: string,
    variables: Record<string, unknown>,
    options: { readonly field: string; readonly idempotent: boolean },
  ): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * A subgraph's internal operations (hidden from the public API, answered only with the service
 * secret), called directly rather than through the gateway: catalog and payments sending reach
 * counts to orders, catalog handing a marketplace's status callback on to it.
 */
export function createServiceGraphQLClient(options: {
  upstream: string;
  url: string;
  serviceSecret: string;
  timeoutMs: number;
  retries: number;
  logger: Logger;
}): ServiceGraphQLClient {
  const url = new URL(options.url);
  const client = createUpstreamClient({
    upstream: options.upstream,
    baseUrl: url.origin,
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    logger: options.logger,
  });
  return {
    async execute(query, variables, { field, idempotent }) {
      const response = await client.request({
        method: 'POST',
        path: url.pathname,
        headers: { 'content-type': 'application/json', [SERVICE_SECRET_HEADER]: options.serviceSecret },
        body: JSON.stringify({ query, variables }),
        idempotent,
      });
      if (response.status !== 200) throw new Error(`${options.upstream} answered ${field} with HTTP ${response.status}`);
      const body = asRecord(parseJson(response.text), '$');
      if (body.errors !== undefined) throw new Error(`${options.upstream} refused ${field}: ${JSON.stringify(body.errors).slice(0, 300)}`);
      return asRecord(body.data, '$.data');
    },
    close: () => client.close(),
  };
}
