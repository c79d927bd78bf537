import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceRateOn } from '#upstreams/fx-refrates/referenceRates.js';
import { startCustoms, type TestCustoms } from './startCustoms.js';

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on ShippingOption {
        id
        importCharges {
          duties {
            amount
            currency
          }
          taxes {
            amount
            currency
          }
          fees {
            amount
            currency
          }
          total {
            amount
            currency
          }
          payableAtCheckout {
            amount
            currency
          }
          payableOnDelivery {
            amount
            currency
          }
          deMinimisApplied
          collectedAtSale
          lines {
            kind
            description
            amount {
              amount
              currency
            }
            formula
            source
            collectedAt
            remitter
            paidBy
          }
        }
      }
    }
  }
`;

interface Money {
  amount: string;
  currency: string;
}
interface Option {
  id: string;
  importCharges: {
    duties: Money;
    taxes: Money;
    fees: Money;
    total: Money;
    payableAtCheckout: Money;
    payableOnDelivery: Money;
    deMinimisApplied: boolean;
    collectedAtSale: boolean;
    lines: Array<{
      kind: string;
      description: string;
      amount: Money;
      formula: string;
      source: string;
      collectedAt: string;
      remitter: string;
      paidBy: string;
    }>;
  };
}

/** Lanes like a search page produces: goods priced in the seller's currency, freight in the carrier's. */
const LANES = [
  {
    originCountry: 'CN',
    destinationCountry: 'DE',
    hsCode: '610910',
    goodsValue: { amount: '1520.00', currency: 'CNY' },
    cost: { amount: '9.90', currency: 'USD' },
  },
  {
    originCountry: 'JP',
    destinationCountry: 'US',
    hsCode: '090210',
    goodsValue: { amount: '4800', currency: 'JPY' },
    cost: { amount: '2100', currency: 'JPY' },
  },
  {
    originCountry: 'BR',
    destinationCountry: 'GB',
    hsCode: '950300',
    goodsValue: { amount: '191.20', currency: 'BRL' },
    cost: { amount: '12.00', currency: 'EUR' },
  },
  {
    originCountry: 'MY',
    destinationCountry: 'BR',
    hsCode: '330499',
    goodsValue: { amount: '89.00', currency: 'MYR' },
    cost: { amount: '6.00', currency: 'USD' },
  },
  {
    originCountry: 'DE',
    destinationCountry: 'JP',
    hsCode: '620442',
    goodsValue: { amount: '80.00', currency: 'EUR' },
    cost: { amount: '14.00', currency: 'EUR' },
  },
  {
    originCountry: 'US',
    destinationCountry: 'CN',
    hsCode: null,
    goodsValue: { amount: '59.99', currency: 'USD' },
    cost: { amount: '8.00', currency: 'USD' },
  },
];

function representation(i: number) {
  const lane = LANES[i % LANES.length];
  if (!lane) throw new Error('no lane');
  const { cost, ...consignment } = lane;
  return {
    __typename: 'ShippingOption',
    id: `option-${i}`,
    cost,
    // Every tenth option ships from a warehouse in the destination country.
    consignment: {
      ...consignment,
      quantity: 1 + (i % 3),
      alreadyImported: i % 10 === 9,
      destinationRegion: null,
      customsMode: i % 10 === 9 ? null : 'EXPRESS',
      postBorderTransport: null,
      carrierFees: [],
    },
  };
}

let customs: TestCustoms;
beforeAll(async () => {
  customs = await startCustoms();
});
afterAll(() => customs.stop());

describe('ShippingOption.importCharges over HTTP (_entities)', () => {
  it('answers 50 options with at most one call to the FX source, each total the sum of its lines', async () => {
    await customs.fx.resetStats();
    const representations = Array.from({ length: 50 }, (_, i) => representation(i));
    const { data, errors } = await customs.query<{ _entities: Option[] }>(ENTITIES, { representations });
    expect(errors).toBeUndefined();
    const options = data?._entities ?? [];
    expect(options).toHaveLength(50);
    // Conversions are needed (CNY, JPY, BRL, MYR, USD goods): one fetch per series a destination
    // converts at, whatever the page size: reference rates (GB, BR, CN), EU monthly (DE), CBP (US), JP weekly.
    const byEndpoint = (await customs.fx.stats()).byEndpoint;
    expect(byEndpoint['eurofxref-daily'] ?? 0).toBe(1);
    for (const series of ['EU_CUSTOMS_MONTHLY', 'US_CBP', 'JP_CUSTOMS_WEEKLY'])
      expect(byEndpoint[`customs-rates-${series}`] ?? 0, series).toBe(1);

    const minor = (money: Money) => BigInt(money.amount.replace('.', ''));
    for (const option of options) {
      const { importCharges: charges } = option;
      const sum = charges.lines.reduce((total, line) => total + minor(line.amount), 0n);
      expect(sum, option.id).toBe(minor(charges.total));
      expect(minor(charges.duties) + minor(charges.taxes) + minor(charges.fees)).toBe(minor(charges.total));
      expect(charges.lines.length, option.id).toBeGreaterThan(0);
    }
    // Amounts are in the destination currency, and conversions cite the sandbox's rate.
    expect(options[0]?.importCharges.total.currency).toBe('EUR');
    expect(options[1]?.importCharges.total.currency).toBe('USD');
    expect(options[4]?.importCharges.total.currency).toBe('JPY');
    expect(options[4]?.importCharges.total.amount).toMatch(/^\d+$/);
    expect(options[0]?.importCharges.lines.some((line) => line.formula.includes('1 CNY = '))).toBe(true);
    expect(options[0]?.importCharges.lines.some((line) => line.formula.includes('EU_CUSTOMS_MONTHLY customs rates'))).toBe(true);
    // Minor units add up per collection point too.
    for (const { importCharges: charges } of options) {
      const buyer = (at: (collectedAt: string) => boolean) =>
        charges.lines
          .filter((line) => line.paidBy === 'BUYER' && at(line.collectedAt))
          .reduce((total, line) => total + minor(line.amount), 0n);
      expect(buyer((at) => at === 'CHECKOUT')).toBe(minor(charges.payableAtCheckout));
      expect(buyer((at) => at !== 'CHECKOUT')).toBe(minor(charges.payableOnDelivery));
    }
  });

  it('charges the domestic VAT on a sale from an overseas warehouse, remitted by the marketplace (EU art. 14a(2))', async () => {
    const base = representation(0); // CN goods, stocked in a German warehouse
    const warehouse = {
      ...base,
      cost: { amount: '4.95', currency: 'EUR' },
      consignment: {
        ...base.consignment,
        goodsValue: { amount: '100.00', currency: 'EUR' },
        quantity: 1,
        alreadyImported: true,
        customsMode: null,
      },
    };
    const { data, errors } = await customs.query<{ _entities: Option[] }>(ENTITIES, { representations: [warehouse] });
    expect(errors).toBeUndefined();
    const charges = data!._entities[0]!.importCharges;
    // 19% × (100.00 + 4.95) = 19.9405 → 19.94, at checkout; no duty, nothing on delivery.
    expect(charges.total).toEqual({ amount: '19.94', currency: 'EUR' });
    expect(charges.payableAtCheckout).toEqual({ amount: '19.94', currency: 'EUR' });
    expect(charges.payableOnDelivery).toEqual({ amount: '0.00', currency: 'EUR' });
    expect(charges.lines).toEqual([
      expect.objectContaining({
        kind: 'TAX',
        amount: { amount: '19.94', currency: 'EUR' },
        collectedAt: 'CHECKOUT',
        remitter: 'MARKETPLACE',
        paidBy: 'BUYER',
      }),
    ]);
    expect(charges.lines[0]?.source).toContain('EU-deemed-supplier-intra-union');
  });

  it('says, rather than guesses, where the domestic tax of a sale from stock is not modelled', async () => {
    const warehouse = representation(9); // MY goods already in a Brazilian warehouse
    const { data } = await customs.query<{ _entities: Option[] }>(ENTITIES, { representations: [warehouse] });
    const charges = data?._entities[0]?.importCharges;
    expect(charges?.total).toEqual({ amount: '0.00', currency: 'BRL' });
    expect(charges?.lines[0]?.formula).toContain('not modelled for BR');
  });

  it('reuses the cached rates on the next page', async () => {
    await customs.query(ENTITIES, { representations: [representation(0)] });
    await customs.fx.resetStats();
    const { errors } = await customs.query(ENTITIES, { representations: Array.from({ length: 10 }, (_, i) => representation(i)) });
    expect(errors).toBeUndefined();
    expect((await customs.fx.stats()).byEndpoint['eurofxref-daily'] ?? 0).toBe(0);
  });

  it('fails only the import charges of the option whose destination has no rules, not the option', async () => {
    const bad = { ...representation(0), id: 'option-th', consignment: { ...representation(0).consignment, destinationCountry: 'TH' } };
    const { data, errors } = await customs.query<{ _entities: Array<Option | null> }>(ENTITIES, {
      representations: [representation(0), bad],
    });
    expect(data?._entities[0]?.importCharges.total.currency).toBe('EUR');
    expect(data?._entities[1]).toMatchObject({ importCharges: null });
    expect(errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    expect(errors?.[0]?.path).toEqual(['_entities', 1, 'importCharges']);
  });

  it('answers estimateImportCharges over HTTP, and names the bad field', async () => {
    const { errors } = await customs.query(
      `query($input: ImportChargesInput!) { estimateImportCharges(input: $input) { total { amount } } }`,
      { input: { origin: 'CN', destination: 'DE', items: [{ hsCode: '61', quantity: 1, value: { amount: '1.00', currency: 'EUR' } }] } },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.items[0].hsCode' });
  });

  it.each([
    ['an unknown mode', { mode: 'BOAT' }, /input\.mode/],
    ['a region that does not belong to the country', { destination: 'CA-SP' }, /input\.destination.*not a subdivision of CA/],
    ['a region that does not exist', { destination: 'US-XX' }, /input\.destination.*not a subdivision of US/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_what, patch, message) => {
    const { errors } = await customs.query(
      `query($input: ImportChargesInput!) { estimateImportCharges(input: $input) { total { amount } } }`,
      {
        input: {
          origin: 'CN',
          destination: 'CA',
          items: [{ hsCode: '610910', quantity: 1, value: { amount: '10.00', currency: 'CAD' } }],
          ...patch,
        },
      },
    );
    expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(message);
  });

  it('refuses a region where only a country means something (origin), naming input.origin', async () => {
    const { errors } = await customs.query(
      `query($input: ImportChargesInput!) { estimateImportCharges(input: $input) { total { amount } } }`,
      {
        input: {
          origin: 'US-NY',
          destination: 'CA-ON',
          items: [{ hsCode: '610910', quantity: 1, value: { amount: '10.00', currency: 'CAD' } }],
        },
      },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.origin' });
  });

  it('converts at the EU monthly customs rate of the date asked (art. 146), the rate the sandbox fixed on the penultimate Wednesday of the month before', async () => {
    const { data, errors } = await customs.query<{
      estimateImportCharges: { lines: Array<{ exchangeRates: Array<{ series: string; date: string; rate: string }> }> };
    }>(`query($input: ImportChargesInput!) { estimateImportCharges(input: $input) { lines { exchangeRates { series date rate } } } }`, {
      input: {
        origin: 'CN',
        destination: 'DE',
        date: '2026-10-15',
        items: [{ hsCode: '610910', quantity: 1, value: { amount: '300.00', currency: 'USD' } }],
      },
    });
    expect(errors).toBeUndefined();
    const rates = data!.estimateImportCharges.lines.flatMap((line) => line.exchangeRates);
    // October 2026's rate: fixed from the reference rates of Wednesday 2026-09-23 (the penultimate of September).
    const usdPerEuro = referenceRateOn('USD', '2026-09-23')!;
    expect(rates[0]).toMatchObject({ series: 'EU_CUSTOMS_MONTHLY', date: '2026-10-01' });
    expect(Number(rates[0]!.rate)).toBeCloseTo(1 / Number(usdPerEuro), 5);
  });
});
