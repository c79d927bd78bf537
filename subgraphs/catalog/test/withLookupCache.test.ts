import { describe, expect, it } from 'vitest';
import { createMemoryCache } from '#packages/cache/index.js';
import { createLogger } from '#packages/log/index.js';
import { fromMinor } from '#packages/money/index.js';
import type { MarketplaceAdapter, OfferRecord, StockReservationRecord } from '../src/adapters/ports.js';
import { withLookupCache } from '../src/withLookupCache.js';

const offer = (availableQuantity: number): OfferRecord => ({
  marketplaceId: 'de-marktplatz',
  nativeId: 'MP-4711013',
  title: 'Hand-thrown stoneware mug',
  nativeTitle: 'Handgetöpferter Steinzeugbecher',
  price: fromMinor(1890n, 'EUR'),
  originCountry: 'DE',
  hsCode: '691200',
  weightGrams: 420,
  dimensionsCm: undefined,
  availableQuantity,
  seller: { nativeId: 'H10207' },
  warehouseCountries: [],
  containsLithiumBattery: false,
  shipsTo: { kind: 'WORLDWIDE', except: [] },
});

/** A marketplace whose hold answers only when the test says so, logging each call as it comes. */
function heldMarketplace() {
  const calls: string[] = [];
  let stock = 10;
  let answerHold!: () => void;
  const holdAnswered = new Promise<void>((resolve) => (answerHold = resolve));
  const adapter = {
    marketplace: { id: 'de-marktplatz', name: 'Marktplatz', country: 'DE', currency: 'EUR', continent: 'EUROPE' },
    async getOffers(nativeIds: readonly string[]) {
      calls.push('getOffers');
      return new Map(nativeIds.map((nativeId) => [nativeId, { ...offer(stock), nativeId }]));
    },
    async reserveStock(request: { offerNativeId: string; quantity: number }): Promise<StockReservationRecord> {
      calls.push('reserveStock');
      await holdAnswered;
      stock -= request.quantity;
      calls.push('reserveStock answered');
      const expiresAt = new Date(Date.now() + 600_000).toISOString();
      return {
        marketplaceId: 'de-marktplatz',
        nativeId: 'R1',
        offerNativeId: request.offerNativeId,
        quantity: request.quantity,
        status: 'HELD',
        expiresAt,
      };
    },
  } as unknown as MarketplaceAdapter;
  return { adapter, calls, answerHold };
}

describe('the lookup cache around a stock hold', () => {
  it('reads an uncached offer from the vendor while the hold is under way, not after it, and does not cache that copy', async () => {
    const { adapter, calls, answerHold } = heldMarketplace();
    const cache = createMemoryCache();
    const cached = withLookupCache(adapter, {
      cache,
      offerTtlSeconds: 60,
      sellerTtlSeconds: 60,
      logger: createLogger('catalog', { level: 'silent' }),
    });
    const request = { offerNativeId: 'MP-4711013', quantity: 3, idempotencyKey: 'order:1:RESERVE_STOCK' };
    const holding = cached.reserveStock(request);
    await expect.poll(() => calls.includes('getOffers')).toBe(true);
    answerHold();
    const reservation = await holding;

    expect(calls).toEqual(['reserveStock', 'getOffers', 'reserveStock answered']);
    expect(reservation.offerReadWithHold).toMatchObject({ nativeId: 'MP-4711013', title: 'Hand-thrown stoneware mug', weightGrams: 420 });
    // Read before the hold took its stock: the next lookup goes to the vendor for the stock the hold left.
    expect((await cached.getOffers(['MP-4711013'])).get('MP-4711013')?.availableQuantity).toBe(7);
    expect(calls.at(-1)).toBe('getOffers');
  });

  it('asks the vendor for the hold alone when the offer was read alongside an earlier hold, and never shows that copy to lookups', async () => {
    const { adapter, calls, answerHold } = heldMarketplace();
    const cached = withLookupCache(adapter, {
      cache: createMemoryCache(),
      offerTtlSeconds: 60,
      sellerTtlSeconds: 60,
      logger: createLogger('catalog', { level: 'silent' }),
    });
    answerHold();
    await cached.reserveStock({ offerNativeId: 'MP-4711013', quantity: 3, idempotencyKey: 'order:1:RESERVE_STOCK' });
    calls.length = 0;

    const second = await cached.reserveStock({ offerNativeId: 'MP-4711013', quantity: 2, idempotencyKey: 'order:2:RESERVE_STOCK' });
    expect(calls).toEqual(['reserveStock', 'reserveStock answered']);
    expect(second.offerReadWithHold).toMatchObject({ nativeId: 'MP-4711013', title: 'Hand-thrown stoneware mug', weightGrams: 420 });
    expect(second.offerReadWithHold?.price).toEqual(fromMinor(1890n, 'EUR'));
    // A lookup still goes to the vendor, for the stock both holds left.
    expect((await cached.getOffers(['MP-4711013'])).get('MP-4711013')?.availableQuantity).toBe(5);
    expect(calls.at(-1)).toBe('getOffers');
  });
});
