import { describe, expect, it } from 'vitest';
import { readConfig } from '#packages/config/index.js';
import { createLogger } from '#packages/log/index.js';
import { toDecimalString } from '#packages/money/index.js';
import { PayloadError, readXml } from '#packages/validate/index.js';
import { listings, sellers, shopCodeOf } from '#upstreams/jp-ichiba/catalog.js';
import { ichibaSandbox } from '#upstreams/jp-ichiba/createIchibaSandbox.js';
import ichiba from '../../src/adapters/jp-ichiba/ichibaAdapter.js';
import { toOfferRecord, yenToMoney } from '../../src/adapters/jp-ichiba/map.js';
import { defineMarketplaceAdapterSuite } from '../defineMarketplaceAdapterSuite.js';
import { recordingLogger } from '../recordingLogger.js';

const create = (url: string, { timeoutMs = 2_000, badCredentials = false } = {}) =>
  ichiba.create(readConfig(ichiba.settings, { JP_ICHIBA_URL: url, ...(badCredentials && { JP_ICHIBA_APPLICATION_ID: '999' }) }), {
    logger: createLogger('test', { level: 'silent' }),
    upstreamTimeoutMs: timeoutMs,
  });

defineMarketplaceAdapterSuite(
  {
    sandbox: ichibaSandbox,
    listings,
    sellers,
    sellerIdOf: shopCodeOf,
    endpoints: { search: 'IchibaItem/Search', lookup: 'IchibaItem/Lookup' },
    idsPerLookup: 30,
    writeEndpoints: {
      reserve: 'IchibaInventory/Reserve',
      release: 'IchibaInventory/Release',
      place: 'IchibaOrder/Create',
      cancel: 'IchibaOrder/Cancel',
    },
    create,
  },
  (currentSandbox) => {
    it('prices in whole yen, with no fraction', async () => {
      const adapter = create(currentSandbox().url);
      try {
        const page = await adapter.searchPage({ query: 'coffee', position: null, signal: AbortSignal.timeout(5_000) });
        expect(page.offers.length).toBeGreaterThan(0);
        for (const offer of page.offers) expect(toDecimalString(offer.price)).toMatch(/^[1-9]\d*$/);
      } finally {
        await adapter.close();
      }
    });

    it('reads the vendor 404 not_found as no results, not as a failure', async () => {
      const adapter = create(currentSandbox().url);
      try {
        const page = await adapter.searchPage({ query: 'no-such-thing-anywhere', position: null, signal: AbortSignal.timeout(5_000) });
        expect(page).toEqual({ offers: [], next: null });
        expect((await adapter.getOffers(['uji-chaen:1'], AbortSignal.timeout(5_000))).size).toBe(0);
      } finally {
        await adapter.close();
      }
    });

    it('answers a wrong applicationId with a 401 XML error', async () => {
      const response = await fetch(`${currentSandbox().url}/services/api/IchibaItem/Search/20220601?applicationId=999&keyword=tea`);
      expect(response.status).toBe(401);
      expect(readXml(await response.text())).toMatchObject({
        name: 'error',
        children: [{ name: 'code', text: 'wrong_application_id' }, {}],
      });
    });
  },
);

describe('jp-ichiba XML reading', () => {
  const silent = createLogger('test', { level: 'silent' });
  const item = (
    price: string,
    shipping = '<shipOverseas>0</shipOverseas>',
  ) => `<Item><itemCode>uji-chaen:10000007</itemCode><itemName>伝統の緑茶</itemName>
    <itemNameEn>Traditional Green Tea</itemNameEn><itemPrice>${price}</itemPrice><stockCount>4</stockCount>
    <shopCode>uji-chaen</shopCode><shopName>宇治茶園</shopName><originCountry>JP</originCountry><hsCode>090210</hsCode>
    <weight unit="g">250</weight><packageSize unit="cm">15x10x6</packageSize><lithiumBattery>0</lithiumBattery>
    <overseasWarehouses><country>US</country></overseasWarehouses>${shipping}</Item>`;

  it('reads an item, decoding entities and CDATA', () => {
    const offer = toOfferRecord(readXml(item('1980').replace('伝統の緑茶', '<![CDATA[伝統の]]>&#x7DD1;茶 &amp; 急須')), '$.Item', silent);
    expect(offer).toMatchObject({ nativeTitle: '伝統の緑茶 & 急須', price: { minor: 1980n, currency: 'JPY' }, weightGrams: 250 });
    expect(offer.warehouseCountries).toEqual(['US']);
  });

  it.each(['1980.0', '1980.5', '1,980', '¥1980', '0', ''])('refuses the yen price "%s", naming its path', (price) => {
    expect(() => toOfferRecord(readXml(item(price)), '$.Item', silent)).toThrow(
      /^\$\.Item\.itemPrice: expected a positive whole number of yen/,
    );
  });

  it('has JPY prices with no minor unit', () => {
    expect(toDecimalString(yenToMoney('1980', '$'))).toBe('1980');
  });

  it.each([
    ['mismatched tags', '<response><count>1</pageCount></response>'],
    ['a cut-off document', '<response><Items><Item>'],
    ['a bare ampersand', '<response>R&D</response>'],
    ['an unknown entity', '<response>&nbsp;</response>'],
    ['a DOCTYPE', '<!DOCTYPE r [<!ENTITY a "aaaa">]><response>&a;</response>'],
    ['two roots', '<response/><response/>'],
    ['mixed content', '<response>text<count>1</count></response>'],
    ['JSON', '{"error":"sandbox fault error:503"}'],
  ])('refuses %s', (_, source) => {
    expect(() => readXml(source)).toThrow(PayloadError);
  });

  it('names the path of a wrongly-shaped item', () => {
    expect(() => toOfferRecord(readXml(item('1980').replace('<weight unit="g">250</weight>', '')), '$.Item', silent)).toThrow(
      '$.Item.weight: expected an element',
    );
  });

  it.each([
    ['<shipOverseas>0</shipOverseas>', { kind: 'ONLY', countries: ['JP'] }],
    [
      '<shipOverseas>1</shipOverseas><shipToCountries scope="selected"><country>JP</country><country>TW</country></shipToCountries>',
      { kind: 'ONLY', countries: ['JP', 'TW'] },
    ],
    [
      '<shipOverseas>1</shipOverseas><shipToCountries scope="all"/><shipExcludedCountries><country>KP</country></shipExcludedCountries>',
      { kind: 'WORLDWIDE', except: ['KP'] },
    ],
    ['<shipOverseas>1</shipOverseas><shipToCountries scope="all"/>', { kind: 'WORLDWIDE', except: [] }],
  ])('reads the shipping of %s', (shipping, shipsTo) => {
    expect(toOfferRecord(readXml(item('1980', shipping)), '$.Item', silent).shipsTo).toEqual(shipsTo);
  });

  it.each([
    '<shipOverseas>2</shipOverseas>',
    '<shipOverseas>1</shipOverseas><shipToCountries scope="asia"/>',
    '<shipOverseas>1</shipOverseas><shipToCountries scope="selected"><country>EU</country></shipToCountries>',
  ])('reads the unknown shipping %s as domestic only, and logs it', (shipping) => {
    const { logger, warnings } = recordingLogger();
    expect(toOfferRecord(readXml(item('1980', shipping)), '$.Item', logger).shipsTo).toEqual({ kind: 'ONLY', countries: ['JP'] });
    expect(warnings()).toMatchObject([{ level: 'warn', marketplace: 'jp-ichiba', path: '$.Item' }]);
  });
});
