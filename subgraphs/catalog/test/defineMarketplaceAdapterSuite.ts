import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isCountryCode } from '#packages/countries/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { exponentOf } from '#packages/money/index.js';
import { matchesQuery, type SandboxUpstream, type SeedListing, type SeedSeller } from '#packages/sandbox/index.js';
import { startSandbox, type TestSandbox } from '#test/support/startSandbox.js';
import type { MarketplaceAdapter, OfferRecord, ShipsTo } from '../src/adapters/ports.js';
import { describeMarketplaceBooking, type BookingSuiteOptions } from './describeMarketplaceBooking.js';

export interface AdapterSuiteOptions extends BookingSuiteOptions {
  sandbox: SandboxUpstream;
  /** The sandbox's own listings, to count what a search must find. */
  listings: readonly SeedListing[];
  /** The sandbox's own sellers, to know where each one ships. */
  sellers: readonly SeedSeller[];
  /** A seed seller's id as the adapter reports it in `OfferRecord.seller.nativeId`. */
  sellerIdOf(seller: SeedSeller): string;
  create(baseUrl: string, options?: { timeoutMs?: number; badCredentials?: boolean }): MarketplaceAdapter;
  /** The vendor's endpoint name (as counted in /__sandbox/stats) for search and for batch lookup. */
  endpoints: { search: string; lookup: string };
  /** Most ids the vendor takes in one lookup call. */
  idsPerLookup: number;
}

/**
 * What every marketplace adapter must do, run against its real sandbox over HTTP: paging to
 * the end without repeats or gaps, batch lookups, error mapping, Retry-After, credentials; and the
 * writes (`describeMarketplaceBooking`): holds and orders that move stock once per idempotency key.
 * `adapterSpecific` adds the tests only one vendor's style needs, against the same sandbox.
 */
