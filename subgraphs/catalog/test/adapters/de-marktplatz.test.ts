import { describe, expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { UpstreamError } from '#packages/errors/index.js';
import { createLogger } from '#packages/log/index.js';
import { fromMinor } from '#packages/money/index.js';
import { artikelnummerOf, grossCentsOf, haendlerIdOf, listings, sellers } from '#upstreams/de-marktplatz/catalog.js';
import { marktplatzSandbox } from '#upstreams/de-marktplatz/createMarktplatzSandbox.js';
import { exportPriceExcludingGermanVat } from '../../src/adapters/de-marktplatz/exportPriceExcludingGermanVat.js';
import marktplatz from '../../src/adapters/de-marktplatz/marktplatzAdapter.js';
import { toOfferRecord } from '../../src/adapters/de-marktplatz/map.js';
import type { MarketplaceAdapter } from '../../src/adapters/ports.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';
import { recordingLogger } from '../recordingLogger.js';

// Typed as the port: the module's inferred type would make `signal` a required argument.
const create = (url: string, { timeoutMs = 2_000, badCredentials = false } = {}): MarketplaceAdapter =>
  marktplatz.create(
    readConfig(marktplatz.settings, { DE_MARKTPLATZ_URL: url, ...(badCredentials && { DE_MARKTPLATZ_CLIENT_SECRET: 'not-the-secret' }) }),
    { logger: createLogger('test', { level: 'silent' }), upstreamTimeoutMs: timeoutMs },
  );

defineMarketplaceAdapterSuite(
  {
    sandbox: marktplatzSandbox,
    listings,
    sellers,
    sellerIdOf: haendlerIdOf,
    endpoints: { search: 'items.search', lookup: 'items.batch' },
    idsPerLookup: 25,
    writeEndpoints: {
      reserve: 'reservierungen.anlegen',
      release: 'reservierungen.freigeben',
      place: 'bestellungen.anlegen',
      cancel: 'bestellungen.stornieren',
    },
    create,
  },
  (currentSandbox) => {
    it('reports every offer at its net export price, German VAT removed', async () => {
      const adapter = create(currentSandbox().url);
      try {
        const seen = new Map<string, bigint>();
        let position: string | null = null;
        do {
          // An empty query lists the whole catalog.
          const page = await adapter.searchPage({ query: '', position, signal: AbortSignal.timeout(10_000) });
          for (const offer of page.offers) seen.set(offer.nativeId, offer.price.minor);
          position = page.next;
        } while (position !== null);
        expect(seen.size).toBe(listings.length);
        for (const listing of listings) expect(seen.get(artikelnummerOf(listing))).toBe(BigInt(listing.priceMinor));
        // The sandbox really did show gross prices: net and shelf price differ for all but the cheapest.
        expect(listings.filter((listing) => grossCentsOf(listing.priceMinor) === listing.priceMinor)).toEqual([]);
      } finally {
        await adapter.close();
      }
    });

    it('recovers any net cent amount from its rounded gross price, not only the catalog’s', () => {
      for (let net = 1; net <= 200_000; net++) {
        const recovered = exportPriceExcludingGermanVat(fromMinor(grossCentsOf(net), 'EUR'));
        if (recovered.minor !== BigInt(net)) expect.fail(`net ${net} came back as ${recovered.minor}`);
      }
      expect(exportPriceExcludingGermanVat(fromMinor(2380, 'EUR')).minor).toBe(2000n); // 23.80 gross → 20.00 net
    });

    it('follows next links as given, and refuses a position that leads outside the API', async () => {
      const sandbox = currentSandbox();
      const adapter = create(sandbox.url);
      try {
        const first = await adapter.searchPage({ query: 'tea', position: null, signal: AbortSignal.timeout(5_000) });
        expect(first.next).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/items\?/);
        await sandbox.resetStats();
        const error = await adapter
          .searchPage({ query: 'tea', position: 'http://collector.example/items?seite=2', signal: AbortSignal.timeout(5_000) })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UpstreamError);
        expect((error as UpstreamError).failure).toBe('rejected');
        expect((await sandbox.stats()).total).toBe(0);
      } finally {
        await adapter.close();
      }
    });
  },
);

describe('de-marktplatz Versand', () => {
  const item = {
    artikelnummer: 'MP-4711000',
    titel: 'Klassischer Grüntee',
    titelEnglisch: 'Classic Green Tea',
    preis: { gross: '23.80', currency: 'EUR', vatRate: '19' },
    bestand: 7,
    gewichtKg: '0.250',
    herkunftsland: 'DE',
    haendler: { id: 'H10200' },
  };
  const silent = createLogger('test', { level: 'silent' });

  it.each([
    [
      { gebiet: 'INLAND', versandLaender: ['DE'] },
      { kind: 'ONLY', countries: ['DE'] },
    ],
    [
      { gebiet: 'AUSWAHL', versandLaender: ['DE', 'AT', 'CH'] },
      { kind: 'ONLY', countries: ['DE', 'AT', 'CH'] },
    ],
    [
      { gebiet: 'WELTWEIT', ausgenommeneLaender: ['KP', 'IR'] },
      { kind: 'WORLDWIDE', except: ['KP', 'IR'] },
    ],
  ])('reads %o', (versand, shipsTo) => {
    expect(toOfferRecord({ ...item, versand }, '$', silent).shipsTo).toEqual(shipsTo);
  });

  it.each([{ gebiet: 'EU' }, { gebiet: 'AUSWAHL', versandLaender: ['DE', 'EU'] }])(
    'reads the unknown %o as domestic only, and logs it',
    (versand) => {
      const { logger, warnings } = recordingLogger();
      expect(toOfferRecord({ ...item, versand }, '$', logger).shipsTo).toEqual({ kind: 'ONLY', countries: ['DE'] });
      expect(warnings()).toMatchObject([{ level: 'warn', marketplace: 'de-marktplatz', path: '$.versand' }]);
    },
  );
});
