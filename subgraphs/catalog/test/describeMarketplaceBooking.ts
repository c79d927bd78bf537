import { afterAll, describe, expect, it } from 'vitest';
import { fromMinor, type CurrencyCode } from '#packages/money/index.js';
import type { SeedListing } from '#packages/sandbox/index.js';
import type { TestSandbox } from '#test/support/startSandbox.js';
import { MarketplaceRefusal, type MarketplaceRefusalReason } from '../src/adapters/MarketplaceRefusal.js';
import type { MarketplaceAdapter } from '../src/adapters/ports.js';

export interface BookingSuiteOptions {
  /** The sandbox's own listings: their seeded stock and price. */
  listings: readonly SeedListing[];
  /** A seed listing's id as the vendor and the adapter know it. */
  nativeIdOf(listing: SeedListing): string;
  /** The vendor's names for its write endpoints, as counted in /__sandbox/stats. */
  writeEndpoints: { reserve: string; release: string; place: string; cancel: string };
}

/**
 * The write half of the marketplace conformance suite, against the same sandbox: holds, orders and
 * their undoing really move the sandbox's stock, and each idempotency key moves it once.
 */
export function describeMarketplaceBooking(
  options: BookingSuiteOptions,
  sandbox: () => TestSandbox,
  adapter: () => MarketplaceAdapter,
): void {
  // Each test takes listings of its own, so no test sees another's holds.
  const stocked = options.listings.filter((listing) => listing.stock >= 10);
  const soldOut = options.listings.find((listing) => listing.stock === 0);
  let next = 0;
  const takeListing = () => stocked[next++]!;
  const idOf = options.nativeIdOf;
  const key = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
  const priceOf = (listing: SeedListing) => fromMinor(listing.priceMinor, adapter().marketplace.currency as CurrencyCode);
  const buyer = { name: 'Erika Mustermann', country: 'DE' };

  async function availableOf(listing: SeedListing): Promise<number> {
    const response = await fetch(`${sandbox().url}/__sandbox/stock/${encodeURIComponent(idOf(listing))}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { available: number }).available;
  }
  async function refusalOf(promise: Promise<unknown>): Promise<MarketplaceRefusalReason> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, 'a MarketplaceRefusal').toBeInstanceOf(MarketplaceRefusal);
    return (error as MarketplaceRefusal).reason;
  }
  const stats = async () => (await sandbox().stats()).byEndpoint;

  describe('writes (conformance)', () => {
    afterAll(async () => {
      await sandbox().post('/__sandbox/stock-hold', { seconds: 900 });
    });

    it('holds stock once per idempotency key, however often the call is repeated', async () => {
      const listing = takeListing();
      const before = await availableOf(listing);
      const idempotencyKey = key('reserve');
      await sandbox().resetStats();
      const first = await adapter().reserveStock({ offerNativeId: idOf(listing), quantity: 2, idempotencyKey });
      const again = await adapter().reserveStock({ offerNativeId: idOf(listing), quantity: 2, idempotencyKey });
      expect(first).toMatchObject({ marketplaceId: adapter().marketplace.id, offerNativeId: idOf(listing), quantity: 2, status: 'HELD' });
      expect(Date.parse(first.expiresAt)).toBeGreaterThan(Date.now());
      expect(again).toEqual(first);
      expect((await stats())[options.writeEndpoints.reserve]).toBe(2);
      expect(await availableOf(listing)).toBe(before - 2);

      const other = await refusalOf(adapter().reserveStock({ offerNativeId: idOf(listing), quantity: 3, idempotencyKey }));
      expect(other).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await availableOf(listing)).toBe(before - 2);
      await adapter().releaseStock({ reservationNativeId: first.nativeId, idempotencyKey: key('cleanup') });
    });

    it('gives held stock back on release; releasing again is harmless', async () => {
      const listing = takeListing();
      const before = await availableOf(listing);
      const held = await adapter().reserveStock({ offerNativeId: idOf(listing), quantity: 3, idempotencyKey: key('reserve') });
      expect(await availableOf(listing)).toBe(before - 3);
      const releaseKey = key('release');
      const released = await adapter().releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: releaseKey });
      expect(released).toMatchObject({ nativeId: held.nativeId, status: 'RELEASED', quantity: 3 });
      expect(await adapter().releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: releaseKey })).toEqual(released);
      expect(await adapter().releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: key('release') })).toMatchObject({
        status: 'RELEASED',
      });
      expect(await availableOf(listing)).toBe(before);
    });

    it('orders a hold once per key at the quoted price; cancelling gives the stock back, once', async () => {
      const listing = takeListing();
      const before = await availableOf(listing);
      const held = await adapter().reserveStock({ offerNativeId: idOf(listing), quantity: 2, idempotencyKey: key('reserve') });
      const placeKey = key('place');
      const place = () =>
        adapter().placeOrder({ reservationNativeId: held.nativeId, expectedUnitPrice: priceOf(listing), buyer, idempotencyKey: placeKey });
      await sandbox().resetStats();
      const order = await place();
      expect(await place()).toEqual(order);
      expect((await stats())[options.writeEndpoints.place]).toBe(2);
      expect(order).toMatchObject({ marketplaceId: adapter().marketplace.id, status: 'PLACED' });
      expect(order.total).toEqual(fromMinor(priceOf(listing).minor * 2n, priceOf(listing).currency));
      expect(await availableOf(listing)).toBe(before - 2);

      expect(await refusalOf(adapter().releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: key('release') }))).toBe(
        'RESERVATION_ORDERED',
      );
      const cancelKey = key('cancel');
      const cancelled = await adapter().cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: cancelKey });
      expect(cancelled).toMatchObject({ nativeId: order.nativeId, status: 'CANCELLED' });
      expect(await adapter().cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: cancelKey })).toEqual(cancelled);
      expect(await adapter().cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: key('cancel') })).toMatchObject({
        status: 'CANCELLED',
      });
      expect((await stats())[options.writeEndpoints.cancel]).toBe(3);
      expect(await availableOf(listing)).toBe(before);
    });

    it('refuses more than is in stock as OUT_OF_STOCK, holding nothing', async () => {
      const listing = takeListing();
      const before = await availableOf(listing);
      expect(
        await refusalOf(adapter().reserveStock({ offerNativeId: idOf(listing), quantity: before + 1, idempotencyKey: key('reserve') })),
      ).toBe('OUT_OF_STOCK');
      expect(await availableOf(listing)).toBe(before);
      if (soldOut) {
        expect(await refusalOf(adapter().reserveStock({ offerNativeId: idOf(soldOut), quantity: 1, idempotencyKey: key('reserve') }))).toBe(
          'OUT_OF_STOCK',
        );
      }
    });

    it('refuses an order at another price as PRICE_CHANGED and keeps the hold for a right one', async () => {
      const listing = takeListing();
      const held = await adapter().reserveStock({ offerNativeId: idOf(listing), quantity: 1, idempotencyKey: key('reserve') });
      const price = priceOf(listing);
      const cheaper = fromMinor(price.minor - 1n, price.currency);
      expect(
        await refusalOf(
          adapter().placeOrder({ reservationNativeId: held.nativeId, expectedUnitPrice: cheaper, buyer, idempotencyKey: key('place') }),
        ),
      ).toBe('PRICE_CHANGED');
      const order = await adapter().placeOrder({
        reservationNativeId: held.nativeId,
        expectedUnitPrice: price,
        buyer,
        idempotencyKey: key('place'),
      });
      expect(order.status).toBe('PLACED');
      await adapter().cancelOrder({ orderNativeId: order.nativeId, idempotencyKey: key('cancel') });
    });

    it('gives the stock of a lapsed hold back, and will not order it', async () => {
      const listing = takeListing();
      const before = await availableOf(listing);
      await sandbox().post('/__sandbox/stock-hold', { seconds: 0.2 });
      const held = await adapter().reserveStock({ offerNativeId: idOf(listing), quantity: 1, idempotencyKey: key('reserve') });
      await sandbox().post('/__sandbox/stock-hold', { seconds: 900 });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await availableOf(listing)).toBe(before);
      expect(
        await refusalOf(
          adapter().placeOrder({
            reservationNativeId: held.nativeId,
            expectedUnitPrice: priceOf(listing),
            buyer,
            idempotencyKey: key('place'),
          }),
        ),
      ).toBe('RESERVATION_EXPIRED');
      expect(await adapter().releaseStock({ reservationNativeId: held.nativeId, idempotencyKey: key('release') })).toMatchObject({
        status: 'EXPIRED',
      });
    });

    it('says NOT_FOUND for an item, hold or order the vendor does not know', async () => {
      expect(
        await refusalOf(adapter().reserveStock({ offerNativeId: idOf(stocked.at(-1)!) + '9', quantity: 1, idempotencyKey: key('r') })),
      ).toMatch(/NOT_FOUND|INVALID_REQUEST/);
      expect(await refusalOf(adapter().releaseStock({ reservationNativeId: 'no-such-hold', idempotencyKey: key('release') }))).toBe(
        'NOT_FOUND',
      );
      expect(await refusalOf(adapter().cancelOrder({ orderNativeId: '999999', idempotencyKey: key('cancel') }))).toBe('NOT_FOUND');
    });
  });
}
