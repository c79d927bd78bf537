import { GraphQLError } from 'graphql';
import { ErrorCode, userInputError } from '#packages/errors/index.js';
import { orderEvent } from '../events/orderEvent.js';
import type { MarketplaceStatusRecord, OrderStore } from '../store/OrderStore.js';

interface MarketplaceOrderStatusInput {
  readonly marketplaceOrderId: string;
  readonly eventId: string;
  readonly status: MarketplaceStatusRecord['status'];
  readonly cancelledBy?: MarketplaceStatusRecord['cancelledBy'] | undefined;
  readonly occurredAt: string;
}

/**
 * `recordMarketplaceOrderStatus`: a status callback the catalog verified, kept on the order placed at
 * the marketplace as `marketplaceOrderId`, with an `order.marketplace_status` event in the same
 * transaction. The same event id again writes nothing; an event older than the one kept is not
 * applied (the marketplace sends one order's events in order, but retries may cross). False when no
 * order was placed as it yet: the placement callback may come before the booking step recorded the
 * id, and the catalog then asks the marketplace to send it again.
 */
export async function recordMarketplaceOrderStatus(
  input: MarketplaceOrderStatusInput,
  context: { serviceCaller: boolean; store: OrderStore; now?: () => number },
): Promise<boolean> {
  if (!context.serviceCaller) {
    throw new GraphQLError("recordMarketplaceOrderStatus is for the platform's own services", {
      extensions: { code: ErrorCode.FORBIDDEN },
    });
  }
  const occurredAt = Date.parse(input.occurredAt);
  if (!Number.isFinite(occurredAt)) throw userInputError('input.occurredAt: an ISO 8601 instant', 'input.occurredAt');
  const order = await context.store.getOrderByMarketplaceOrderId(input.marketplaceOrderId);
  if (order === undefined) return false;
  const kept = order.marketplaceStatus;
  if (kept !== null && (kept.eventId === input.eventId || kept.occurredAt > occurredAt)) return true;
  const status: MarketplaceStatusRecord = {
    status: input.status,
    cancelledBy: input.status === 'CANCELLED' ? (input.cancelledBy ?? null) : null,
    occurredAt,
    eventId: input.eventId,
  };
  const now = (context.now ?? Date.now)();
  const event = orderEvent('order.marketplace_status', order, now, {
    marketplaceEventId: input.eventId,
    status: status.status,
    ...(status.cancelledBy !== null && { cancelledBy: status.cancelledBy }),
    reportedAt: new Date(occurredAt).toISOString(),
  });
  await context.store.updateOrder(order.id, { marketplaceStatus: status }, now, [event]);
  return true;
}
