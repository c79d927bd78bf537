import { describe, expect, it } from 'vitest';
import { loadRules } from '../rules/loadRules.js';
import { isCurrencyCode } from '#packages/money/index.js';
import { createRounding } from '../src/importCharges/createRounding.js';
import { allocate, compare, formatBp, grossedUp, minus, plus, roundHalfUp, times, timesBp } from '../src/importCharges/exactAmount.js';

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

describe('destination currencies and rounding', () => {
  const rules = loadRules();
  const destinations = [...rules.destinations.keys()].filter((code) => code !== 'EU');

  it('names an ISO 4217 currency and a rounding rule for every destination with rules, today', () => {
    for (const code of destinations) {
      const inForce = rules.rulesAt(code, new Date('2026-12-01T00:00:00Z'));
      expect(isCurrencyCode(inForce.currency), code).toBe(true);
      expect(inForce.rounding.id, code).toMatch(/-rounding$/);
    }
  });

  it('truncates a JP taxable base to ¥1,000 and the tax to ¥100; rounds IN to the rupee; EU to the cent, half-up', () => {
    const jp = createRounding(rules.rulesAt('JP', new Date('2026-12-01T00:00:00Z')).rounding, 'JPY');
    expect(jp.base(12_999n)).toBe(12_000n);
    expect(jp.tax(timesBp(12_000n, 1000))).toBe(1_200n);
    expect(jp.tax(timesBp(12_990n, 1000))).toBe(1_200n); // 1,299 → 1,200
    const inr = createRounding(rules.rulesAt('IN', new Date('2026-12-01T00:00:00Z')).rounding, 'INR');
    expect(inr.duty(timesBp(10_050n, 1000))).toBe(1_000n); // ₹10.05 → ₹10 (1,005 paise → 1,000)
    expect(inr.duty(timesBp(10_500n, 1000))).toBe(1_100n); // ₹10.50 → ₹11
    const eu = createRounding(rules.rulesAt('DE', new Date('2026-12-01T00:00:00Z')).rounding, 'EUR');
    expect(eu.tax(timesBp(150n, 1900))).toBe(29n);
  });
});

describe('ratios of bigints', () => {
  const third = { numerator: 1n, denominator: 3n };
  const half = { numerator: 1n, denominator: 2n };
  it('multiply, add and compare exactly', () => {
    expect(times(third, half)).toEqual({ numerator: 1n, denominator: 6n });
    expect(plus(third, half)).toEqual({ numerator: 5n, denominator: 6n });
    expect([compare(half, third), compare(third, half), compare(third, { numerator: 2n, denominator: 6n })]).toEqual([1, -1, 0]);
  });
  it('subtract, never below zero', () => {
    expect(roundHalfUp(minus(half, third))).toBe(0n);
    expect(minus(half, third)).toEqual({ numerator: 1n, denominator: 6n });
    expect(minus(third, half)).toEqual({ numerator: 0n, denominator: 6n });
  });
});
