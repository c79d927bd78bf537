import { createUpstreamClient } from '#packages/http/index.js';
import type { Logger } from '#packages/log/index.js';
import { asRecord, parseJson } from '#packages/validate/index.js';
import { toGlobalId } from '../../globalId.js';
import type { MarketplaceOrderStatus } from './createStatusCallbackRoute.js';

const RECORD_STATUS = /* GraphQL */ `
  mutation RecordMarketplaceOrderStatus($input: MarketplaceOrderStatusInput!) {
    recordMarketplaceOrderStatus(input: $input)
  }
`;

export interface OrderStatusForwarder {
  /** Hands a verified status to orders; throws when orders did not record it (the marketplace then sends it again). */
  forward(status: MarketplaceOrderStatus): Promise<void>;
  close(): Promise<void>;
}

/**
 * The catalog verifies a marketplace's callback (it holds the signing key); the orders subgraph owns
 * the order, so the status goes on to it over the service call (`recordMarketplaceOrderStatus`,
 * hidden from the public API), naming the order by the same `MarketplaceOrder` id the booking got.
 */
export function createOrderStatusForwarder(options: {
  url: string;
  serviceSecret: string;
  timeoutMs: number;
  logger: Logger;
}): OrderStatusForwarder {
  const url = new URL(options.url);
  const client = createUpstreamClient({
    upstream: 'orders',
    baseUrl: url.origin,
    timeoutMs: options.timeoutMs,
    retries: 0,
    logger: options.logger,
  });
  return {
    async forward(status) {
      const input = {
        marketplaceOrderId: toGlobalId('MarketplaceOrder', { marketplaceId: status.marketplaceId, nativeId: status.orderNativeId }),
        eventId: status.eventId,
        status: status.status,
        cancelledBy: status.cancelledBy ?? null,
        occurredAt: status.occurredAt,
      };
      const response = await client.request({
        method: 'POST',
        path: url.pathname,
        headers: { 'content-type': 'application/json', 'x-service-secret': options.serviceSecret },
        body: JSON.stringify({ query: RECORD_STATUS, variables: { input } }),
        // recording is idempotent by the event id
        idempotent: true,
      });
      if (response.status !== 200) throw new Error(`orders answered recordMarketplaceOrderStatus with HTTP ${response.status}`);
      const body = asRecord(parseJson(response.text), '$');
      if (body.errors !== undefined)
        throw new Error(`orders refused recordMarketplaceOrderStatus: ${JSON.stringify(body.errors).slice(0, 300)}`);
      const data = asRecord(body.data, '$.data');
      // false: no order was placed as it yet (the placement callback can outrun the booking step)
      if (data.recordMarketplaceOrderStatus !== true) throw new Error(`no order is known yet as ${input.marketplaceOrderId}`);
    },
    close: () => client.close(),
  };
}
