import { describe, expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createLogger } from '#packages/log/index.js';
import { listingIdOf, listings, sellerIdOf, sellers } from '#upstreams/us-mainstreet/catalog.js';
import { mainStreetSandbox } from '#upstreams/us-mainstreet/createMainStreetSandbox.js';
import mainStreet from '../../src/adapters/us-mainstreet/mainStreetAdapter.js';
import { toOfferRecord } from '../../src/adapters/us-mainstreet/map.js';
import type { MarketplaceAdapter } from '../../src/adapters/ports.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';
import { recordingLogger } from '../recordingLogger.js';

// Typed as the port: the module's inferred type would make `signal` a required argument.
const create = (url: string, { timeoutMs = 2_000, badCredentials = false } = {}): MarketplaceAdapter =>
  mainStreet.create(
    readConfig(mainStreet.settings, { US_MAINSTREET_URL: url, ...(badCredentials && { US_MAINSTREET_API_KEY: 'not-the-key' }) }),
    { logger: createLogger('test', { level: 'silent' }), upstreamTimeoutMs: timeoutMs },
  );

const throttledSoFar = async (url: string): Promise<number> =>
  ((await (await fetch(url + '/__sandbox/rate-limit')).json()) as { throttled: number }).throttled;

defineMarketplaceAdapterSuite(
  {
    sandbox: mainStreetSandbox,
    listings,
    sellers,
    sellerIdOf,
    endpoints: { search: 'listings.search', lookup: 'listings.batchGet' },
    idsPerLookup: 50,
    writeEndpoints: { reserve: 'reservations.create', release: 'reservations.release', place: 'orders.create', cancel: 'orders.cancel' },
    create,
  },
  (currentSandbox) => {
    it('gets a burst of 40 searches through the per-key rate limit by waiting as Retry-After asks', async () => {
      const sandbox = currentSandbox();
      const adapter = create(sandbox.url);
      try {
        await new Promise((resolve) => setTimeout(resolve, 1_100)); // let earlier tests' requests leave the window
        const throttledBefore = await throttledSoFar(sandbox.url);
        await sandbox.resetStats();
        const pages = await Promise.all(
          Array.from({ length: 40 }, () => adapter.searchPage({ query: 'coffee', position: null, signal: AbortSignal.timeout(10_000) })),
        );
        for (const page of pages) expect(page.offers.length).toBeGreaterThan(0);
        const throttled = (await throttledSoFar(sandbox.url)) - throttledBefore;
        expect(throttled).toBeGreaterThanOrEqual(20); // 20 a second: at least half the burst was told to wait
        expect((await sandbox.stats()).byEndpoint['listings.search']).toBe(40 + throttled);
      } finally {
        await adapter.close();
      }
    });

    it('refuses a forged nextToken, and one carried over from another query', async () => {
      const adapter = create(currentSandbox().url);
      try {
        const first = await adapter.searchPage({ query: 'tea', position: null, signal: AbortSignal.timeout(5_000) });
        const token = first.next;
        if (token === null) throw new Error('expected more than one page of tea');
        const [offset, ...rest] = Buffer.from(token, 'base64url').toString('utf8').split('.');
        const forged = Buffer.from([Number(offset) + 10, ...rest].join('.'), 'utf8').toString('base64url');
        for (const [query, position] of [
          ['tea', forged],
          ['coffee', token],
        ] as const) {
          const error = await adapter.searchPage({ query, position, signal: AbortSignal.timeout(5_000) }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(UpstreamError);
          expect((error as UpstreamError).failure).toBe('rejected');
          expect((error as UpstreamError).status).toBe(400);
        }
        const second = await adapter.searchPage({ query: 'tea', position: token, signal: AbortSignal.timeout(5_000) });
        expect(second.offers.length).toBeGreaterThan(0);
      } finally {
        await adapter.close();
      }
    });

    it('converts ounces and inches back to the grams and centimetres the sellers entered', async () => {
      const adapter = create(currentSandbox().url);
      try {
        const byId = new Map(listings.map((listing) => [listingIdOf(listing), listing]));
        const offers = await adapter.getOffers([...byId.keys()].slice(0, 100));
        expect(offers.size).toBe(100);
        for (const offer of offers.values()) {
          const listing = byId.get(offer.nativeId);
          expect(offer.weightGrams).toBe(listing?.weightGrams);
          expect(offer.dimensionsCm).toEqual(listing?.dimensionsCm);
          expect(offer.price.minor).toBe(BigInt(listing?.priceMinor ?? -1));
          expect(offer.nativeTitle).toBe(offer.title);
        }
      } finally {
        await adapter.close();
      }
    });
  },
);

describe('us-mainstreet shipsTo', () => {
  const listing = {
    listingId: 'MSL500000',
    title: 'Classic Green Tea',
    priceCents: 1299,
    currency: 'USD',
    quantityAvailable: 4,
    weightOz: 8.82,
    countryOfOrigin: 'US',
    seller: { sellerId: 'MSS7000' },
  };
  const silent = createLogger('test', { level: 'silent' });

  it.each([
    [{ shipsTo: ['US'] }, { kind: 'ONLY', countries: ['US'] }],
    [{ shipsTo: ['US', 'CA', 'MX'] }, { kind: 'ONLY', countries: ['US', 'CA', 'MX'] }],
    [
      { shipsTo: '*', excludedCountries: ['CU', 'IR'] },
      { kind: 'WORLDWIDE', except: ['CU', 'IR'] },
    ],
  ])('reads %o', (shipping, shipsTo) => {
    expect(toOfferRecord({ ...listing, ...shipping }, '$', silent).shipsTo).toEqual(shipsTo);
  });

  it.each([{ shipsTo: 'CONUS' }, { shipsTo: [] }, { shipsTo: '*', excludedCountries: ['embargoed'] }])(
    'reads the unknown %o as domestic only, and logs it',
    (shipping) => {
      const { logger, warnings } = recordingLogger();
      expect(toOfferRecord({ ...listing, ...shipping }, '$', logger).shipsTo).toEqual({ kind: 'ONLY', countries: ['US'] });
      expect(warnings()).toMatchObject([{ level: 'warn', marketplace: 'us-mainstreet', path: '$.shipsTo' }]);
    },
  );

  it('refuses a shipsTo that is neither a word nor a list', () => {
    expect(() => toOfferRecord({ ...listing, shipsTo: 42 }, '$', silent)).toThrow('$.shipsTo');
  });
});
