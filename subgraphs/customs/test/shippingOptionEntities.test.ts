import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    deMinimisApplied: boolean;
    collectedAtSale: boolean;
    lines: Array<{ kind: string; amount: Money; formula: string; source: string }>;
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
    consignment: { ...consignment, quantity: 1 + (i % 3), weightGrams: 300, alreadyImported: i % 10 === 9 },
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
    // Conversions are needed (CNY, JPY, BRL, MYR, USD goods), so exactly one fetch: at most one per page, and not zero.
    expect((await customs.fx.stats()).byEndpoint['eurofxref-daily'] ?? 0).toBe(1);

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
    expect(options[0]?.importCharges.lines.some((line) => line.formula.includes('European Central Bank (Tradegraph sandbox)'))).toBe(true);
  });

  it('charges nothing for goods already imported, with one line saying why', async () => {
    const warehouse = representation(9); // MY goods already in a Brazilian warehouse
    expect(warehouse.consignment.alreadyImported).toBe(true);
    const { data } = await customs.query<{ _entities: Option[] }>(ENTITIES, { representations: [warehouse] });
    const charges = data?._entities[0]?.importCharges;
    expect(charges?.total).toEqual({ amount: '0.00', currency: 'BRL' });
    expect(charges?.lines).toEqual([
      {
        kind: 'FEE',
        description: 'No import at delivery: the goods ship from stock already in the destination country',
        amount: { amount: '0.00', currency: 'BRL' },
        formula: 'duties settled at the bulk import',
        source: 'alreadyImported (overseas warehouse or domestic stock)',
      },
    ]);
  });

  it('reuses the cached rates on the next page', async () => {
    await customs.query(ENTITIES, { representations: [representation(0)] });
    await customs.fx.resetStats();
    const { errors } = await customs.query(ENTITIES, { representations: Array.from({ length: 10 }, (_, i) => representation(i)) });
    expect(errors).toBeUndefined();
    expect((await customs.fx.stats()).byEndpoint['eurofxref-daily'] ?? 0).toBe(0);
  });

  it('fails only the option whose destination has no rules', async () => {
    const bad = { ...representation(0), id: 'option-th', consignment: { ...representation(0).consignment, destinationCountry: 'TH' } };
    const { data, errors } = await customs.query<{ _entities: Array<Option | null> }>(ENTITIES, {
      representations: [representation(0), bad],
    });
    expect(data?._entities[0]?.importCharges.total.currency).toBe('EUR');
    expect(data?._entities[1]).toBeNull();
    expect(errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('answers estimateImportCharges over HTTP, and names the bad field', async () => {
    const { errors } = await customs.query(
      `query($input: ImportChargesInput!) { estimateImportCharges(input: $input) { total { amount } } }`,
      { input: { origin: 'CN', destination: 'DE', items: [{ hsCode: '61', quantity: 1, value: { amount: '1.00', currency: 'EUR' } }] } },
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'input.items[0].hsCode' });
  });
});
