import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currencyCode, parseMoney } from '#packages/money/index.js';
import { subdivisionsOf } from '#packages/countries/index.js';
import { loadRules } from '../rules/loadRules.js';
import { computeImportCharges } from '../src/importCharges/computeImportCharges.js';
import { CUSTOMS_MODES, INCOTERMS, type Consignment, type ImportCharges } from '../src/importCharges/types.js';
import { TEST_RATES } from './executeCustoms.js';

const rules = loadRules();
const DESTINATIONS = [...rules.destinations.keys()].filter((code) => code !== 'EU').sort();
const ORIGINS = ['CN', 'US', 'DE', 'JP', 'GB', 'MX', 'BR', 'KR', 'FR', 'MY'];
const HS_CODES = [
  '610910',
  '6110119000',
  '090210',
  '950300',
  '330499',
  '851830',
  '220421',
  '220830',
  '220300',
  '732393',
  '490199',
  '620442',
];
const CURRENCIES = ['EUR', 'USD', 'CNY', 'JPY', 'GBP'];

/** Amounts with the currency's own decimals, from nothing to a formal entry. */
const amountIn = (currency: string) =>
  fc
    .integer({ min: 0, max: 400_000 })
    .map((cents) => (currency === 'JPY' ? String(cents) : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`));

const consignment = (destination: string, mode: Consignment['mode']) =>
  fc
    .record({
      origin: fc.constantFrom(...ORIGINS),
      currency: fc.constantFrom(...CURRENCIES),
      lines: fc.array(fc.record({ hsCode: fc.constantFrom(...HS_CODES), quantity: fc.integer({ min: 1, max: 5 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
      incoterm: fc.constantFrom(...INCOTERMS),
      date: fc.constantFrom('2025-06-01', '2025-09-15', '2026-03-15', '2026-06-30', '2026-07-01', '2026-11-26'),
      region: fc.option(fc.constantFrom(...(subdivisionsOf(destination) ?? ['none'])), { nil: undefined }),
      marketplaceCollects: fc.boolean(),
      withPostBorder: fc.boolean(),
      alreadyImported: fc.boolean(),
    })
    .chain((base) =>
      fc
        .record({
          values: fc.array(amountIn(base.currency), { minLength: base.lines.length, maxLength: base.lines.length }),
          shipping: amountIn(base.currency),
          postBorder: amountIn(base.currency),
        })
        .map(({ values, shipping, postBorder }): Consignment => ({
          origin: base.origin,
          destination,
          region: base.region === 'none' ? undefined : base.region,
          mode,
          items: base.lines.map((line, i) => ({ ...line, value: parseMoney(values[i]!, currencyCode(base.currency)) })),
          shipping: parseMoney(shipping, currencyCode(base.currency)),
          postBorderTransport: mode === 'FREIGHT' && base.withPostBorder ? parseMoney(postBorder, currencyCode(base.currency)) : undefined,
          incoterm: base.incoterm,
          date: base.date,
          iossNumber: undefined,
          marketplaceCollects: base.marketplaceCollects,
          soldOnMarketplace: true,
          alreadyImported: base.alreadyImported,
          carrierFees: [],
        })),
    );

/** The two invariants every answer keeps, to the minor unit. */
function checkTotals(charges: ImportCharges): void {
  const sum = (keep: (line: ImportCharges['lines'][number]) => boolean) =>
    charges.lines.filter(keep).reduce((total, line) => total + line.amount.minor, 0n);
  expect(sum(() => true)).toBe(charges.total.minor);
  expect(sum((line) => line.paidBy === 'BUYER' && line.collectedAt === 'CHECKOUT')).toBe(charges.payableAtCheckout.minor);
  expect(sum((line) => line.paidBy === 'BUYER' && line.collectedAt !== 'CHECKOUT')).toBe(charges.payableOnDelivery.minor);
  expect(charges.payableAtCheckout.minor + charges.payableOnDelivery.minor + charges.sellerPaid.minor).toBe(charges.total.minor);
  for (const line of charges.lines) {
    expect(line.amount.minor >= 0n, line.description).toBe(true);
    expect(line.amount.currency).toBe(charges.total.currency);
  }
}

describe('import charges, for every destination and customs mode (fast-check)', () => {
  it.each(DESTINATIONS.flatMap((destination) => CUSTOMS_MODES.map((mode) => [destination, mode] as const)))(
    '%s by %s: the total is the sum of the lines, and checkout + delivery + the seller’s share is the total',
    (destination, mode) => {
      fc.assert(
        fc.property(consignment(destination, mode), (c) => {
          checkTotals(computeImportCharges(c, rules, TEST_RATES));
        }),
        { numRuns: 40, seed: 20261126 },
      );
    },
  );
});
