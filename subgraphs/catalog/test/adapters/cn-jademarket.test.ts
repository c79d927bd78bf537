import { describe, expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { listings, sellerIdOf, sellers } from '#upstreams/cn-jademarket/catalog.js';
import { jadeMarketSandbox } from '#upstreams/cn-jademarket/createJadeMarketSandbox.js';
import jadeMarket from '../../src/adapters/cn-jademarket/jadeMarketAdapter.js';
import { toOfferRecord } from '../../src/adapters/cn-jademarket/map.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';
import { recordingLogger } from '../recordingLogger.js';

defineMarketplaceAdapterSuite({
  sandbox: jadeMarketSandbox,
  listings,
  sellers,
  sellerIdOf: (seller) => String(sellerIdOf(seller)),
  endpoints: { search: 'jade.items.search', lookup: 'jade.items.get' },
  idsPerLookup: 40,
  writeEndpoints: {
    reserve: 'jade.inventory.reserve',
    release: 'jade.inventory.release',
    place: 'jade.trade.create',
    cancel: 'jade.trade.close',
  },
  create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
    jadeMarket.create(
      readConfig(jadeMarket.settings, { CN_JADEMARKET_URL: url, ...(badCredentials && { CN_JADEMARKET_APP_SECRET: 'not-the-secret' }) }),
      { logger: createLogger('test', { level: 'silent' }), upstreamTimeoutMs: timeoutMs },
    ),
});

describe('cn-jademarket shipping', () => {
  const item = {
    num_iid: 640000007,
    title: '经典绿茶',
    title_en: 'Classic Green Tea',
    price: '68.00',
    num: 5,
    item_weight: '0.250',
    seller_id: 2200000,
    location: { country: 'CN' },
  };
  const silent = createLogger('test', { level: 'silent' });

  it.each([
    [
      { domestic_only: true, ship_to_regions: '' },
      { kind: 'ONLY', countries: ['CN'] },
    ],
    [
      { domestic_only: false, ship_to_regions: 'CN,HK, JP' },
      { kind: 'ONLY', countries: ['CN', 'HK', 'JP'] },
    ],
    [
      { domestic_only: false, ship_to_regions: 'GLOBAL', ship_exclude_regions: 'KP,IR' },
      { kind: 'WORLDWIDE', except: ['KP', 'IR'] },
    ],
  ])('reads %o', (shipping, shipsTo) => {
    expect(toOfferRecord({ ...item, ...shipping }, '$', silent).shipsTo).toEqual(shipsTo);
  });

  it.each([
    { ship_to_regions: 'ASIA_PACIFIC' },
    { ship_to_regions: '' },
    { ship_to_regions: 'GLOBAL', ship_exclude_regions: 'sanctioned' },
  ])('reads the unknown %o as domestic only, and logs it', (regions) => {
    const { logger, warnings } = recordingLogger();
    expect(toOfferRecord({ ...item, domestic_only: false, ...regions }, '$', logger).shipsTo).toEqual({ kind: 'ONLY', countries: ['CN'] });
    expect(warnings()).toMatchObject([{ level: 'warn', marketplace: 'cn-jademarket' }]);
  });

  it('refuses a mistyped flag rather than guess', () => {
    expect(() => toOfferRecord({ ...item, domestic_only: 'no', ship_to_regions: 'GLOBAL' }, '$', silent)).toThrow('$.domestic_only');
  });
});
