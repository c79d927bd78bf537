import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCustoms, type TestCustoms } from './startCustoms.js';

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on ShippingOption {
        id
        importCharges {
          deMinimisApplied
          region
          rulesDate
          lines {
            kind
            description
            amount {
              amount
              currency
            }
            collectedAt
            remitter
            paidBy
          }
          declaration {
            customsValue {
              amount
              currency
            }
            valuationBasis
            requirements {
              fields
            }
          }
        }
        quoteBasis {
          originCountry
          destinationCountry
          region
          goodsValue {
            amount
            currency
          }
          cost {
            amount
            currency
          }
          transitDays {
            min
            max
          }
          deMinimisApplied
          rulesDate
          hsCodeNote
          charges {
            kind
            amount {
              amount
              currency
            }
            collectedAt
            remitter
            paidBy
          }
          customsValue {
            amount
            currency
          }
          valuationBasis
          productIdentifiersRequired
        }
      }
    }
  }
`;

interface Money {
  amount: string;
  currency: string;
}
interface Line {
  kind: string;
  amount: Money;
  collectedAt: string;
  remitter: string;
  paidBy: string;
}
interface Option {
  id: string;
  importCharges: {
    deMinimisApplied: boolean;
    region: string | null;
    rulesDate: string;
    lines: Array<Line & { description: string }>;
    declaration: { customsValue: Money; valuationBasis: string; requirements: Array<{ fields: string[] }> } | null;
  };
  quoteBasis: {
    originCountry: string;
    destinationCountry: string;
    region: string | null;
    goodsValue: Money;
    cost: Money;
    transitDays: { min: number; max: number };
    deMinimisApplied: boolean;
    rulesDate: string;
    hsCodeNote: string | null;
    charges: Line[];
    customsValue: Money | null;
    valuationBasis: string | null;
    productIdentifiersRequired: boolean;
  };
}

const consignment = {
  originCountry: 'CN',
  destinationCountry: 'DE',
  hsCode: '610910',
  hsCodeStatus: 'DECLARED',
  hsCodeConfidence: null,
  rejectedHsCode: null,
  quantity: 2,
  goodsValue: { amount: '152.00', currency: 'CNY' },
  alreadyImported: false,
  destinationRegion: null,
  customsMode: 'POSTAL',
  containsLithiumBattery: false,
  postBorderTransport: null,
  carrierFees: [],
};

/** Options as logistics sends them: a post's parcel, a two-leg line, a title-classified code to a province, goods already imported. */
const REPRESENTATIONS = [
  { __typename: 'ShippingOption', id: 'post', cost: { amount: '4.10', currency: 'USD' }, transitDays: { min: 10, max: 20 }, consignment },
  {
    __typename: 'ShippingOption',
    id: 'line',
    cost: { amount: '9.50', currency: 'EUR' },
    transitDays: { min: 7, max: 12 },
    consignment: { ...consignment, customsMode: 'FREIGHT', postBorderTransport: { amount: '3.20', currency: 'EUR' } },
  },
  {
    __typename: 'ShippingOption',
    id: 'classified',
    cost: { amount: '18.00', currency: 'CAD' },
    transitDays: { min: 3, max: 5 },
    consignment: {
      ...consignment,
      destinationCountry: 'CA',
      destinationRegion: 'CA-ON',
      customsMode: 'EXPRESS',
      hsCode: '090210',
      hsCodeStatus: 'SUGGESTED',
      hsCodeConfidence: 0.82,
      rejectedHsCode: '0902',
      goodsValue: { amount: '240.00', currency: 'CNY' },
    },
  },
  {
    __typename: 'ShippingOption',
    id: 'warehouse',
    cost: { amount: '4.90', currency: 'EUR' },
    transitDays: { min: 1, max: 2 },
    consignment: { ...consignment, alreadyImported: true, customsMode: null },
  },
];

let customs: TestCustoms;
beforeAll(async () => {
  customs = await startCustoms();
});
afterAll(() => customs.stop());

describe('ShippingOption.quoteBasis: what payments reads for a landed cost', () => {
  it('carries the same charges as importCharges, and the option as logistics quoted it', async () => {
    const { data, errors } = await customs.query<{ _entities: Option[] }>(ENTITIES, { representations: REPRESENTATIONS });
    expect(errors).toBeUndefined();
    const options = data!._entities;
    expect(options.map((option) => option.id)).toEqual(['post', 'line', 'classified', 'warehouse']);
    for (const [index, { id, importCharges: charges, quoteBasis: basis }] of options.entries()) {
      const sent = REPRESENTATIONS[index]!;
      expect(basis.charges, id).toEqual(charges.lines.map(({ description: _, ...line }) => line));
      expect(basis.charges.length, id).toBeGreaterThan(0);
      expect(basis.deMinimisApplied, id).toBe(charges.deMinimisApplied);
      expect(basis.rulesDate, id).toBe(charges.rulesDate);
      expect(basis.region, id).toBe(charges.region ?? sent.consignment.destinationRegion);
      // the whole cost, the last mile of a two-leg line included (customs values the freight without it)
      expect(basis.cost, id).toEqual(sent.cost);
      expect(basis.transitDays, id).toEqual(sent.transitDays);
      expect(basis.goodsValue, id).toEqual(sent.consignment.goodsValue);
      expect([basis.originCountry, basis.destinationCountry], id).toEqual([
        sent.consignment.originCountry,
        sent.consignment.destinationCountry,
      ]);
      expect(basis.customsValue, id).toEqual(charges.declaration?.customsValue ?? null);
      expect(basis.valuationBasis, id).toBe(charges.declaration?.valuationBasis ?? null);
      expect(basis.productIdentifiersRequired, id).toBe(
        charges.declaration?.requirements.some((requirement) => requirement.fields.includes('productIdentifiers')) ?? false,
      );
    }
    const [post, , classified, warehouse] = options;
    // EU low-value consignments declare product identifiers from 1 November 2026
    expect(post!.quoteBasis.productIdentifiersRequired).toBe(true);
    expect(warehouse!.quoteBasis.customsValue).toBeNull();
    // the note is the duty line's own, so the landed cost's duty line says the same
    const note = classified!.quoteBasis.hsCodeNote;
    expect(note).toMatch(/classified from the title as 0902\.10, confidence 0\.82/);
    expect(classified!.importCharges.lines.find((line) => line.kind === 'DUTY')!.description).toContain(note!);
    expect(post!.quoteBasis.hsCodeNote).toBeNull();
  });

  it('fails the option loudly when the representation lacks the transit days', async () => {
    const { transitDays: _, ...withoutDays } = REPRESENTATIONS[0]!;
    const { data, errors } = await customs.query<{ _entities: Array<Option | null> }>(ENTITIES, { representations: [withoutDays] });
    expect(data?._entities[0]?.quoteBasis ?? null).toBeNull();
    expect(errors?.[0]?.message).toMatch(/lacks cost or transitDays/);
  });
});
