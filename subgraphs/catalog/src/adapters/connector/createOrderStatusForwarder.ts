import type { Logger } from '#packages/log/index.js';
import { createServiceGraphQLClient } from '#packages/server/createServiceGraphQLClient.js';
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
  const orders = createServiceGraphQLClient({ upstream: 'orders', retries: 0, ...options });
  return {
    async forward(status) {
      const input = {
        marketplaceOrderId: toGlobalId('MarketplaceOrder', { marketplaceId: status.marketplaceId, nativeId: status.orderNativeId }),
        eventId: status.eventId,
        status: status.status,
        cancelledBy: status.cancelledBy ?? null,
        occurredAt: status.occurredAt,
      };
      // recording is idempotent by the event id
      const data = await orders.execute(RECORD_STATUS, { input }, { field: 'recordMarketplaceOrderStatus', idempotent: true });
      // false: no order was placed as it yet (the placement callback can outrun the booking step)
      if (data.recordMarketplaceOrderStatus !== true) throw new Error(`no order is known yet as ${input.marketplaceOrderId}`);
    },
    close: () => orders.close(),
  };
}
