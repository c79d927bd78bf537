import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offer, type OfferRepresentation } from './support/offerRepresentations.js';
import { startLogistics, type TestLogistics } from './startLogistics.js';

const RESTRICTED = `query ($representations: [_Any!]!, $to: CountryCode!) {
  _entities(representations: $representations) {
    ... on Offer {
      shippingOptions(to: $to) { mode carrier { id } consignment { customsMode } restrictions { kind rule reason document source sourceStatus modes } }
      shippingRestrictions(to: $to) { carrier { id } mode reason restriction { kind rule source modes } }
      restrictions(to: $to) { kind rule reason document source sourceStatus modes }
    }
  }
}`;

interface Restriction {
  kind: string;
  rule: string;
  reason: string;
  document: string | null;
  source: string;
  sourceStatus: string;
  modes: string[];
}
interface Shipping {
  _entities: Array<{
    shippingOptions: Array<{
      mode: string;
      carrier: { id: string };
      consignment: { customsMode: string | null };
      restrictions: Restriction[];
    }>;
    shippingRestrictions: Array<{ carrier: { id: string }; mode: string; reason: string; restriction: Partial<Restriction> | null }>;
    restrictions: Restriction[];
  }>;
}

let logistics: TestLogistics;
const shipOne = async (representation: OfferRepresentation, to: string) => {
  const result = await logistics.query<Shipping>(RESTRICTED, { representations: [representation], to });
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0]!;
};

const wine = offer({
  originCountry: 'DE',
  price: { amount: '14.90', currency: 'EUR' },
  hsCode: '220421',
  hsClassification: { hsCode: '220421', status: 'DECLARED', confidence: null },
  weightGrams: 1300,
  dimensions: { lengthCm: 33, widthCm: 9, heightCm: 9 },
});
const lithiumCells = offer({
  hsCode: '850760',
  hsClassification: { hsCode: '850760', status: 'DECLARED', confidence: null },
  weightGrams: 100,
  containsLithiumBattery: true,
});

beforeAll(async () => {
  logistics = await startLogistics();
});
afterAll(() => logistics.stop());

describe('restrictions on shipping options', () => {
  it('offers no postal option for wine to the US, and says which law forbids it', async () => {
    const { shippingOptions, shippingRestrictions, restrictions } = await shipOne(wine, 'US');
    expect(shippingOptions.some((option) => option.consignment.customsMode === 'POSTAL')).toBe(false);
    expect(shippingRestrictions).toContainEqual({
      carrier: { id: 'post-intl' },
      mode: 'POSTAL',
      reason: expect.stringMatching(/nonmailable/),
      restriction: {
        kind: 'PROHIBITED',
        rule: 'us-alcohol-nonmailable',
        source: expect.stringMatching(/1716.*https:\/\//),
        modes: ['POSTAL'],
      },
    });
    expect(restrictions.find((restriction) => restriction.rule === 'us-alcohol-nonmailable')?.modes).toEqual(['POSTAL']);
    // By courier it may go, on the condition food imports carry: an FDA prior notice.
    const courier = shippingOptions.filter((option) => option.mode === 'EXPRESS');
    expect(courier.length).toBeGreaterThan(0);
    for (const option of courier) {
      expect(option.restrictions).toContainEqual(
        expect.objectContaining({ kind: 'CONDITIONAL', rule: 'us-fda-prior-notice-food', document: expect.stringMatching(/Prior Notice/) }),
      );
    }
  });

  it('lets wine go by post where the law allows it', async () => {
    const { shippingOptions, restrictions } = await shipOne({ ...wine, originCountry: 'DE' }, 'JP');
    expect(restrictions).toEqual([]);
    expect(shippingOptions.some((option) => option.mode === 'POSTAL')).toBe(true);
  });

  it('offers no postal option for lithium cells on their own, and lists the rule for every mode', async () => {
    const { shippingOptions, shippingRestrictions, restrictions } = await shipOne(lithiumCells, 'US');
    expect(shippingOptions.some((option) => option.mode === 'POSTAL')).toBe(false);
    expect(shippingRestrictions.map((line) => line.restriction?.rule)).toContain('upu-lithium-batteries-alone');
    expect(restrictions.map(({ kind, rule, modes }) => ({ kind, rule, modes }))).toEqual([
      { kind: 'PROHIBITED', rule: 'upu-lithium-batteries-alone', modes: ['POSTAL'] },
      { kind: 'CONDITIONAL', rule: 'icao-lithium-ion-batteries-alone-cargo-only', modes: ['EXPRESS', 'FREIGHT'] },
    ]);
    for (const option of shippingOptions) expect(option.restrictions.every((restriction) => restriction.kind === 'CONDITIONAL')).toBe(true);
  });

  it('leaves no option at all for goods off China’s cross-border retail list, and the offer says why', async () => {
    const book = offer({
      originCountry: 'JP',
      price: { amount: '2400', currency: 'JPY' },
      hsCode: '490199',
      hsClassification: { hsCode: '490199', status: 'DECLARED', confidence: null },
    });
    const { shippingOptions, restrictions } = await shipOne(book, 'CN');
    expect(shippingOptions).toEqual([]);
    expect(restrictions).toEqual([
      expect.objectContaining({
        kind: 'PROHIBITED',
        rule: 'cn-cbec-retail-positive-list',
        sourceStatus: 'UNVERIFIED',
        modes: ['POSTAL', 'EXPRESS', 'FREIGHT'],
      }),
    ]);
  });

  it('marks toys to the EU with the CE-marking condition, and says nothing of a domestic sale', async () => {
    const toy = offer({ hsCode: '950300', hsClassification: { hsCode: '950300', status: 'DECLARED', confidence: null } });
    const { shippingOptions } = await shipOne(toy, 'DE');
    expect(shippingOptions.length).toBeGreaterThan(0);
    for (const option of shippingOptions.filter((candidate) => candidate.consignment.customsMode !== null)) {
      expect(option.restrictions.map((restriction) => restriction.rule)).toEqual(['eu-toy-safety-ce-marking']);
    }
    expect((await shipOne(lithiumCells, 'CN')).restrictions).toEqual([]);
  });
});
