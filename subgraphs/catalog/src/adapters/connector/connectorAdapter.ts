import { toDecimalString } from '#packages/money/index.js';
import type { z } from 'zod';
import type { ConfiguredAdapterModule } from '../ports.js';
import type { ConnectorMarketplace } from './ConnectorMarketplace.js';
import { createConnectorClient } from './createConnectorClient.js';
import { readMessage, toOfferRecord, toOrder, toReservation, toSellerRecord } from './map.js';
import { Hold, Listings, MAX_IDS_PER_REQUEST, Order, PAGE_SIZE, SearchPage, Sellers } from './protocol.js';

/** Protocol ids are letters, digits and `._:-`: anything else cannot exist there, so it is not sent. */
const PROTOCOL_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * The generic adapter: any marketplace that implements the Marketplace Connector protocol
 * (`subgraphs/catalog/connector/openapi.yaml`), configured by its `MARKETPLACES_FILE` entry rather
 * than by code. Positions in search are the protocol's opaque cursors, kept as they came.
 */
export default {
  id: 'connector',
  create(entry, { logger, upstreamTimeoutMs, statusCallbackUrl }) {
    const { marketplace } = entry;
    // The receiver learns which marketplace calls from the URL, then checks that marketplace's signature.
    const callbackUrl = statusCallbackUrl === undefined ? undefined : new URL(statusCallbackUrl);
    callbackUrl?.searchParams.set('marketplace', marketplace.id);
    const client = createConnectorClient(entry, { logger, timeoutMs: upstreamTimeoutMs });

    /**
     * A batch lookup (`getListings`, `getSellers`): `MAX_IDS_PER_REQUEST` ids a call, all calls at
     * once, form-encoded (`,` goes as %2C: the spelling both sides sign).
     */
    async function lookup<M, T extends { nativeId: string }>(
      nativeIds: readonly string[],
      request: { operation: string; path: string; answer: z.ZodType<M>; signal: AbortSignal | undefined },
      read: (message: M) => T[],
    ): Promise<Map<string, T>> {
      const wanted = [...new Set(nativeIds.filter((id) => PROTOCOL_ID.test(id)))];
      const chunks: string[][] = [];
      for (let i = 0; i < wanted.length; i += MAX_IDS_PER_REQUEST) chunks.push(wanted.slice(i, i + MAX_IDS_PER_REQUEST));
      const found = await Promise.all(
        chunks.map(async (chunk) => {
          const path = `${request.path}?${new URLSearchParams({ ids: chunk.join(',') }).toString()}`;
          const message = await client.call({ ...request, method: 'GET', path });
          return readMessage(marketplace, request.operation, () => read(message));
        }),
      );
      return new Map(found.flat().map((record) => [record.nativeId, record]));
    }

    return {
      marketplace,

      async searchPage({ query, position, signal }) {
        const params = new URLSearchParams({ q: query, limit: String(PAGE_SIZE) });
        if (position !== null) params.set('cursor', position);
        const page = await client.call({
          operation: 'searchListings',
          method: 'GET',
          path: `/listings/search?${params.toString()}`,
          answer: SearchPage,
          signal,
        });
        return readMessage(marketplace, 'searchListings', () => {
          // A cursor handed back unchanged would have us page forever.
          if (page.nextCursor !== null && page.nextCursor === position) throw new Error('nextCursor: the cursor asked with');
          return {
            offers: page.listings.map((listing, index) => toOfferRecord(listing, marketplace, `listings[${index}]`)),
            next: page.nextCursor,
          };
        });
      },

      getOffers: (nativeIds, signal) =>
        lookup(nativeIds, { operation: 'getListings', path: '/listings', answer: Listings, signal }, ({ listings }) =>
          listings.map((listing, index) => toOfferRecord(listing, marketplace, `listings[${index}]`)),
        ),

      getSellers: (nativeIds, signal) =>
        lookup(nativeIds, { operation: 'getSellers', path: '/sellers', answer: Sellers, signal }, ({ sellers }) =>
          sellers.map((profile, index) => toSellerRecord(profile, marketplace, `sellers[${index}]`)),
        ),

      async reserveStock({ offerNativeId, quantity, idempotencyKey }, signal) {
        const body = { listingId: offerNativeId, quantity };
        const hold = await client.call({
          operation: 'createHold',
          method: 'POST',
          path: '/holds',
          body,
          idempotencyKey,
          answer: Hold,
          signal,
        });
        return toReservation(hold, marketplace);
      },

      async releaseStock({ reservationNativeId, idempotencyKey }, signal) {
        const body = { holdId: reservationNativeId };
        const hold = await client.call({
          operation: 'releaseHold',
          method: 'POST',
          path: '/holds/release',
          body,
          idempotencyKey,
          answer: Hold,
          signal,
        });
        return toReservation(hold, marketplace);
      },

      async placeOrder({ reservationNativeId, expectedUnitPrice, buyer, idempotencyKey }, signal) {
        const body = {
          holdId: reservationNativeId,
          expectedUnitPrice: { amount: toDecimalString(expectedUnitPrice), currency: expectedUnitPrice.currency },
          buyer,
          ...(callbackUrl !== undefined && { callbackUrl: callbackUrl.href }),
        };
        const order = await client.call({
          operation: 'placeOrder',
          method: 'POST',
          path: '/orders',
          body,
          idempotencyKey,
          answer: Order,
          signal,
        });
        return readMessage(marketplace, 'placeOrder', () => toOrder(order, marketplace));
      },

      async cancelOrder({ orderNativeId, idempotencyKey }, signal) {
        const body = { orderId: orderNativeId };
        const order = await client.call({
          operation: 'cancelOrder',
          method: 'POST',
          path: '/orders/cancel',
          body,
          idempotencyKey,
          answer: Order,
          signal,
        });
        return readMessage(marketplace, 'cancelOrder', () => toOrder(order, marketplace));
      },

      close: () => client.close(),
    };
  },
} satisfies ConfiguredAdapterModule<ConnectorMarketplace>;
