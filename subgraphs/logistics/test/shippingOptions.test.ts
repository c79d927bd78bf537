import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { jadeMarketPage, offer, type OfferRepresentation } from './support/offerRepresentations.js';
import { startLogistics, type TestLogistics } from './startLogistics.js';

const SHIPPING = `query ($representations: [_Any!]!, $to: CountryCode!, $quantity: Int) {
  _entities(representations: $representations) {
    ... on Offer {
      id
      shippingOptions(to: $to, quantity: $quantity) {
        id mode carrier { id } serviceName cost { amount currency } transitDays { min max } trackingLevel incoterms
        legs { carrier { id } serviceName mode from to cost { amount currency } transitDays { min max } }
        consignment {
          originCountry destinationCountry hsCode quantity goodsValue { amount currency } weightGrams alreadyImported
          destinationRegion customsMode postBorderTransport { amount currency }
          carrierFees { carrier name kind fixed { amount currency } rateBp minimum { amount currency } source }
        }
        costBreakdown
      }
      shippingRestrictions(to: $to, quantity: $quantity) { carrier { id } mode reason }
    }
  }
}`;

interface Amount {
  amount: string;
  currency: string;
}
interface Option {
  id: string;
  mode: string;
  carrier: { id: string };
  serviceName: string;
  cost: Amount;
  transitDays: { min: number; max: number };
  trackingLevel: string;
  incoterms: string[];
  legs: Array<{ carrier: { id: string }; mode: string; from: string; to: string; cost: Amount; transitDays: { min: number; max: number } }>;
  consignment: {
    quantity: number;
    goodsValue: Amount;
    weightGrams: number;
    alreadyImported: boolean;
    originCountry: string;
    destinationCountry: string;
    destinationRegion: string | null;
    customsMode: string | null;
    postBorderTransport: Amount | null;
    carrierFees: Array<{
      carrier: string;
      name: string;
      kind: string;
      fixed: Amount;
      rateBp: number;
      minimum: Amount | null;
      source: string;
    }>;
  };
  costBreakdown: string;
}
interface Shipping {
  _entities: Array<{
    id: string;
    shippingOptions: Option[];
    shippingRestrictions: Array<{ carrier: { id: string }; mode: string; reason: string }>;
  }>;
}

/** Cents (or other minor units) of a decimal string, exactly. */
const minor = (amount: string): bigint => BigInt(amount.replace('.', ''));

let logistics: TestLogistics;
const ship = async (representations: OfferRepresentation[], to: string, quantity?: number) => {
  const result = await logistics.query<Shipping>(SHIPPING, { representations, to, quantity });
  expect(result.errors).toBeUndefined();
  return result.data!._entities;
};
const shipOne = async (representation: OfferRepresentation, to: string, quantity?: number) =>
  (await ship([representation], to, quantity))[0]!;

beforeAll(async () => {
  logistics = await startLogistics();
});
afterAll(() => logistics.stop());
afterEach(async () => {
  await Promise.all([...logistics.sandboxes.values()].map((sandbox) => sandbox.setFault(null)));
});

describe('batching', () => {
  async function callsPerCarrier(offers: number): Promise<Record<string, number>> {
    for (const sandbox of logistics.sandboxes.values()) await sandbox.resetStats();
    const entities = await ship(jadeMarketPage(offers), 'DE');
    expect(entities).toHaveLength(offers);
    expect(entities.filter((entity) => entity.shippingOptions.length > 0).length).toBe(offers);
    const calls: Record<string, number> = {};
    for (const [id, sandbox] of logistics.sandboxes) calls[id] = (await sandbox.stats()).total;
    return calls;
  }

  it('asks each carrier once for a page of 10 offers and once for a page of 50, and reads the clearance fee tables once', async () => {
    // The first page also reads each clearing carrier's published fee table; later pages reuse it.
    const first = await callsPerCarrier(10);
    expect(first).toEqual({ 'post-intl': 2, 'express-global': 2, 'express-asia': 2, 'line-asiaeu': 2, 'lastmile-local': 1 });
    const ten = await callsPerCarrier(10);
    const fifty = await callsPerCarrier(50);
    expect(ten).toEqual({ 'post-intl': 1, 'express-global': 1, 'express-asia': 1, 'line-asiaeu': 1, 'lastmile-local': 1 });
    expect(fifty).toEqual(ten);
  });
});

