import { describe, expect, it } from 'vitest';
import { documentRequirementsFor, evaluateRestrictions, isProhibited, type ShipmentFacts } from './evaluateRestrictions.js';
import { loadRestrictions } from './loadRestrictions.js';

const rules = loadRestrictions();
const base: ShipmentFacts = {
  origin: 'CN',
  destination: 'US',
  mode: 'POSTAL',
  hsCode: null,
  containsLithiumBattery: false,
  date: '2026-12-01',
};
const check = (facts: Partial<ShipmentFacts>) => evaluateRestrictions(rules, { ...base, ...facts });
const kinds = (facts: Partial<ShipmentFacts>) => check(facts).map((restriction) => `${restriction.kind} ${restriction.rule}`);

describe('evaluateRestrictions', () => {
  it('refuses lithium batteries alone by post to any destination, and says why with its source', () => {
    for (const destination of ['US', 'DE', 'JP']) {
      const found = check({ destination, hsCode: '850760', containsLithiumBattery: true });
      expect(isProhibited(found)).toBe(true);
      expect(found[0]).toMatchObject({ kind: 'PROHIBITED', rule: 'upu-lithium-batteries-alone' });
      expect(found[0]!.reason).toMatch(/lithium/i);
      expect(found[0]!.source).toMatch(/Universal Postal Convention.*https?:\/\//);
    }
  });

  it('lets lithium batteries alone fly by courier as dangerous goods (a condition with its document)', () => {
    const found = check({ mode: 'EXPRESS', hsCode: '85076000', containsLithiumBattery: true });
    expect(found.map((r) => r.kind)).toEqual(['CONDITIONAL']);
    expect(found[0]!.document).toMatch(/UN 3480/);
  });

  it('admits equipment with a battery installed by post under conditions only', () => {
    expect(kinds({ hsCode: '851830', containsLithiumBattery: true })).toEqual(['CONDITIONAL upu-lithium-batteries-in-equipment']);
    expect(kinds({ hsCode: '851830', containsLithiumBattery: false })).toEqual([]);
  });

  it('refuses wine, beer and spirits by post to the US but not by courier, nor by post elsewhere', () => {
    expect(kinds({ origin: 'DE', hsCode: '220421' })).toEqual([
      'PROHIBITED us-alcohol-nonmailable',
      'CONDITIONAL us-fda-prior-notice-food',
    ]);
    expect(isProhibited(check({ origin: 'DE', hsCode: '220421', mode: 'EXPRESS' }))).toBe(false);
    expect(check({ origin: 'DE', destination: 'JP', hsCode: '220421' })).toEqual([]);
  });

  it('knows the AU and MY tobacco and alcohol rules', () => {
    expect(isProhibited(check({ destination: 'AU', hsCode: '240220', mode: 'EXPRESS' }))).toBe(true);
    expect(isProhibited(check({ destination: 'AU', hsCode: '240220', mode: 'EXPRESS', date: '2019-06-30' }))).toBe(false);
    expect(isProhibited(check({ destination: 'MY', hsCode: '220830' }))).toBe(true);
    expect(kinds({ destination: 'MY', hsCode: '220830', mode: 'EXPRESS' })).toEqual(['CONDITIONAL my-alcohol-tobacco-courier-licence']);
  });

  it('refuses tobacco sold at a distance to FR on every channel, and leaves FR alcohol alone', () => {
    for (const mode of ['POSTAL', 'EXPRESS', 'FREIGHT'] as const)
      expect(kinds({ destination: 'FR', hsCode: '240220', mode })).toEqual(['PROHIBITED fr-tobacco-distance-sale-prohibited']);
    expect(isProhibited(check({ destination: 'FR', hsCode: '240319', mode: 'EXPRESS' }))).toBe(true);
    expect(isProhibited(check({ destination: 'FR', hsCode: '220421', mode: 'EXPRESS' }))).toBe(false);
    expect(isProhibited(check({ destination: 'DE', hsCode: '240220', mode: 'EXPRESS' }))).toBe(false);
  });

  it('refuses tobacco sold at a distance to NL, IT and ES, each from the date its rule is in force', () => {
    expect(kinds({ destination: 'NL', hsCode: '240220', mode: 'EXPRESS' })).toEqual(['PROHIBITED nl-tobacco-distance-sale-prohibited']);
    expect(isProhibited(check({ destination: 'NL', hsCode: '240220', mode: 'EXPRESS', date: '2023-06-30' }))).toBe(false);
    expect(kinds({ destination: 'IT', hsCode: '240319', mode: 'POSTAL' })).toEqual(['PROHIBITED it-tobacco-distance-sale-prohibited']);
    expect(kinds({ destination: 'ES', hsCode: '240210', mode: 'FREIGHT' })).toEqual(['PROHIBITED es-tobacco-distance-sale-prohibited']);
    expect(isProhibited(check({ destination: 'ES', hsCode: '220421', mode: 'EXPRESS' }))).toBe(false);
  });

  it('refuses electronic smoking devices to BR on every channel, under RDC 46/2009 and then RDC 855/2024', () => {
    for (const mode of ['POSTAL', 'EXPRESS', 'FREIGHT'] as const)
      expect(kinds({ destination: 'BR', hsCode: '854340', mode })).toEqual(['PROHIBITED br-electronic-smoking-devices-rdc-855-2024']);
    expect(kinds({ destination: 'BR', hsCode: '854340', mode: 'EXPRESS', date: '2015-03-01' })).toEqual([
      'PROHIBITED br-electronic-smoking-devices-rdc-46-2009',
    ]);
    expect(isProhibited(check({ destination: 'BR', hsCode: '854340', mode: 'EXPRESS', date: '2009-08-27' }))).toBe(false);
    expect(isProhibited(check({ destination: 'BR', hsCode: '240220', mode: 'EXPRESS' }))).toBe(false);
    expect(isProhibited(check({ destination: 'GB', hsCode: '854340', mode: 'EXPRESS' }))).toBe(false);
  });

  it('lets into CN only goods on the cross-border retail positive list', () => {
    expect(isProhibited(check({ origin: 'JP', destination: 'CN', hsCode: '610910', mode: 'EXPRESS' }))).toBe(false);
    expect(kinds({ origin: 'JP', destination: 'CN', hsCode: '490199', mode: 'EXPRESS' })).toEqual([
      'PROHIBITED cn-cbec-retail-positive-list',
    ]);
    expect(isProhibited(check({ origin: 'JP', destination: 'CN', hsCode: null, mode: 'FREIGHT' }))).toBe(true);
  });

  it('asks for an FDA prior notice for food to the US, and CE marking for toys to the EU', () => {
    expect(kinds({ hsCode: '090210', mode: 'EXPRESS' })).toEqual(['CONDITIONAL us-fda-prior-notice-food']);
    expect(check({ hsCode: '090210' })[0]!.document).toMatch(/Prior Notice/);
    expect(kinds({ destination: 'FR', hsCode: '950300' })).toEqual(['CONDITIONAL eu-toy-safety-ce-marking']);
    expect(kinds({ destination: 'GB', hsCode: '950300' })).toEqual([]);
  });

  it('says nothing when no border is crossed', () => {
    expect(check({ mode: null, hsCode: '850760' })).toEqual([]);
  });
});

describe('documentRequirementsFor', () => {
  it('asks EU consignments from outside the EU for product identifiers from 1 November 2026', () => {
    const ids = (facts: Partial<ShipmentFacts>) => documentRequirementsFor(rules, { ...base, ...facts }).map((line) => line.id);
    expect(ids({ destination: 'DE', hsCode: '610910' })).toEqual(['eu-low-value-product-identifiers']);
    expect(ids({ destination: 'DE', hsCode: '610910', date: '2026-10-31' })).toEqual([]);
    expect(ids({ origin: 'FR', destination: 'DE', hsCode: '610910' })).toEqual([]);
    expect(ids({ destination: 'US', hsCode: '610910' })).toEqual([]);
  });
});
