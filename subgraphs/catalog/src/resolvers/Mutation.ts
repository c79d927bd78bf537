import type { MutationResolvers } from '../__generated__/resolvers.js';
import type { MarketplaceAdapter } from '../adapters/ports.js';
import { readIdempotencyKey, readName, readQuantity, readUnitPrice } from '../booking/readBookingInput.js';
import { toBookingError } from '../booking/toBookingError.js';
import type { Context } from '../context.js';
import { fromGlobalId, type GlobalIdKind, type NativeRef } from '../globalId.js';
import { assertServiceCaller } from '#packages/server/index.js';

/**
 * The booking saga's writes at the marketplaces (internal: service secret only). Each passes its
 * idempotency key on to the marketplace, which answers a repeat with its first answer: calling
 * twice with the same key holds, orders or gives back stock once. Ids are self-describing
 * (marketplace + vendor id), so nothing is stored here.
 */
export const Mutation: MutationResolvers<Context> = {
  async reserveStock(_parent, { input }, context) {
    assertServiceCaller(context);
    const offer = refOf(context, 'Offer', input.offerId, 'input.offerId');
    const request = {
      offerNativeId: offer.nativeId,
      quantity: readQuantity(input.quantity, 'input.quantity'),
      idempotencyKey: readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
    };
    return write(context, offer, 'reserve stock', (adapter) => adapter.reserveStock(request));
  },

  async releaseStock(_parent, { input }, context) {
    assertServiceCaller(context);
    const reservation = refOf(context, 'StockReservation', input.reservationId, 'input.reservationId');
    const request = {
      reservationNativeId: reservation.nativeId,
      idempotencyKey: readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
    };
    return write(context, reservation, 'release stock', (adapter) => adapter.releaseStock(request));
  },

  async placeMarketplaceOrder(_parent, { input }, context) {
    assertServiceCaller(context);
    const reservation = refOf(context, 'StockReservation', input.reservationId, 'input.reservationId');
    const marketplace = context.adapters.get(reservation.marketplaceId)!.marketplace;
    const request = {
      reservationNativeId: reservation.nativeId,
      expectedUnitPrice: readUnitPrice(input.expectedUnitPrice, marketplace.currency, 'input.expectedUnitPrice'),
      buyer: { name: readName(input.buyerName, 'input.buyerName'), country: input.buyerCountry },
      idempotencyKey: readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey'),
    };
    return write(context, reservation, 'place an order', (adapter) => adapter.placeOrder(request));
  },

  async cancelMarketplaceOrder(_parent, { input }, context) {
    assertServiceCaller(context);
    const order = refOf(context, 'MarketplaceOrder', input.marketplaceOrderId, 'input.marketplaceOrderId');
    const request = { orderNativeId: order.nativeId, idempotencyKey: readIdempotencyKey(input.idempotencyKey, 'input.idempotencyKey') };
    return write(context, order, 'cancel an order', (adapter) => adapter.cancelOrder(request));
  },
};

function refOf(context: Context, kind: GlobalIdKind, id: string, argumentName: string): NativeRef {
  return fromGlobalId(kind, id, argumentName, new Set(context.adapters.keys()));
}

async function write<T>(
  context: Context,
  ref: NativeRef,
  operation: string,
  call: (adapter: MarketplaceAdapter) => Promise<T>,
): Promise<T> {
  const adapter = context.adapters.get(ref.marketplaceId)!; // fromGlobalId checked the marketplace exists
  try {
    return await call(adapter);
  } catch (error) {
    throw toBookingError(error, operation, context.logger);
  }
}
