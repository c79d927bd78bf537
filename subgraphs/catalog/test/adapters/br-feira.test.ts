import { describe, expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { listings, sellers, userIdOf } from '#upstreams/br-feira/catalog.js';
import { feiraSandbox } from '#upstreams/br-feira/createFeiraSandbox.js';
import feira from '../../src/adapters/br-feira/feiraAdapter.js';
import { toOfferRecord } from '../../src/adapters/br-feira/map.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';
import { recordingLogger } from '../recordingLogger.js';

const create = (url: string, { timeoutMs = 2_000, badCredentials = false } = {}) =>
  feira.create(readConfig(feira.settings, { BR_FEIRA_URL: url, ...(badCredentials && { BR_FEIRA_CLIENT_SECRET: 'not-the-secret' }) }), {
    logger: createLogger('test', { level: 'silent' }),
    upstreamTimeoutMs: timeoutMs,
  });

defineMarketplaceAdapterSuite(
  {
    sandbox: feiraSandbox,
    listings,
    sellers,
    sellerIdOf: (seller) => String(userIdOf(seller)),
    endpoints: { search: 'search', lookup: 'items.multiget' },
    idsPerLookup: 20,
    writeEndpoints: { reserve: 'reservations.create', release: 'reservations.release', place: 'orders.create', cancel: 'orders.cancel' },
    create,
  },
  (currentSandbox) => {
    it('renews its OAuth token when it expires, without failing a call', async () => {
      const sandbox = currentSandbox();
      await sandbox.post('/__sandbox/token-lifetime', { seconds: 1 });
      const adapter = create(sandbox.url);
      try {
        await sandbox.resetStats();
        await adapter.searchPage({ query: 'coffee', position: null, signal: AbortSignal.timeout(5_000) });
        await new Promise((resolve) => setTimeout(resolve, 1_100));
        const page = await adapter.searchPage({ query: 'coffee', position: null, signal: AbortSignal.timeout(5_000) });
        expect(page.offers.length).toBeGreaterThan(0);
        expect((await sandbox.stats()).byEndpoint['oauth.token']).toBe(2);
      } finally {
        await adapter.close();
        await sandbox.post('/__sandbox/token-lifetime', { seconds: 300 });
      }
    });
  },
);

describe('br-feira shipping', () => {
  const item = {
    id: 'MLB3100000',
    title: 'Chá Verde Clássico',
    title_en: 'Classic Green Tea',
    price: 89.9,
    currency_id: 'BRL',
    available_quantity: 3,
    seller: { id: 81000 },
    attributes: [{ id: 'PACKAGE_WEIGHT', value_name: '250 g' }],
    address: { country_id: 'BR' },
  };
  const silent = createLogger('test', { level: 'silent' });

  it.each([
    [{ international: false }, { kind: 'ONLY', countries: ['BR'] }],
    [
      { international: true, coverage: 'selected', destinations: ['BR', 'AR'] },
      { kind: 'ONLY', countries: ['BR', 'AR'] },
    ],
    [
      { international: true, coverage: 'worldwide', excluded_destinations: ['KP'] },
      { kind: 'WORLDWIDE', except: ['KP'] },
    ],
  ])('reads %o', (shipping, shipsTo) => {
    expect(toOfferRecord({ ...item, shipping }, '$', silent).shipsTo).toEqual(shipsTo);
  });

  it.each([
    { international: true, coverage: 'mercosul' },
    { international: true, coverage: 'selected', destinations: [] },
    { international: true, coverage: 'selected', destinations: ['BR', 'XX'] },
  ])('reads the unknown %o as domestic only, and logs it', (shipping) => {
    const { logger, warnings } = recordingLogger();
    expect(toOfferRecord({ ...item, shipping }, '$', logger).shipsTo).toEqual({ kind: 'ONLY', countries: ['BR'] });
    expect(warnings()).toMatchObject([{ level: 'warn', marketplace: 'br-feira', path: '$.shipping' }]);
  });
});