export function defineMarketplaceAdapterSuite(options: AdapterSuiteOptions, adapterSpecific?: (sandbox: () => TestSandbox) => void): void {
  let sandbox: TestSandbox;
  let adapter: MarketplaceAdapter;
  const query = 'tea';
  const expected = options.listings.filter((listing) => matchesQuery(listing, query));

  async function walk(adapterToUse: MarketplaceAdapter, text: string) {
    const offers: OfferRecord[] = [];
    let position: string | null = null;
    let pages = 0;
    do {
      const page = await adapterToUse.searchPage({ query: text, position, signal: AbortSignal.timeout(10_000) });
      offers.push(...page.offers);
      position = page.next;
      pages++;
    } while (position !== null && pages < 100);
    return { ids: offers.map((offer) => offer.nativeId), offers, pages };
  }

  /** What the adapter must make of a seed seller's policy, in our vocabulary. */
  function expectedShipsTo(seller: SeedSeller): ShipsTo {
    switch (seller.shipping.kind) {
      case 'DOMESTIC':
        return { kind: 'ONLY', countries: [seller.country] };
      case 'REGIONAL':
        return { kind: 'ONLY', countries: seller.shipping.countries };
      case 'WORLDWIDE':
        return { kind: 'WORLDWIDE', except: seller.shipping.except };
    }
  }

  describe(`${options.sandbox.id} adapter (conformance)`, () => {
    beforeAll(async () => {
      sandbox = await startSandbox(options.sandbox);
      adapter = options.create(sandbox.url);
    });
    afterAll(async () => {
      await adapter.close();
      await sandbox.close();
    });
    afterEach(async () => {
      await sandbox.setFault(null);
    });

    it('describes its marketplace with real country and currency codes', () => {
      expect(adapter.marketplace.id).toBe(options.sandbox.id);
      expect(isCountryCode(adapter.marketplace.country)).toBe(true);
      expect(exponentOf(adapter.marketplace.currency)).toBeGreaterThanOrEqual(0);
    });

    it('pages through every match exactly once', async () => {
      expect(expected.length).toBeGreaterThan(0);
      const { ids, pages } = await walk(adapter, query);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(expected.length);
      expect(pages).toBeGreaterThanOrEqual(1);
    });

    it('reads offers into our vocabulary', async () => {
      const page = await adapter.searchPage({ query, position: null, signal: AbortSignal.timeout(10_000) });
      for (const offer of page.offers) {
        expect(offer.marketplaceId).toBe(options.sandbox.id);
        expect(offer.price.currency).toBe(adapter.marketplace.currency);
        expect(offer.price.minor).toBeGreaterThan(0n);
        expect(offer.hsCode).toMatch(/^\d{6,10}$/);
        expect(offer.weightGrams).toBeGreaterThan(0);
        expect(offer.title.toLowerCase()).toContain('tea');
        expect(offer.nativeTitle.length).toBeGreaterThan(0);
        expect(isCountryCode(offer.originCountry)).toBe(true);
        const codes = offer.shipsTo.kind === 'WORLDWIDE' ? offer.shipsTo.except : offer.shipsTo.countries;
        expect(['WORLDWIDE', 'ONLY']).toContain(offer.shipsTo.kind);
        expect(codes.every(isCountryCode)).toBe(true);
      }
    });

    it("reads each seller's shipping policy: domestic-only sellers' offers ship only to their origin", async () => {
      const sellersById = new Map(options.sellers.map((seller) => [options.sellerIdOf(seller), seller]));
      const { offers } = await walk(adapter, query);
      const domesticSellers = new Set(
        options.sellers.filter((seller) => seller.shipping.kind === 'DOMESTIC').map((seller) => seller.index),
      );
      const domesticListings = expected.filter((listing) => domesticSellers.has(listing.sellerIndex));
      expect(domesticListings.length).toBeGreaterThan(0); // else this test would prove nothing

      const domesticOffers = offers.filter((offer) => sellersById.get(offer.seller.nativeId)?.shipping.kind === 'DOMESTIC');
      expect(domesticOffers.length).toBe(domesticListings.length);
      for (const offer of domesticOffers) expect(offer.shipsTo).toEqual({ kind: 'ONLY', countries: [offer.originCountry] });
      for (const offer of offers) {
        const seller = sellersById.get(offer.seller.nativeId);
        expect(seller, `seller ${offer.seller.nativeId}`).toBeDefined();
        expect(normalized(offer.shipsTo)).toEqual(normalized(expectedShipsTo(seller!)));
      }
    });

    it('looks up many offers and their sellers in as few calls as the vendor allows', async () => {
      const { ids } = await walk(adapter, query);
      const wanted = ids.slice(0, options.idsPerLookup + 5);
      await sandbox.resetStats();
      const offers = await adapter.getOffers([...wanted, 'no-such-item-999']);
      expect([...offers.keys()].sort()).toEqual([...wanted].sort());
      const stats = await sandbox.stats();
      expect(stats.byEndpoint[options.endpoints.lookup]).toBe(Math.ceil(wanted.length / options.idsPerLookup));

      const sellerIds = [...new Set([...offers.values()].map((offer) => offer.seller.nativeId))];
      const sellers = await adapter.getSellers(sellerIds);
      expect(sellers.size).toBe(sellerIds.length);
      for (const seller of sellers.values()) {
        expect(isCountryCode(seller.country)).toBe(true);
        // Parcels leave from the seller's own address, in the seller's country: never "c/o" the marketplace.
        expect(seller.dispatchAddress.country).toBe(seller.country);
        expect(seller.dispatchAddress.lines.length).toBeGreaterThan(0);
        expect(seller.dispatchAddress.city).not.toBe('');
      }
    });

    it.each([
      ['down', 'unavailable'],
      ['error:503', 'unavailable'],
      ['garbage', 'bad-response'],
    ] as const)('maps the fault %s to an UpstreamError (%s)', async (fault, failure) => {
      await sandbox.setFault(fault);
      const error = await adapter.searchPage({ query, position: null, signal: AbortSignal.timeout(10_000) }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe(failure);
      expect((error as UpstreamError).upstream).toBe(options.sandbox.id);
    });

    it('times out a slow vendor', async () => {
      const impatient = options.create(sandbox.url, { timeoutMs: 150 });
      await sandbox.setFault('slow:1000');
      const error = await impatient.searchPage({ query, position: null, signal: AbortSignal.timeout(10_000) }).catch((e: unknown) => e);
      await impatient.close();
      expect((error as UpstreamError).failure).toBe('timeout');
    });

    it('waits as Retry-After asks, then succeeds', async () => {
      await sandbox.setFault('ratelimit');
      await sandbox.resetStats();
      const started = Date.now();
      const pending = adapter.searchPage({ query, position: null, signal: AbortSignal.timeout(10_000) });
      setTimeout(() => void sandbox.setFault(null), 300);
      const page = await pending;
      expect(page.offers.length).toBeGreaterThan(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(900); // Retry-After: 1
      expect((await sandbox.stats()).byEndpoint[options.endpoints.search]).toBe(2);
    });

    it('reports a rate limit it cannot wait out as rate-limited', async () => {
      await sandbox.setFault('ratelimit');
      const error = await adapter.searchPage({ query, position: null, signal: AbortSignal.timeout(10_000) }).catch((e: unknown) => e);
      expect((error as UpstreamError).failure).toBe('rate-limited');
      expect((error as UpstreamError).retryAfterSeconds).toBe(1);
    });

    it('is refused with wrong credentials', async () => {
      const stranger = options.create(sandbox.url, { badCredentials: true });
      const error = await stranger.searchPage({ query, position: null, signal: AbortSignal.timeout(10_000) }).catch((e: unknown) => e);
      await stranger.close();
      expect((error as UpstreamError).failure).toBe('rejected');
    });

    describeMarketplaceBooking(
      options,
      () => sandbox,
      () => adapter,
    );

    adapterSpecific?.(() => sandbox);
  });
}

/** Order does not matter in a list of countries. */
function normalized(shipsTo: ShipsTo): ShipsTo {
  return shipsTo.kind === 'WORLDWIDE'
    ? { kind: 'WORLDWIDE', except: [...shipsTo.except].sort() }
    : { kind: 'ONLY', countries: [...shipsTo.countries].sort() };
}
