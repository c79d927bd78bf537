import type { Cache } from '#packages/cache/index.js';
import type { Logger } from '#packages/log/index.js';
import { fromMinor, type CurrencyCode } from '#packages/money/index.js';
import type { MarketplaceAdapter, OfferRecord, SellerRecord } from './adapters/ports.js';

/**
 * Part of every key: bump it whenever `OfferRecord` or `SellerRecord` changes shape, so replicas
 * of a new version never read records cached by an old one (Redis outlives deployments).
 */
const RECORD_VERSION = 2;

export interface LookupCacheOptions {
  cache: Cache;
  offerTtlSeconds: number;
  sellerTtlSeconds: number;
  logger: Logger;
}

/**
 * Puts a shared cache (memory, or Redis across replicas) in front of an adapter's lookups:
 * only the ids the cache misses go to the vendor, in one call. Search pages are not cached:
 * they are a marketplace's live ranking and stock. Writes pass straight through; one that moves an
 * offer's stock drops the offer from the cache, so the next lookup shows the stock it left.
 *
 * A hold answers with its offer, read alongside it. The copy the vendor gave for that is kept
 * apart (`catalog:offer-held`, the offers' TTL, never extended) for the next hold of the offer:
 * its stock is never shown (`offerReadWithHold`: read again), and what else it says is no older
 * than a cached lookup's. So booking an offer again within the TTL asks the vendor for the hold
 * alone, where every hold after the first also read the offer from the vendor.
 */
export function withLookupCache(adapter: MarketplaceAdapter, options: LookupCacheOptions): MarketplaceAdapter {
  const id = adapter.marketplace.id;
  const offers = options.cache.withPrefix(`catalog:offer:v${RECORD_VERSION}:${id}`);
  const sellers = options.cache.withPrefix(`catalog:seller:v${RECORD_VERSION}:${id}`);
  const heldOffers = options.cache.withPrefix(`catalog:offer-held:v${RECORD_VERSION}:${id}`);

  async function cachedLookup<T extends { nativeId: string }>(
    cache: Cache,
    ttlSeconds: number,
    nativeIds: readonly string[],
    fetch: (missing: string[]) => Promise<ReadonlyMap<string, T>>,
    decode: (text: string) => T | undefined,
  ): Promise<ReadonlyMap<string, T>> {
    const found = new Map<string, T>();
    const cached = await cache.getMany(nativeIds);
    const missing: string[] = [];
    nativeIds.forEach((nativeId, index) => {
      const text = cached[index];
      const record = text === undefined ? undefined : decode(text);
      if (record) found.set(nativeId, record);
      else missing.push(nativeId);
    });
    if (missing.length > 0) {
      const fetched = await fetch(missing);
      for (const [nativeId, record] of fetched) found.set(nativeId, record);
      await cache.setMany(
        [...fetched.values()].map((record) => ({ key: record.nativeId, value: JSON.stringify(record, bigintAsString), ttlSeconds })),
      );
    }
    return found;
  }

  const decodeOffer = (text: string): OfferRecord | undefined => {
    try {
      const raw = JSON.parse(text) as OfferRecord & { price: { minor: string; currency: CurrencyCode } };
      return { ...raw, price: fromMinor(BigInt(raw.price.minor), raw.price.currency) };
    } catch (error) {
      options.logger.warn('unreadable cached offer ignored', { marketplace: id, error });
      return undefined;
    }
  };
  const decodeSeller = (text: string): SellerRecord | undefined => {
    try {
      return JSON.parse(text) as SellerRecord;
    } catch {
      return undefined;
    }
  };

  /**
   * The offer from the cache, or as read alongside an earlier hold, or else from the vendor (kept
   * for the next hold, not for lookups); undefined if none can say (the caller reads it again).
   */
  async function offerAlongsideHold(nativeId: string, signal: AbortSignal | undefined): Promise<OfferRecord | undefined> {
    try {
      const [cached, held] = await Promise.all([offers.get(nativeId), heldOffers.get(nativeId)]);
      const record = (cached === undefined ? undefined : decodeOffer(cached)) ?? (held === undefined ? undefined : decodeOffer(held));
      if (record) return record;
      const read = (await adapter.getOffers([nativeId], signal)).get(nativeId);
      if (read) await heldOffers.set(nativeId, JSON.stringify(read, bigintAsString), options.offerTtlSeconds);
      return read;
    } catch (error) {
      options.logger.debug('offer not read alongside its hold', { marketplace: id, offer: nativeId, error });
      return undefined;
    }
  }

  return {
    marketplace: adapter.marketplace,
    searchPage: (request) => adapter.searchPage(request),
    getOffers: (nativeIds, signal) =>
      cachedLookup(offers, options.offerTtlSeconds, nativeIds, (missing) => adapter.getOffers(missing, signal), decodeOffer),
    getSellers: (nativeIds, signal) =>
      cachedLookup(sellers, options.sellerTtlSeconds, nativeIds, (missing) => adapter.getSellers(missing, signal), decodeSeller),
    async reserveStock(request, signal) {
      // The hold's answer names its offer (the booking's label needs title, weight, seller). Read
      // after the hold, the offer would be one more vendor call in sequence, the cache entry having
      // just been dropped; read alongside it, from the caches or the vendor, it costs no wait of its
      // own. The vendor's copy may be from before the hold or after it, so lookups never see it.
      const offerRead = offerAlongsideHold(request.offerNativeId, signal);
      const reservation = await adapter.reserveStock(request, signal);
      await offers.delete(request.offerNativeId);
      const offer = await offerRead;
      return offer === undefined ? reservation : { ...reservation, offerReadWithHold: offer };
    },
    async releaseStock(request, signal) {
      const reservation = await adapter.releaseStock(request, signal);
      await offers.delete(reservation.offerNativeId);
      return reservation;
    },
    placeOrder: (request, signal) => adapter.placeOrder(request, signal),
    cancelOrder: (request, signal) => adapter.cancelOrder(request, signal),
    close: () => adapter.close(),
  };
}

function bigintAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
