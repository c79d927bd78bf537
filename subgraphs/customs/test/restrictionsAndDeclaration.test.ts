import { describe, expect, it } from 'vitest';
import { executeCustoms } from './executeCustoms.js';

const ESTIMATE = `query ($input: ImportChargesInput!) {
  estimateImportCharges(input: $input) {
    restrictions { kind rule document modes sourceStatus }
    declaration {
      hsCodes originCountry customsValue { amount currency } valuationBasis valuationSource
      requirements { rule fields source sourceStatus }
    }
  }
}`;
interface Estimate {
  estimateImportCharges: {
    restrictions: Array<{ kind: string; rule: string; document: string | null; modes: string[]; sourceStatus: string }>;
    declaration: {
      hsCodes: Array<string | null>;
      originCountry: string;
      customsValue: { amount: string; currency: string };
      valuationBasis: string;
      valuationSource: string;
      requirements: Array<{ rule: string; fields: string[]; source: string; sourceStatus: string }>;
    } | null;
  };
}

const estimate = async (input: Record<string, unknown>) => {
  const { result } = await executeCustoms<Estimate>(ESTIMATE, {
    input: {
      items: [{ hsCode: '6109.10', quantity: 1, value: { amount: '100.00', currency: 'USD' } }],
      shipping: { amount: '20.00', currency: 'USD' },
      date: '2026-11-20',
      ...input,
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.estimateImportCharges;
};

describe('estimateImportCharges answers restrictions for its mode', () => {
  it('wine to the US: PROHIBITED by post, only the FDA prior notice by courier', async () => {
    const wine = {
      origin: 'DE',
      destination: 'US',
      items: [{ hsCode: '2204.21', quantity: 1, value: { amount: '20.00', currency: 'USD' } }],
    };
    const postal = await estimate({ ...wine, mode: 'POSTAL' });
    expect(postal.restrictions.map(({ kind, rule, modes }) => ({ kind, rule, modes }))).toEqual([
      { kind: 'PROHIBITED', rule: 'us-alcohol-nonmailable', modes: ['POSTAL'] },
      { kind: 'CONDITIONAL', rule: 'us-fda-prior-notice-food', modes: ['POSTAL'] },
    ]);
    const courier = await estimate({ ...wine, mode: 'EXPRESS' });
    expect(courier.restrictions.map((restriction) => restriction.rule)).toEqual(['us-fda-prior-notice-food']);
  });

  it('cigarettes to FR: PROHIBITED as a distance sale by courier as by post; to DE, not refused', async () => {
    const cigarettes = { origin: 'CN', items: [{ hsCode: '2402.20', quantity: 1, value: { amount: '12.00', currency: 'USD' } }] };
    for (const mode of ['POSTAL', 'EXPRESS']) {
      const toFrance = await estimate({ ...cigarettes, destination: 'FR', mode });
      expect(toFrance.restrictions.map(({ kind, rule }) => `${kind} ${rule}`)).toEqual(['PROHIBITED fr-tobacco-distance-sale-prohibited']);
    }
    const toGermany = await estimate({ ...cigarettes, destination: 'DE', mode: 'EXPRESS' });
    expect(toGermany.restrictions.filter(({ kind }) => kind === 'PROHIBITED')).toEqual([]);
  });

  it('a phone with its battery installed goes by post under the posts’ conditions', async () => {
    const phone = { origin: 'CN', destination: 'DE', mode: 'POSTAL' };
    const withBattery = await estimate({
      ...phone,
      items: [{ hsCode: '851713', quantity: 1, value: { amount: '100.00', currency: 'USD' }, containsLithiumBattery: true }],
    });
    expect(withBattery.restrictions.map((restriction) => restriction.rule)).toEqual(['upu-lithium-batteries-in-equipment']);
    const without = await estimate({ ...phone, items: [{ hsCode: '851713', quantity: 1, value: { amount: '100.00', currency: 'USD' } }] });
    expect(without.restrictions).toEqual([]);
  });
});

describe('the declaration carries the customs value in the destination’s rules', () => {
  it('CIF for the EU (goods and freight), FOB for the US (goods only)', async () => {
    const de = (await estimate({ origin: 'CN', destination: 'DE' })).declaration!;
    const us = (await estimate({ origin: 'CN', destination: 'US' })).declaration!;
    expect(de).toMatchObject({ hsCodes: ['610910'], originCountry: 'CN', valuationBasis: 'CIF' });
    expect(us).toMatchObject({
      hsCodes: ['610910'],
      originCountry: 'CN',
      valuationBasis: 'FOB',
      customsValue: { amount: '100.00', currency: 'USD' },
    });
    expect(de.customsValue.currency).toBe('EUR');
    // The same 100 USD of goods: the EU value adds the 20 USD freight, so it is 1.2 times the goods alone.
    const deGoodsOnly = (await estimate({ origin: 'CN', destination: 'DE', shipping: null })).declaration!;
    expect(Number(de.customsValue.amount)).toBeCloseTo(Number(deGoodsOnly.customsValue.amount) * 1.2, 1);
    expect(de.valuationSource).toMatch(/https?:\/\//);
  });

  it('asks EU consignments from outside the EU for product identifiers from 1 November 2026', async () => {
    const after = (await estimate({ origin: 'CN', destination: 'FR' })).declaration!;
    expect(after.requirements).toEqual([
      expect.objectContaining({ rule: 'eu-low-value-product-identifiers', fields: ['productIdentifiers'], sourceStatus: 'UNVERIFIED' }),
    ]);
    expect((await estimate({ origin: 'CN', destination: 'FR', date: '2026-10-31' })).declaration!.requirements).toEqual([]);
    expect((await estimate({ origin: 'CN', destination: 'US' })).declaration!.requirements).toEqual([]);
  });

  it('has no declaration when no border is crossed', async () => {
    expect((await estimate({ origin: 'FR', destination: 'DE' })).declaration).toBeNull();
  });
});