describe('shipping options', () => {
  it('offers at least three modes for a small parcel from China to Germany, cheapest first', async () => {
    const { shippingOptions } = await shipOne(offer(), 'DE');
    expect(new Set(shippingOptions.map((option) => option.mode))).toEqual(new Set(['POSTAL', 'EXPRESS', 'DEDICATED_LINE']));
    const costs = shippingOptions.map((option) => minor(option.cost.amount));
    expect(costs).toEqual([...costs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(shippingOptions.map((option) => option.id)).size).toBe(shippingOptions.length);
    for (const option of shippingOptions) expect(option.costBreakdown).toMatch(/rate card/);
    // a buyer tells them apart by name, even two services of one carrier (the post's economy and registered airmail)
    expect(new Set(shippingOptions.map((option) => option.serviceName)).size).toBe(shippingOptions.length);
    expect(shippingOptions.map((option) => option.serviceName)).toEqual(
      expect.arrayContaining(['Interpost Economy Airmail', 'Interpost Registered Airmail', 'SilkRoute Air Line + LocalHop Home Delivery']),
    );
    const again = await shipOne(offer(), 'DE');
    expect(again.shippingOptions.map((option) => option.id)).toEqual(shippingOptions.map((option) => option.id));
  });

  it('joins a dedicated line to a last-mile carrier: two legs whose costs and days add up', async () => {
    const line = (await shipOne(offer(), 'DE')).shippingOptions.find((option) => option.mode === 'DEDICATED_LINE')!;
    expect(line.legs).toHaveLength(2);
    const [haul, lastMile] = line.legs as [Option['legs'][0], Option['legs'][0]];
    expect(haul).toMatchObject({
      carrier: { id: 'line-asiaeu' },
      serviceName: 'SilkRoute Air Line',
      mode: 'DEDICATED_LINE',
      from: 'CN',
      to: 'DE',
    });
    expect(lastMile).toMatchObject({ carrier: { id: 'lastmile-local' }, mode: 'DOMESTIC', from: 'DE', to: 'DE' });
    expect(line.carrier.id).toBe('line-asiaeu');
    expect(minor(haul.cost.amount) + minor(lastMile.cost.amount)).toBe(minor(line.cost.amount));
    expect(line.transitDays).toEqual({
      min: haul.transitDays.min + lastMile.transitDays.min,
      max: haul.transitDays.max + lastMile.transitDays.max,
    });
    expect(line.incoterms).toContain('DDP');
    expect(line.consignment.alreadyImported).toBe(false);
    // The last mile runs after the place of entry: customs keeps it out of the customs value.
    expect(line.consignment.customsMode).toBe('FREIGHT');
    expect(line.consignment.postBorderTransport).toEqual(lastMile.cost);
  });

  it('tells customs how each option travels: its channel, the buyer’s region, and the clearing carrier’s published fees', async () => {
    const { shippingOptions } = await shipOne(offer(), 'CA-ON');
    expect(shippingOptions.length).toBeGreaterThan(0);
    for (const option of shippingOptions) {
      expect(option.consignment.destinationCountry).toBe('CA');
      expect(option.consignment.destinationRegion).toBe('CA-ON');
      expect(option.consignment.customsMode).toBe(option.mode === 'POSTAL' ? 'POSTAL' : option.mode === 'EXPRESS' ? 'EXPRESS' : 'FREIGHT');
      expect(option.consignment.postBorderTransport).toBeNull();
    }
    const express = shippingOptions.find((option) => option.carrier.id === 'express-global')!;
    expect(express.consignment.carrierFees).toEqual([
      expect.objectContaining({
        carrier: 'express-global',
        kind: 'DISBURSEMENT',
        rateBp: 200,
        minimum: { amount: '16.50', currency: 'CAD' },
      }),
    ]);
    expect(express.consignment.carrierFees[0]!.source).toContain('EXG-DUTY-TAX-PAID-2026-01');
    const post = shippingOptions.find((option) => option.mode === 'POSTAL')!;
    expect(post.consignment.carrierFees).toEqual([
      expect.objectContaining({ kind: 'CLEARANCE', fixed: { amount: '9.95', currency: 'CAD' } }),
    ]);
  });

  it('takes the destination as destinationCountry, as the deprecated `to`, and refuses neither or two different', async () => {
    const BY_NAME = `query ($representations: [_Any!]!, $destination: CountryCode, $to: CountryCode) {
      _entities(representations: $representations) {
        ... on Offer {
          shippingOptions(destinationCountry: $destination, to: $to) { id serviceName legs { originCountry destinationCountry from to } }
        }
      }
    }`;
    type Named = { _entities: Array<{ shippingOptions: Array<{ id: string; legs: Array<Record<string, string>> }> }> };
    const named = await logistics.query<Named>(BY_NAME, { representations: [offer()], destination: 'DE' });
    const legacy = await logistics.query<Named>(BY_NAME, { representations: [offer()], to: 'DE' });
    const options = named.data!._entities[0]!.shippingOptions;
    expect(options.length).toBeGreaterThan(0);
    expect(options.map((option) => option.id)).toEqual(legacy.data!._entities[0]!.shippingOptions.map((option) => option.id));
    for (const leg of options.flatMap((option) => option.legs)) {
      expect(leg).toEqual({ originCountry: leg.from, destinationCountry: leg.to, from: leg.from, to: leg.to });
    }
    for (const variables of [{}, { destination: 'DE', to: 'FR' }]) {
      const refused = await logistics.query(BY_NAME, { representations: [offer()], ...variables });
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'destinationCountry' });
    }
  });

  it('refuses a region that is not of its country, naming the argument', async () => {
    const result = await logistics.query<Shipping>(SHIPPING, { representations: [offer()], to: 'CA-NY' });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/\$to.*not a subdivision of CA/);
  });

  it('ships from an overseas warehouse in the destination as already imported', async () => {
    const { shippingOptions } = await shipOne(offer({ warehouseCountries: ['DE'] }), 'DE');
    const warehouse = shippingOptions.find((option) => option.mode === 'OVERSEAS_WAREHOUSE')!;
    expect(warehouse.legs).toEqual([expect.objectContaining({ from: 'DE', to: 'DE', carrier: { id: 'lastmile-local' } })]);
    expect(warehouse.consignment).toMatchObject({
      alreadyImported: true,
      originCountry: 'CN',
      destinationCountry: 'DE',
      customsMode: null,
      carrierFees: [],
    });
    expect(warehouse.incoterms).toEqual([]);
    const elsewhere = await shipOne(offer({ warehouseCountries: ['US'] }), 'DE');
    expect(elsewhere.shippingOptions.some((option) => option.mode === 'OVERSEAS_WAREHOUSE')).toBe(false);
  });

  it('ships within one country as DOMESTIC', async () => {
    const { shippingOptions } = await shipOne(offer(), 'CN');
    expect(shippingOptions.map((option) => option.mode)).toEqual(['DOMESTIC']);
    expect(shippingOptions[0]!.consignment.alreadyImported).toBe(true);
  });

  it('gives a 5 kg item no postal option, and says why', async () => {
    const { shippingOptions, shippingRestrictions } = await shipOne(offer({ weightGrams: 5_000 }), 'DE');
    expect(shippingOptions.some((option) => option.mode === 'POSTAL')).toBe(false);
    expect(shippingOptions.some((option) => option.mode === 'EXPRESS')).toBe(true);
    const postal = shippingRestrictions.find((restriction) => restriction.mode === 'POSTAL')!;
    expect(postal.carrier.id).toBe('post-intl');
    expect(postal.reason).toMatch(/5000 g.*2000 g/);
  });

  it('keeps lithium batteries out of the post, and says so', async () => {
    const { shippingOptions, shippingRestrictions } = await shipOne(offer({ containsLithiumBattery: true }), 'DE');
    expect(shippingOptions.some((option) => option.mode === 'POSTAL')).toBe(false);
    expect(shippingRestrictions).toContainEqual({
      carrier: { id: 'post-intl' },
      mode: 'POSTAL',
      reason: expect.stringMatching(/lithium/i),
    });
  });

  it('says why a line without a last mile at the destination cannot ship', async () => {
    const { shippingRestrictions } = await shipOne(offer(), 'US');
    expect(shippingRestrictions).toContainEqual({ carrier: { id: 'line-asiaeu' }, mode: 'DEDICATED_LINE', reason: 'no hub in US' });
    expect(shippingRestrictions).toContainEqual({
      carrier: { id: 'express-asia' },
      mode: 'EXPRESS',
      reason: expect.stringMatching(/CN-US/),
    });
  });

  it('scales weight and value with quantity', async () => {
    const one = await shipOne(offer(), 'DE', 1);
    const four = await shipOne(offer(), 'DE', 4);
    const express = (options: Option[]) => options.find((option) => option.carrier.id === 'express-global')!;
    expect(four.shippingOptions[0]!.consignment).toMatchObject({
      quantity: 4,
      weightGrams: 1_000,
      goodsValue: { amount: '480.00', currency: 'CNY' },
    });
    expect(one.shippingOptions[0]!.consignment).toMatchObject({
      quantity: 1,
      weightGrams: 250,
      goodsValue: { amount: '120.00', currency: 'CNY' },
    });
    expect(minor(express(four.shippingOptions).cost.amount)).toBeGreaterThan(minor(express(one.shippingOptions).cost.amount));
    expect(four.shippingOptions.map((option) => option.id)).not.toContain(one.shippingOptions[0]!.id);
  });

  it('leaves out a carrier that is down, without an error', async () => {
    await logistics.sandboxes.get('express-global')!.setFault('down');
    const { shippingOptions } = await shipOne(offer(), 'DE');
    expect(shippingOptions.length).toBeGreaterThan(0);
    expect(shippingOptions.some((option) => option.carrier.id === 'express-global')).toBe(false);
    expect(shippingOptions.some((option) => option.mode === 'DEDICATED_LINE')).toBe(true);
  });
});

describe('carriers', () => {
  it('lists every carrier with its modes', async () => {
    const result = await logistics.query<{ carriers: Array<{ id: string; modes: string[] }> }>('{ carriers { id name modes } }');
    expect(result.data!.carriers.map((carrier) => carrier.id).sort()).toEqual([
      'express-asia',
      'express-global',
      'lastmile-local',
      'line-asiaeu',
      'post-intl',
    ]);
  });
});

describe('input', () => {
  it.each([0, -2, 1_000])('refuses quantity %i naming the argument', async (quantity) => {
    const result = await logistics.query(SHIPPING, { representations: [offer()], to: 'DE', quantity });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'quantity' });
  });

  it('refuses an unknown destination country, naming the argument', async () => {
    const result = await logistics.query(SHIPPING, { representations: [offer()], to: 'XX' });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/\$to.*CountryCode/);
  });

  it('refuses a representation without the facts it requires, naming the field', async () => {
    const { weightGrams: _, ...withoutWeight } = offer();
    const result = await logistics.query(SHIPPING, { representations: [withoutWeight], to: 'DE' });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'representations' });
    expect(result.errors?.[0]?.message).toContain('.weightGrams');
  });
});
