import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/loadRules.js';
import { destinationCurrency } from '../src/importCharges/destinationCurrency.js';
import { allocate, formatBp, grossedUp, roundHalfUp, timesBp } from '../src/importCharges/exactAmount.js';

describe('exact amounts', () => {
  it('rounds once, ties away from zero', () => {
    expect(roundHalfUp(timesBp(150n, 1900))).toBe(29n); // 19% × 1.50 = 0.285 → 0.29
    expect(roundHalfUp(timesBp(149n, 1900))).toBe(28n); // 0.2831 → 0.28
    expect(roundHalfUp({ numerator: -5n, denominator: 10n })).toBe(-1n);
  });

  it('grosses up "por dentro": 17% of a base that includes the tax', () => {
    expect(roundHalfUp(grossedUp(8300n, 1700))).toBe(1700n); // 83.00 / 0.83 × 0.17 = 17.00
  });

  it('shares freight by value without losing a minor unit', () => {
    expect(allocate(800n, [30000n, 10000n, 2000n])).toEqual([571n, 190n, 39n]);
    expect(allocate(5n, [0n, 0n])).toEqual([5n, 0n]);
  });

  it('writes rates as people do', () => {
    expect([1900, 320, 3350, 0, 1090, 550].map(formatBp)).toEqual(['19%', '3.2%', '33.5%', '0%', '10.9%', '5.5%']);
  });
});

describe('destination currencies', () => {
  it('names a currency for every destination with rules', () => {
    const destinations = [...loadRules().destinations.keys()].filter((code) => code !== 'EU');
    expect(destinations.filter((code) => destinationCurrency(code) === undefined)).toEqual([]);
  });
});
