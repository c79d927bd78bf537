import { describe, expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { PayloadError } from '#packages/validate/index.js';
import { listings, sellers, shopIdOf } from '#upstreams/my-pasarmall/catalog.js';
import { pasarMallSandbox } from '#upstreams/my-pasarmall/createPasarMallSandbox.js';
import { ringgitToMoney, toOfferRecord } from '../../src/adapters/my-pasarmall/map.js';
import pasarMall from '../../src/adapters/my-pasarmall/pasarMallAdapter.js';
import { signCall } from '../../src/adapters/my-pasarmall/sign.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';
import { recordingLogger } from '../recordingLogger.js';

const credentials = { partnerId: '2001984', partnerKey: 'pasar-sandbox-partner-key' };
const SEARCH = '/api/v2/product/search_item';

/** Calls the sandbox with a hand-made signature, to see what the platform itself refuses. */
async function rawSearch(baseUrl: string, signed: { partner_id: string; timestamp: string; sign: string }) {
  const response = await fetch(
    `${baseUrl}${SEARCH}?${new URLSearchParams({ ...signed, keyword: 'tea', offset: '0', page_size: '10' }).toString()}`,
  );
  return { status: response.status, body: (await response.json()) as { error: string } };
}

defineMarketplaceAdapterSuite(
  {
    sandbox: pasarMallSandbox,
    listings,
    sellers,
    sellerIdOf: (seller) => String(shopIdOf(seller)),
    endpoints: { search: 'v2.product.search_item', lookup: 'v2.product.get_item_base_info' },
    idsPerLookup: 50,
    writeEndpoints: {
      reserve: 'v2.stock.reserve',
      release: 'v2.stock.release',
      place: 'v2.order.create_order',
      cancel: 'v2.order.cancel_order',
    },
    create: (url, { timeoutMs = 2_000, badCredentials = false } = {}) =>
      pasarMall.create(
        readConfig(pasarMall.settings, { MY_PASARMALL_URL: url, ...(badCredentials && { MY_PASARMALL_PARTNER_KEY: 'not-the-key' }) }),
        { logger: createLogger('test', { level: 'silent' }), upstreamTimeoutMs: timeoutMs },
      ),
  },
  (currentSandbox) => {
    it('has its signature accepted, and refused when it is wrong, stale or made for another path', async () => {
      const { url } = currentSandbox();
      expect((await rawSearch(url, signCall(SEARCH, credentials))).status).toBe(200);
      const tampered = { ...signCall(SEARCH, credentials), sign: 'f'.repeat(64) };
      const stale = signCall(SEARCH, credentials, Date.now() - 10 * 60_000);
      const otherPath = signCall('/api/v2/shop/get_shop_base_info', credentials);
      for (const signed of [tampered, stale, otherPath]) {
        expect(await rawSearch(url, signed)).toMatchObject({ status: 403, body: { error: 'error_auth' } });
      }
    });
  },
);

describe('my-pasarmall map', () => {
  const silent = createLogger('test', { level: 'silent' });
  const posLaju = { channel_id: 20011, channel_name: 'PosLaju', enabled: true, ship_to: ['MY'] };
  const item = {
    item_id: 1840000013,
    item_name: 'Teh Hijau Klasik',
    item_name_en: 'Classic Green Tea',
    region: 'MY',
    price_info: [{ currency: 'MYR', original_price: 45.9, current_price: 45.9 }],
    stock_info_v2: { summary_info: { total_available_stock: 12 } },
    weight: 0.25,
    dimension: { package_length: 15, package_width: 10, package_height: 6 },
    tax_info: { hs_code: '090210' },
    item_dangerous: 0,
    shop_id: 302000,
    shop_name: 'Kedai Teh Cameron',
    warehouse_regions: ['SG'],
    logistics_channels: [posLaju],
  };

  it('turns ringgit numbers into exact sen, where multiplying floats would not', () => {
    expect(ringgitToMoney(45.9, '$.p')).toEqual({ minor: 4590n, currency: 'MYR' });
    expect(1.15 * 100).not.toBe(115); // the trap
    expect(ringgitToMoney(1.15, '$.p').minor).toBe(115n);
    expect(ringgitToMoney(0.07, '$.p').minor).toBe(7n);
    expect(ringgitToMoney(1200, '$.p').minor).toBe(120_000n);
  });

  it('refuses a price with three decimals, naming its path', () => {
    expect(() => toOfferRecord({ ...item, price_info: [{ currency: 'MYR', current_price: 45.905 }] }, '$.item[0]', silent)).toThrow(
      new PayloadError('$.item[0].price_info[0].current_price', 'a positive ringgit amount with at most 2 decimals', 45.905),
    );
    expect(() => ringgitToMoney(0.1 + 0.2, '$.p')).toThrow(PayloadError);
    expect(() => ringgitToMoney(-4.5, '$.p')).toThrow(PayloadError);
  });

  it('reads a whole item into our vocabulary', () => {
    expect(toOfferRecord(item, '$', silent)).toMatchObject({
      nativeId: '1840000013',
      price: { minor: 4590n, currency: 'MYR' },
      weightGrams: 250,
      dimensionsCm: [15, 10, 6],
      warehouseCountries: ['SG'],
      seller: { nativeId: '302000', name: 'Kedai Teh Cameron' },
    });
  });

  it('refuses another currency', () => {
    expect(() => toOfferRecord({ ...item, price_info: [{ currency: 'SGD', current_price: 9.9 }] }, '$', silent)).toThrow(
      /price_info\[0\]\.currency/,
    );
  });

  it.each([
    ['home only', [posLaju], { kind: 'ONLY', countries: ['MY'] }],
    [
      'a switched-off cross-border channel',
      [posLaju, { channel_id: 30018, enabled: false, ship_to: ['*'], blocked_regions: [] }],
      { kind: 'ONLY', countries: ['MY'] },
    ],
    [
      'a regional channel',
      [posLaju, { channel_id: 30012, enabled: true, ship_to: ['SG', 'TH'] }],
      { kind: 'ONLY', countries: ['MY', 'SG', 'TH'] },
    ],
    [
      'worldwide channels, blocked only where all block and no listed channel goes',
      [
        { ...posLaju, ship_to: ['MY', 'IR'] },
        { channel_id: 30018, enabled: true, ship_to: ['*'], blocked_regions: ['KP', 'IR', 'CU'] },
        { channel_id: 30019, enabled: true, ship_to: ['*'], blocked_regions: ['KP', 'IR'] },
      ],
      { kind: 'WORLDWIDE', except: ['KP'] },
    ],
    ['no enabled channel', [{ ...posLaju, enabled: false }], { kind: 'ONLY', countries: [] }],
  ])('reads %s', (_, channels, shipsTo) => {
    expect(toOfferRecord({ ...item, logistics_channels: channels }, '$', silent).shipsTo).toEqual(shipsTo);
  });

  it('reads a region it does not know as domestic only, and logs it', () => {
    const { logger, warnings } = recordingLogger();
    const channels = [posLaju, { channel_id: 30012, enabled: true, ship_to: ['ASEAN'] }];
    expect(toOfferRecord({ ...item, logistics_channels: channels }, '$', logger).shipsTo).toEqual({ kind: 'ONLY', countries: ['MY'] });
    expect(warnings()).toMatchObject([{ level: 'warn', marketplace: 'my-pasarmall', path: '$.logistics_channels[1]' }]);
  });
});
