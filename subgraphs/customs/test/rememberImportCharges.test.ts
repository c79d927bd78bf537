import { describe, expect, it } from 'vitest';
import { parseMoney } from '#packages/money/index.js';
import { loadRules } from '../rules/loadRules.js';
import { computeImportCharges } from '../src/importCharges/computeImportCharges.js';
import { rememberImportCharges } from '../src/importCharges/rememberImportCharges.js';
import type { Consignment } from '../src/importCharges/types.js';
import { TEST_RATES } from './executeCustoms.js';

const rules = loadRules();
const tshirts = (amount: string): Consignment => ({
  origin: 'CN',
  destination: 'DE',
  region: undefined,
  mode: 'EXPRESS',
  items: [{ hsCode: '610910', quantity: 1, value: parseMoney(amount, 'USD') }],
  shipping: parseMoney('12.00', 'USD'),
  postBorderTransport: undefined,
  incoterm: 'DAP',
  date: '2026-11-26',
  iossNumber: undefined,
  marketplaceCollects: true,
  soldOnMarketplace: true,
  alreadyImported: false,
  carrierFees: [],
});

describe('rememberImportCharges', () => {
  it('answers as computeImportCharges does, for each consignment and set of rates', () => {
    const dearer = { ...TEST_RATES, rates: { ...TEST_RATES.rates, USD: '1.0000' } };
    for (const rates of [TEST_RATES, dearer, TEST_RATES]) {
      for (const amount of ['300.00', '90.00', '300.00']) {
        expect(rememberImportCharges(tshirts(amount), rules, rates)).toEqual(computeImportCharges(tshirts(amount), rules, rates));
      }
    }
    // new rates are not answered from the old ones
    expect(rememberImportCharges(tshirts('300.00'), rules, dearer).total).not.toEqual(
      rememberImportCharges(tshirts('300.00'), rules, TEST_RATES).total,
    );
  });

  it('throws a refusal again rather than remembering it', () => {
    const nowhere = { ...tshirts('300.00'), destination: 'AQ' };
    expect(() => rememberImportCharges(nowhere, rules, TEST_RATES)).toThrow(/no customs rules/);
    expect(() => rememberImportCharges(nowhere, rules, TEST_RATES)).toThrow(/no customs rules/);
  });
});
